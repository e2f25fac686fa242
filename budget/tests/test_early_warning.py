"""The early warning before the budget cycle (issue 24): each flag appears with its reason and
clears when its cause is fixed; the budget flag appears before the KUA-PPAS and not after the
budget is recorded; the daily notice goes once; the province page, the advocacy letter, the
calendar and the WhatsApp links."""

import datetime
import re
from urllib.parse import quote

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from budget import warning_jobs
from budget.calendar import calendar_for, default_calendar
from budget.early_warning import HIGH, MEDIUM, flags_for
from budget.tests.helpers import CALENDAR_2027
from core.whatsapp import wa_link
from planning.tests import helpers as h

pytestmark = pytest.mark.django_db

# The budget of 2027 is prepared in 2026; default KUA-PPAS 31-07-2026, warning from 05-06-2026.
KUA = datetime.date(2026, 7, 31)


def _flags(code, today, kind=None):
    found = flags_for([h.region(code)], today=today)
    return [f for f in found if kind is None or f.code == kind]


def _decree(workgroup, valid_until, number="400/12/2026"):
    from workgroups.models import Decree

    return Decree.objects.create(
        workgroup=workgroup, number=number, title="Pembentukan Pokja",
        signed_on=datetime.date(2024, 1, 2), issuer="regent",
        valid_from=datetime.date(2024, 1, 2), valid_until=valid_until,
    )  # fmt: skip


def test_default_calendar_is_in_the_year_before_the_budget_year(regions):
    calendar = default_calendar(regions["73.06"], 2027)
    assert (calendar.rkpd_from, calendar.rkpd_until, calendar.kua_ppas, calendar.rapbd) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 5, 31),
        KUA,
        datetime.date(2026, 11, 30),
    )


def test_budget_flag_appears_before_the_kua_ppas_and_clears_when_the_budget_is_recorded(regions):
    h.workgroup("73.06")
    assert _flags("73.06", KUA - datetime.timedelta(weeks=9), "budget") == []
    [flag] = _flags("73.06", KUA - datetime.timedelta(weeks=2), "budget")
    assert flag.severity == MEDIUM and flag.date == KUA
    assert "2027" in flag.reason and "31-07-2026" in flag.reason
    [late] = _flags("73.06", KUA + datetime.timedelta(days=1), "budget")
    assert late.severity == HIGH
    assert _flags("73.06", datetime.date(2026, 12, 1), "budget") == []  # RAPBD passed

    h.allocation("73.06", year=2027)
    assert _flags("73.06", KUA - datetime.timedelta(weeks=2), "budget") == []
    assert _flags("73.06", KUA + datetime.timedelta(days=1), "budget") == []


def test_the_regions_own_calendar_moves_the_budget_flag(personas, regions):
    h.workgroup("73.06")
    client = personas.client("gowa_operator")
    url = "/r/73.06/budget/calendar/?year=2027"
    response = client.post(url, CALENDAR_2027 | {"note": "Jadwal DPRD"})
    assert response.status_code == 302
    calendar = calendar_for(regions["73.06"], 2027)
    assert calendar.pk and calendar.kua_ppas == datetime.date(2026, 8, 14)
    event = AuditEvent.objects.get(model__iendswith="budgetcalendar", object_id=str(calendar.pk))
    assert event.actor_username == "gowa_operator" and event.region_code == "73.06"
    assert _flags("73.06", datetime.date(2026, 7, 10), "budget") == []
    [flag] = _flags("73.06", datetime.date(2026, 7, 20), "budget")
    assert flag.date == datetime.date(2026, 8, 14)

    bad = client.post(
        url, CALENDAR_2027 | {"kua_ppas": "14-04-2026", "version": str(calendar.version)}
    )
    assert bad.status_code == 200
    assert calendar_for(regions["73.06"], 2027).kua_ppas == datetime.date(2026, 8, 14)


def test_no_workgroup_flag_clears_when_the_pokja_is_formed(regions):
    today = datetime.date(2026, 2, 1)
    assert [f.code for f in _flags("73.06", today)] == ["no_workgroup", "meeting"]
    h.workgroup("73.06")
    assert _flags("73.06", today, "no_workgroup") == []


def test_decree_flag_expired_expiring_then_renewed(regions):
    workgroup = h.workgroup("73.06")
    today = datetime.date(2026, 2, 1)
    [none] = _flags("73.06", today, "decree")
    assert none.severity == HIGH
    _decree(workgroup, datetime.date(2026, 1, 10), "400/1/2024")
    [expired] = _flags("73.06", today, "decree")
    assert expired.severity == HIGH and "10-01-2026" in expired.reason
    _decree(workgroup, today + datetime.timedelta(days=60), "400/2/2026")
    [expiring] = _flags("73.06", today, "decree")
    assert expiring.severity == MEDIUM and "400/2/2026" in expiring.reason
    _decree(workgroup, datetime.date(2029, 1, 1), "400/3/2026")
    assert _flags("73.06", today, "decree") == []


