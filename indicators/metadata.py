"""Satu Data Indonesia indicator metadata (BPS MS-Ind): the fields, and the catalogue's
metadata as JSON and XLSX. Field names and their MS-Ind labels: docs/interop.md.

The JSON layout is also what `indicators.services.import_metadata` reads back, so an export
re-imports to the same metadata."""

import io
import json

from django.utils import timezone

from core.exports import append
from indicators.models import Indicator

# (JSON key = model field, MS-Ind element). `definition`, `unit`, `usual_source` existed before.
FIELDS = (
    ("concept", "Konsep"),
    ("definition", "Definisi"),
    ("interpretation", "Interpretasi"),
    ("method", "Metode/Cara Perhitungan"),
    ("formula", "Rumus"),
    ("unit", "Satuan"),
    ("usual_source", "Sumber Data"),
    ("collection_frequency", "Frekuensi Pengumpulan Data"),
    ("disaggregation", "Level Estimasi/Disagregasi"),
    ("producer", "Produsen Data"),
)
FIELD_NAMES = tuple(name for name, _label in FIELDS)
FORMAT = "sipokja-ms-ind/1"


def record(indicator: Indicator) -> dict:
    return {
        "code": indicator.code,
        "name": indicator.name,
        **{name: getattr(indicator, name) for name in FIELD_NAMES},
    }


def records(queryset=None) -> list[dict]:
    queryset = Indicator.objects.filter(is_active=True) if queryset is None else queryset
    return [record(indicator) for indicator in queryset.order_by("order", "code")]


def as_json(queryset=None) -> bytes:
    document = {
        "format": FORMAT,
        "generated": timezone.now().isoformat(timespec="seconds"),
        "indicators": records(queryset),
    }
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def as_xlsx(queryset=None) -> bytes:
    from openpyxl import Workbook  # not at start-up: openpyxl with numpy costs ~40 MB

    wb = Workbook()
    sheet = wb.active
    sheet.title = "MS-Ind"
    append(sheet, ["Kode", "Nama Indikator", *(label for _name, label in FIELDS)])
    for item in records(queryset):
        append(sheet, [item["code"], item["name"], *(item[name] for name in FIELD_NAMES)])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
