"""The audit log as people read it (issue 22, item 5): field labels, formatted old → new values,
the person's name and role, the time in full in the region's zone, filters and export."""

import datetime
import io

from django.utils import timezone

from audit.context import acting_as
from audit.models import AuditEvent
from audit.registry import record


def _budget_change(personas):
    with acting_as(personas.gowa_operator):
        return record(
            action=AuditEvent.Action.UPDATE,
            model_label="budget.BudgetAllocation",
            object_id="7",
            object_repr="APBD 2026: Rp 1.000.000",
            region_code="73.06",
            changes={
                "amount": [1000000, 1250000],
                "realised_on": [None, "2026-12-04"],
                "is_demo": [True, False],
            },
        )


def test_audit_page_reads_labels_and_formatted_values(personas):
    event = _budget_change(personas)
    # 01:00 UTC is 09.00 WITA (Sulawesi Selatan).
    AuditEvent.objects.filter(pk=event.pk).update(
        created_at=datetime.datetime(2026, 12, 4, 1, 0, tzinfo=datetime.UTC)
    )
    personas.gowa_operator.first_name = "Andi"
    personas.gowa_operator.last_name = "Baso"
    personas.gowa_operator.save()
    page = personas.client("sulsel_admin").get("/r/73/audit/").content.decode()
    assert "Jumlah (Rp)" in page  # the field by its label, in Indonesian
    assert "<del>Rp 1.000.000</del> → <ins>Rp 1.250.000</ins>" in page
    assert "Realisasi per tanggal" in page or "4 Desember 2026" in page
    assert "<del>Ya</del> → <ins>Tidak</ins>" in page
    assert "Jumat, 4 Desember 2026 pukul 09.00 WITA" in page
    assert "Andi Baso" in page
    assert "Operator" in page
    assert "amount" not in page.split("<table", 1)[1]


def test_audit_filters_stay_in_the_url_and_export(personas):
    _budget_change(personas)
    with acting_as(personas.sulsel_admin):
        record(
            action=AuditEvent.Action.UPDATE,
            model_label="regions.Region",
            object_repr="Kota Makassar",
            region_code="73.71",
            changes={"office_name": ["", "DPPKB Kota Makassar"]},
        )
    client = personas.client("sulsel_admin")
    today = timezone.localdate().isoformat()
    page = client.get(f"/r/73/audit/?area=73.06&since={today}").content.decode()
    assert "Jumlah (Rp)" in page
    assert "DPPKB Kota Makassar" not in page
    assert "area=73.06" in page  # the export links keep the filters
    page = client.get("/r/73/audit/?person=sulsel_admin").content.decode()
    assert "DPPKB Kota Makassar" in page and "Rp 1.250.000" not in page
    page = client.get("/r/73/audit/?type=regions.Region").content.decode()
    assert "DPPKB Kota Makassar" in page and "Rp 1.250.000" not in page

    csv = client.get("/r/73/audit/?area=73.06&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    text = csv.content.decode("utf-8-sig")
    assert "Jumlah (Rp),Rp 1.000.000,Rp 1.250.000" in text
    assert "DPPKB" not in text

    from openpyxl import load_workbook

    xlsx = client.get("/r/73/audit/?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Rp 1.250.000" in values
    assert "DPPKB Kota Makassar" in values


def test_audit_page_outside_the_region_is_404(personas):
    assert personas.client("gowa_operator").get("/r/73.71/audit/").status_code == 404
