"""Helpers of the Pokja registry tests: filled-in members workbooks built with openpyxl."""

import datetime
import functools

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from core.tests.helpers import workbook_upload


def template_header():
    """The header row as the template writes it in the active language."""
    from workgroups.xlsx import COLUMNS

    return [str(c.label) + (" *" if c.required else "") for c in COLUMNS]


def member_row(i, **overrides):
    row = {
        "name": f"Anggota Nomor {i}",
        "position": "Kepala Seksi",
        "institution": "Dinas Kesehatan Kabupaten Gowa",
        "sector": "Perangkat daerah (OPD)",
        "role": "Anggota",
        "subgroup": "Percepatan Penurunan Stunting (TPPS)",
        "phone": f"0812 3456 {i:04d}",
        "email": f"anggota{i}@gowakab.example",
        "active_from": datetime.date(2024, 1, 1),
        "active_until": None,
    }
    row.update(overrides)
    return row


FIELDS = [
    "name",
    "position",
    "institution",
    "sector",
    "role",
    "subgroup",
    "phone",
    "email",
    "active_from",
    "active_until",
]


def build_xlsx(rows, header=None, *, name="anggota.xlsx") -> SimpleUploadedFile:
    """A filled-in members workbook made with openpyxl, as an upload."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Anggota"
    ws.append(header or template_header())
    for row in rows:
        ws.append([row.get(field) for field in FIELDS])
    return workbook_upload(wb, name)


def decree_fields(**overrides) -> dict:
    """The fields of Gowa's formation decree (SK), as the page form and the API take them."""
    return {
        "number": "188.45/76/KPTS/2023",
        "title": "Pembentukan Pokja Bangga Kencana Kabupaten Gowa",
        "kind": "formation",
        "signed_on": "2023-07-12",
        "issuer": "regent",
        "valid_from": "2023-07-12",
        "valid_until": "2027-12-31",
    } | overrides


@functools.cache
def sk_pdf_bytes() -> bytes:
    """A real SK PDF rendered with WeasyPrint (once per test session)."""
    from regions.models import Region
    from workgroups.decree_pdf import render_decree_pdf

    return render_decree_pdf(
        region=Region.objects.get(code="73.06"),
        number="188.45/76/KPTS/2023",
        title="Pembentukan Kelompok Kerja Bangga Kencana Kabupaten Gowa",
        signed_on=datetime.date(2023, 7, 12),
        valid_from=datetime.date(2023, 7, 12),
        valid_until=datetime.date(2027, 12, 31),
        members=[("Pengarah", "Bupati Gowa", "Sekretariat Daerah Kabupaten Gowa")],
    )


def pdf_upload(name="SK Pokja.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, sk_pdf_bytes(), content_type="application/pdf")
