"""Real spreadsheets for the import tests (openpyxl, no mocks)."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from indicators.spreadsheets import HEADERS

HEADER = HEADERS[:8]

SULSEL_KABKOTA = [
    "73.01", "73.02", "73.03", "73.04", "73.05", "73.06", "73.07", "73.08", "73.09", "73.10",
    "73.11", "73.12", "73.13", "73.14", "73.15", "73.16", "73.17", "73.18", "73.22", "73.24",
    "73.26", "73.71", "73.72", "73.73",
]  # fmt: skip


def xlsx_bytes(rows, header=HEADER) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows, header=HEADER, delimiter=",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def upload(content: bytes, name="nilai.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def fileobj(content: bytes):
    return io.BytesIO(content)
