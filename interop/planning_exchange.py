"""Exchange with regional planning (SIPD): a region's indicator targets (RPJMD/RKPD) and its
Pokja activities in one documented layout, as CSV, XLSX or JSON; targets import back from the
same layout (`interop.services.import_targets`). Columns are named after the terms of the
planning documents (Permendagri 86/2017; see docs/interop.md)."""

import csv
import io
import json

from openpyxl import Workbook as XlsxWorkbook

from core.exports import append, csv_value
from indicators.models import Target
from planning.models import Activity

LAYOUT = "sipokja-sipd/1"
TARGET_COLUMNS = (
    "kode_pemda",
    "nama_pemda",
    "dokumen_perencanaan",
    "tahun",
    "kode_indikator",
    "indikator_kinerja",
    "satuan",
    "target_kinerja",
    "keterangan",
)
ACTIVITY_COLUMNS = (
    "kode_pemda",
    "nama_pemda",
    "tahun",
    "kegiatan",
    "keluaran",
    "indikator_kinerja",
    "pagu_indikatif",
    "sumber_dana",
    "bulan_mulai",
    "bulan_selesai",
    "status",
)
SHEETS = {"targets": "Target", "activities": "Kegiatan"}


def target_rows(region) -> list[dict]:
    targets = (
        Target.objects.filter(region=region)
        .select_related("indicator")
        .order_by("year", "indicator__order", "indicator__code")
    )
    return [
        {
            "kode_pemda": region.code,
            "nama_pemda": region.name,
            "dokumen_perencanaan": t.plan_document,
            "tahun": t.year,
            "kode_indikator": t.indicator.code,
            "indikator_kinerja": t.indicator.name,
            "satuan": t.indicator.unit,
            "target_kinerja": csv_value(t.value),
            "keterangan": t.note,
        }
        for t in targets
    ]


def activity_rows(region) -> list[dict]:
    activities = (
        Activity.objects.filter(plan__workgroup__region=region)
        .select_related("plan")
        .prefetch_related("indicators")
        .order_by("plan__year", "start_month", "pk")
    )
    return [
        {
            "kode_pemda": region.code,
            "nama_pemda": region.name,
            "tahun": a.plan.year,
            "kegiatan": a.title,
            "keluaran": a.expected_output,
            "indikator_kinerja": ";".join(i.code for i in a.indicators.all()),
            "pagu_indikatif": a.planned_cost,
            "sumber_dana": a.get_cost_source_display() if a.cost_source else "",
            "bulan_mulai": a.start_month,
            "bulan_selesai": a.end_month,
            "status": a.get_status_display(),
        }
        for a in activities
    ]


def rows_and_columns(region, part: str):
    if part == "targets":
        return target_rows(region), TARGET_COLUMNS
    return activity_rows(region), ACTIVITY_COLUMNS


def as_csv(rows, columns) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_value(row[c]) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")


def as_json(part, rows) -> bytes:
    return json.dumps(
        {"layout": LAYOUT, part: rows}, ensure_ascii=False, indent=1, default=str
    ).encode()


def as_xlsx(part, rows, columns) -> bytes:
    wb = XlsxWorkbook()
    sheet = wb.active
    sheet.title = SHEETS[part]
    append(sheet, list(columns))
    for row in rows:
        append(sheet, [row[c] for c in columns])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
