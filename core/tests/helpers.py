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


def assert_contains(text: str, *phrases: str) -> None:
    """Assert that every one of `phrases` stands in `text` (a page, a PDF's text), naming all the
    missing ones at once rather than only the first."""
    missing = [phrase for phrase in phrases if phrase not in text]
    assert not missing, f"missing from the text: {missing}"
