"""Helpers that tests of every app share: what `core` says to the user, uploads."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.formats import parse_rupiah


def rupiah_error(text: str) -> str:
    """The Indonesian message `parse_rupiah` gives for `text`, which it must refuse."""
    try:
        with translation.override("id"):
            parse_rupiah(text)
    except ValueError as exc:
        return str(exc)
    raise AssertionError(text)


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_upload(workbook, name: str) -> SimpleUploadedFile:
    """An openpyxl `workbook` saved as an .xlsx upload named `name`."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX_TYPE)