def test_work_plan_flag_after_the_first_quarter(regions):
    h.workgroup("73.06")
    assert _flags("73.06", datetime.date(2026, 3, 31), "work_plan") == []
    [flag] = _flags("73.06", datetime.date(2026, 4, 1), "work_plan")
    assert "31-03-2026" in flag.reason
    h.plan("73.06", 2026, approved=False)
    assert len(_flags("73.06", datetime.date(2026, 4, 1), "work_plan")) == 1
    from planning.models import WorkPlan

    WorkPlan.objects.filter(year=2026).update(
        status="approved", approved_on=datetime.date(2026, 4, 2), approver_name="Sekda"
    )
    assert _flags("73.06", datetime.date(2026, 4, 3), "work_plan") == []


def test_meeting_flag_clears_with_a_meeting_held_or_attended(regions):
    from meetings.models import InvitedRegion, Meeting

    today = timezone.localdate()
    assert len(_flags("73.06", today, "meeting")) == 1
    start = timezone.now() - datetime.timedelta(days=30)
    meeting = Meeting.objects.create(
        region=regions["73"], title="Forum Komunikasi Pokja", kind="forum", venue="Aula",
        starts_at=start, ends_at=start + datetime.timedelta(hours=2),
    )  # fmt: skip
    assert len(_flags("73.06", today, "meeting")) == 1
    InvitedRegion.objects.create(meeting=meeting, region=regions["73.06"])
    assert _flags("73.06", today, "meeting") == []
    assert len(_flags("73.06", today + datetime.timedelta(days=200), "meeting")) == 1


def test_overdue_actions_flag_clears_when_done(regions):
    from meetings.models import ActionItem

    today = datetime.date(2026, 2, 1)
    item = ActionItem.objects.create(
        region=regions["73"], assigned_region=regions["73.06"], title="Kirim laporan",
        due_date=datetime.date(2026, 1, 20),
    )  # fmt: skip
    [flag] = _flags("73.06", today, "actions")
    assert "20-01-2026" in flag.reason and flag.date == datetime.date(2026, 1, 20)
    item.status = ActionItem.Status.DONE
    item.closed_at = timezone.now()
    item.save()
    assert _flags("73.06", today, "actions") == []


def test_flags_sorted_by_severity(regions):
    h.workgroup("73.06")
    found = flags_for([regions["73.06"], regions["73.71"]], today=datetime.date(2026, 7, 1))
    severities = [f.severity for f in found]
    assert severities == sorted(severities, reverse=True)


def test_daily_budget_notice_goes_once_per_stage(personas, regions):
    from notifications.models import Notification

    h.workgroup("73.06")
    before = KUA - datetime.timedelta(weeks=1)
    created = warning_jobs.warn_missing_budgets(today=before)
    people = set(
        Notification.objects.filter(kind="budget.missing").values_list("user__username", flat=True)
    )
    assert {"gowa_operator", "sulsel_admin"} <= people and created >= 2
    gowa = Notification.objects.filter(kind="budget.missing", region=regions["73.06"])
    count = gowa.count()
    warning_jobs.warn_missing_budgets(today=before + datetime.timedelta(days=1))
    assert gowa.count() == count
    warning_jobs.warn_missing_budgets(today=KUA + datetime.timedelta(days=1))
    assert gowa.count() == 2 * count  # the "passed" stage, once
    h.allocation("73.06", year=2027)
    warning_jobs.warn_missing_budgets(today=KUA + datetime.timedelta(days=2))
    assert gowa.count() == 2 * count


def test_job_is_scheduled_daily():
    from jobs.schedule import entries

    [entry] = [e for e in entries() if e.kind == warning_jobs.EARLY_WARNING]
    assert entry.every == datetime.timedelta(days=1)


def test_wa_link_number_and_encoded_indonesian_text():
    text = "Yth. Pokja Gowa,\nMohon kirim anggaran & laporan: https://x.id/r/73.06/?a=1"
    assert wa_link("+6281234567890", text) == (
        "https://wa.me/6281234567890?text="
        "Yth.%20Pokja%20Gowa%2C%0AMohon%20kirim%20anggaran%20%26%20laporan%3A%20"
        "https%3A%2F%2Fx.id%2Fr%2F73.06%2F%3Fa%3D1"
    )
    assert wa_link("0812-3456-7890", text) == "" and wa_link("", text) == ""


