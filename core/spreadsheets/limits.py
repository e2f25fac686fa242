"""The ceilings of the spreadsheet guard and the error it raises."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024


def column_letter(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA (without importing openpyxl, which costs 30 MB per process)."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# A part is judged on its compression ratio once it has unpacked this much: small parts (a
# style sheet of a few KB) may compress very well without being a danger.
RATIO_FROM_BYTES = 1 * MB
MAX_PARTS = 10_000


@dataclass(frozen=True)
class Limits:
    unzipped_bytes: int
    part_bytes: int
    ratio: int
    rows: int
    columns: int

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(
            unzipped_bytes=settings.SIPOKJA_SPREADSHEET_MAX_UNZIPPED_MB * MB,
            part_bytes=settings.SIPOKJA_SPREADSHEET_MAX_PART_MB * MB,
            ratio=settings.SIPOKJA_SPREADSHEET_MAX_RATIO,
            rows=settings.SIPOKJA_SPREADSHEET_MAX_ROWS,
            columns=settings.SIPOKJA_SPREADSHEET_MAX_COLUMNS,
        )


class SpreadsheetError(ValidationError):
    """An uploaded workbook was refused before (or while) it was read. `code` says why:
    `not_spreadsheet`, `macro`, `encrypted`, `damaged`, `unzipped`, `ratio`, `rows`, `columns`."""


def not_spreadsheet():
    return SpreadsheetError(
        _(
            "The file is not a spreadsheet (.xlsx, .xls or .ods). Use the template downloaded "
            "from Sipokja."
        ),
        code="not_spreadsheet",
    )


def macro():
    return SpreadsheetError(
        _("Workbooks with macros are not accepted. Save the file as a plain .xlsx workbook."),
        code="macro",
    )


def encrypted():
    return SpreadsheetError(
        _("The workbook is protected with a password. Remove the password and upload it again."),
        code="encrypted",
    )


def damaged():
    return SpreadsheetError(
        _(
            "The workbook is damaged or uses a form Sipokja cannot read. Open it in Excel or "
            "LibreOffice, save it again and retry."
        ),
        code="damaged",
    )


def unzipped(limit_bytes: int):
    return SpreadsheetError(
        _(
            "The workbook unpacks to more than %(limit)d MB. Remove what is not needed or split "
            "it into smaller files."
        )
        % {"limit": limit_bytes // MB},
        code="unzipped",
    )


def ratio(limit: int):
    return SpreadsheetError(
        _(
            "The workbook is packed more than %(ratio)d times smaller than its content, which "
            "real spreadsheets never are; it was refused to protect the server. Save it again "
            "in Excel or LibreOffice."
        )
        % {"ratio": limit},
        code="ratio",
    )


def too_many_rows(limit: int):
    return SpreadsheetError(
        _("A sheet of the workbook uses more than %(max)d rows. Split it into smaller files.")
        % {"max": limit},
        code="rows",
    )


def too_many_columns(limit: int):
    return SpreadsheetError(
        _(
            "A sheet of the workbook uses columns beyond %(column)s. Remove the extra columns "
            "and upload it again."
        )
        % {"column": column_letter(limit)},
        code="columns",
    )
