"""The outgoing-letter register as CSV or XLSX, always in Indonesian.

All writing goes through `write_table`, the one function to swap for the shared
formula-safe writers (core.exports) once they exist."""

import csv
import io

from django.utils import translation
from django.utils.translation import gettext as _

from core.formats import format_date_id

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """Text a spreadsheet would run as a formula (`=HYPERLINK(…)`) is written as text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_table(fmt: str, *, title: str, header: list, rows: list) -> tuple[bytes, str]:
    """`rows` as a CSV (UTF-8 with BOM, for Excel) or XLSX file; returns (bytes, type)."""
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_safe(value) for value in row])
        return buffer.getvalue().encode("utf-8"), CSV_TYPE
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(value) for value in row])
    for letter, width in zip("ABCDEFGHIJ", (6, 34, 14, 24, 48, 34, 12, 40, 20), strict=False):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue(), XLSX_TYPE


def register_file(letters, fmt: str) -> tuple[bytes, str]:
    """The register (a queryset or list of Letter) as a file."""
    with translation.override("id"):
        header = [
            _("Serial"),
            _("Letter number"),
            _("Date"),
            _("Type"),
            _("Subject"),
            _("Recipient"),
            _("Status"),
            _("Reason for cancelling"),
            _("Registered by"),
        ]
        rows = [
            [
                letter.serial,
                letter.number,
                format_date_id(letter.letter_date),
                str(letter.get_letter_type_display()),
                letter.subject,
                letter.recipient,
                str(letter.get_status_display()),
                letter.cancel_reason,
                letter.created_by.get_username() if letter.created_by else "",
            ]
            for letter in letters
        ]
        title = _("Outgoing letters")
    return write_table(fmt, title=title, header=header, rows=rows)
