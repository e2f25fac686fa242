"""Demo data stays marked (issue 21): an export → import round trip keeps the demo flag, and
`manage.py remove_demo_data` removes exactly the demo rows, in one transaction."""

import io
from decimal import Decimal

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from indicators.models import Indicator, Target, Value, WorkGroupIndicator
from indicators.services import import_file
from indicators.tests.helpers import fileobj
from regions.models import Region
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db
YEAR = 2025


@pytest.fixture
def mixed(regions):
    """Demo figures in Gowa (with a demo Pokja), real figures in Makassar (real Pokja)."""
    gowa, makassar = Region.objects.get(code="73.06"), Region.objects.get(code="73.71")
    stunting = Indicator.objects.get(code="stunting")
    demo_pokja = WorkGroup.objects.create(region=gowa, name="[DEMO] Pokja Gowa", is_demo=True)
    real_pokja = WorkGroup.objects.create(region=makassar, name="Pokja Makassar")
    for region, demo, pokja in ((gowa, True, demo_pokja), (makassar, False, real_pokja)):
        Target.objects.create(
            region=region, indicator=stunting, year=YEAR, value=Decimal("18"), is_demo=demo
        )
        Value.objects.create(
            region=region,
            indicator=stunting,
            year=YEAR,
            source="ssgi",
            value=Decimal("22.5"),
            is_demo=demo,
        )
        WorkGroupIndicator.objects.create(
            workgroup=pokja, indicator=stunting, year=YEAR, target=Decimal("17"), is_demo=demo
        )
    return gowa, makassar


def test_export_then_import_keeps_the_demo_flag(personas, mixed):
    client = personas.client("sulsel_admin")
    export = client.get(f"/r/73/indicators/export.xlsx?area=children&year={YEAR}")
    assert export.status_code == 200
    result = import_file(
        by=personas.sulsel_admin,
        fileobj=fileobj(export.content),
        filename="ekspor.xlsx",
        scope_region=Region.objects.get(code="73"),
    )
    assert result.targets_updated == result.values_updated == 0
    assert set(Value.objects.values_list("region__code", "is_demo")) == {
        ("73.06", True),
        ("73.71", False),
    }
    assert set(Target.objects.values_list("region__code", "is_demo")) == {
        ("73.06", True),
        ("73.71", False),
    }


def test_a_changed_value_imported_over_demo_is_real_data(personas, mixed):
    gowa, _makassar = mixed
    from indicators.services import save_records

    stunting = Indicator.objects.get(code="stunting")
    save_records(
        by=personas.sulsel_admin,
        values=[(gowa.pk, stunting.pk, YEAR, "", "ssgi", Decimal("21"), "")],
    )
    assert Value.objects.get(region=gowa).is_demo is False


def test_remove_demo_data_removes_exactly_the_demo_rows(mixed):
    real = {
        "values": set(Value.objects.filter(is_demo=False).values_list("pk", flat=True)),
        "targets": set(Target.objects.filter(is_demo=False).values_list("pk", flat=True)),
        "adoptions": set(
            WorkGroupIndicator.objects.filter(is_demo=False).values_list("pk", flat=True)
        ),
        "pokja": set(WorkGroup.objects.filter(is_demo=False).values_list("pk", flat=True)),
    }
    out = io.StringIO()
    call_command("remove_demo_data", stdout=out)
    assert "Demo data removed" in out.getvalue()
    assert set(Value.objects.values_list("pk", flat=True)) == real["values"]
    assert set(Target.objects.values_list("pk", flat=True)) == real["targets"]
    assert set(WorkGroupIndicator.objects.values_list("pk", flat=True)) == real["adoptions"]
    assert set(WorkGroup.objects.values_list("pk", flat=True)) == real["pokja"]
    assert not any(
        model.objects.filter(is_demo=True).exists()
        for model in (Value, Target, WorkGroupIndicator, WorkGroup)
    )


def test_every_surface_with_demo_figures_says_so(personas, mixed):
    from reports.tests.helpers import pdf_text

    client = personas.client("sulsel_admin")
    notice = 'class="message demo-notice"'
    for url in (
        f"/r/73/dashboard/?year={YEAR}&indicator=stunting",
        f"/r/73.06/dashboard/?year={YEAR}",
        f"/r/73.06/indicators/?year={YEAR}",
        f"/r/73/reports/indicators/?year={YEAR}",
    ):
        html = client.get(url).content.decode()
        assert notice in html and "[DEMO]" in html, url
    assert notice not in client.get(f"/r/73.71/indicators/?year={YEAR}").content.decode()
    text = pdf_text(client.get(f"/r/73/reports/indicators.pdf?year={YEAR}").content)
    assert "DATA DEMO" in text
    sheet = load_workbook(
        io.BytesIO(client.get(f"/r/73/reports/indicators.xlsx?year={YEAR}").content)
    ).active
    assert "DATA DEMO" in sheet["A2"].value
    flags = {r[1]: r[10] for r in sheet.iter_rows(min_row=5, values_only=True) if r[1]}
    assert flags["73.06"] == "DEMO" and not flags["73.71"]
    profile = pdf_text(client.get(f"/r/73.06/reports/profile.pdf?year={YEAR}").content)
    assert "DATA DEMO" in profile


@pytest.mark.slow
def test_remove_demo_data_after_load_demo_keeps_only_the_real_rows(regions):
    """Everything `load_demo` made goes (meetings, action items, announcements and assessments
    included); a real meeting, action item, announcement and snapshot created beside it stay."""
    import datetime

    from django.utils import timezone

    from assessment.models import Assessment, Snapshot
    from meetings import services as meetings
    from meetings.models import ActionItem, Announcement, Meeting
    from ops.demo_data import demo_models

    call_command("load_demo", stdout=io.StringIO())
    flagged = {
        model: model.objects.filter(is_demo=True).count()
        for model in (Meeting, ActionItem, Announcement, Assessment, Snapshot)
    }
    assert all(flagged.values()), flagged
    sulsel, gowa = Region.objects.get(code="73"), Region.objects.get(code="73.06")
    start = timezone.now() + datetime.timedelta(days=7)
    meeting = meetings.create_meeting(
        region=gowa,
        by=None,
        title="Rapat Pokja Gowa",
        venue="Ruang Rapat DPPKB Kabupaten Gowa",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )
    item = meetings.create_action_item(
        region=gowa,
        by=None,
        title="Menyusun laporan",
        due_date=datetime.date(2026, 1, 31),
        meeting=meeting,
    )
    announcement = meetings.send_announcement(
        region=sulsel, by=None, title="Pengumuman", body="Isi pengumuman."
    )
    snapshot = Snapshot.objects.create(
        region=gowa, year=2022, effective=True, computed_effective=True
    )

    call_command("remove_demo_data", stdout=io.StringIO())

    for model in demo_models():
        assert not model.objects.filter(is_demo=True).exists(), model
    assert not Meeting.objects.filter(title__endswith="(demo)").exists()
    assert not ActionItem.objects.filter(title__endswith="(demo)").exists()
    assert not Announcement.objects.filter(title__endswith="(demo)").exists()
    assert not Assessment.objects.filter(note__startswith="[DEMO]").exists()
    assert list(Meeting.objects.values_list("pk", flat=True)) == [meeting.pk]
    assert list(ActionItem.objects.values_list("pk", flat=True)) == [item.pk]
    assert list(Announcement.objects.values_list("pk", flat=True)) == [announcement.pk]
    assert list(Snapshot.objects.values_list("pk", flat=True)) == [snapshot.pk]