def test_province_page_shows_flags_and_whatsapp_only_with_the_contact_right(personas, regions):
    workgroup = h.workgroup("73.06")
    workgroup.contact_phone = "+6281234567890"
    workgroup.contact_name = "Andi"
    workgroup.save()
    html = personas.client("sulsel_admin").get("/r/73/budget/early-warning/").content.decode()
    assert 'data-region="73.06" data-flag="decree"' in html
    link = re.search(r'href="(https://wa\.me/6281234567890\?text=[^"]+)"', html).group(1)
    assert quote("Yth. Pokja Bangga Kencana", safe="") in link.replace("&amp;", "&")
    viewer = personas.client("sulsel_viewer").get("/r/73/budget/early-warning/").content.decode()
    assert 'data-region="73.06"' in viewer and "wa.me/6281234567890" not in viewer
    assert "Yth. Pokja Bangga Kencana" in viewer  # the copyable text


def test_province_issues_a_numbered_advocacy_letter(personas, regions):
    from letters.models import Letter

    h.workgroup("73.06")
    h.allocation("73.06", year=2025, amount=120_000_000)
    response = personas.client("sulsel_admin").post(
        "/r/73/budget/early-warning/73.06/letter/", {"amount": "150.000.000"}
    )
    assert response.status_code == 302
    letter = Letter.objects.get(region=regions["73"], letter_type="advocacy")
    assert letter.serial == 1 and "Gowa" in letter.subject and letter.recipient.startswith("Bupati")
    document = letter.documents.get()
    with document.file.open("rb") as stored:
        assert stored.read(4) == b"%PDF"
    assert (
        personas.client("sulsel_viewer")
        .post("/r/73/budget/early-warning/73.06/letter/", {})
        .status_code
        == 403
    )
    assert (
        personas.client("sulsel_admin").get("/r/73/budget/early-warning/74.01/letter/").status_code
        == 404
    )


def test_indicator_flag_below_threshold_or_worse_two_years_running(regions):
    from decimal import Decimal

    from indicators.models import Target, Value

    today = datetime.date(2026, 2, 1)
    tfr = h.indicator("tfr")  # lower is better
    region = regions["73.06"]

    def value(year, number):
        return Value.objects.create(
            region=region, indicator=tfr, year=year, period="", source="pk", value=Decimal(number)
        )

    assert _flags("73.06", today, "indicators") == []
    Target.objects.create(region=region, indicator=tfr, year=2025, value=Decimal("2.00"))
    latest = value(2025, "2.80")  # capaian (2 - 1.4) * 100 = 60
    [flag] = _flags("73.06", today, "indicators")
    assert "60,00%" in flag.reason and "2025" in flag.reason
    latest.value = Decimal("2.10")  # capaian 95: on track
    latest.save()
    assert _flags("73.06", today, "indicators") == []
    value(2023, "1.90")
    value(2024, "2.00")  # 1.90 → 2.00 → 2.10: worse two years running
    [worse] = _flags("73.06", today, "indicators")
    assert "2023" in worse.reason and "2025" in worse.reason
    latest.value = Decimal("1.95")
    latest.save()
    assert _flags("73.06", today, "indicators") == []


def test_issued_letter_offers_its_verification_link_on_whatsapp(personas, regions):
    from urllib.parse import unquote

    from letters.models import Letter

    h.workgroup("73.06")
    personas.client("sulsel_admin").post("/r/73/budget/early-warning/73.06/letter/", {})
    letter = Letter.objects.get(region=regions["73"], letter_type="advocacy")
    code = letter.documents.get().code
    page = personas.client("sulsel_admin").get(f"/r/73/letters/{letter.pk}/").content.decode()
    [link] = re.findall(r'href="(https://wa\.me/\?text=[^"]+)"', page)
    text = unquote(link.split("text=", 1)[1])
    assert text.startswith(f"Surat nomor {letter.number} perihal Dukungan Anggaran Pokja")
    assert text.endswith(f"/verifikasi/{code}") or f"/verifikasi/{code}" in text


def test_advocacy_letter_is_dated_in_the_city_of_the_office(personas, regions):
    import subprocess

    from letters.models import Letter
    from meetings.models import Letterhead

    h.workgroup("73.06")
    Letterhead.objects.create(region=regions["73"], city="Makassar")
    personas.client("sulsel_admin").post("/r/73/budget/early-warning/73.06/letter/", {})
    document = Letter.objects.get(region=regions["73"], letter_type="advocacy").documents.get()
    with document.file.open("rb") as stored:
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=stored.read(), capture_output=True, check=True
        ).stdout.decode()
    assert "Makassar, " in text
    assert "Sulawesi Selatan, " not in text
