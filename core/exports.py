"""One way to write cells that people open in a spreadsheet program: every CSV and XLSX export
of Sipokja goes through here.

- Text that a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, or with
  tabs, line breaks or spaces before them; full-width forms too) comes out as text: in CSV with a
  leading `'`, in XLSX as a string cell (openpyxl would otherwise write a string starting with
  `=` as a live formula). A kab/kota operator cannot plant a `HYPERLINK` that runs when a
  provincial admin opens the file.
- Characters XML cannot hold (C0 controls but tab and line breaks, lone surrogates, U+FFFE/FFFF)
  are removed, so a stored control character never makes an export fail.
- Numbers stay numbers: a negative number is a number, not a formula.
"""

import csv
import datetime
import decimal
import re

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_FORMULA_START = frozenset("=+-@\uff1d\uff0b\uff0d\uff20")
_LEADING_SPACE = " \t\r\n\u00a0\u3000"


def clean_text(text: str) -> str:
    """`text` without the characters XML cannot hold."""
    return _ILLEGAL.sub("", text)


def looks_like_formula(text: str) -> bool:
    stripped = text.lstrip(_LEADING_SPACE)
    return bool(stripped) and stripped[0] in _FORMULA_START


def csv_value(value):
    """One CSV field: None → "", Decimal → plain digits, formula-like text → `'` + text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, decimal.Decimal):
        text = format(value, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(value, int | float | datetime.date | datetime.time):
        return value
    text = clean_text(str(value))
    return "'" + text if looks_like_formula(text) else text


def csv_writer(buffer, **options):
    """A csv.writer whose `writerow`/`writerows` pass every field through `csv_value`."""
    return _SafeWriter(csv.writer(buffer, **options))


class _SafeWriter:
    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([csv_value(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def xlsx_value(value):
    """A value for openpyxl: text cleaned (formula-like text is forced to a string by `cell`),
    lazy translations made text, numbers, dates and booleans unchanged."""
    if value is None or isinstance(
        value, bool | int | float | decimal.Decimal | datetime.date | datetime.time
    ):
        return value
    return clean_text(str(value))


def cell(sheet, value):
    """A cell for `sheet.append([...])` (normal and write-only sheets) holding `value` safely."""
    from openpyxl.cell.cell import Cell  # not at import time: imports read, they do not write

    item = Cell(sheet, row=1, column=1, value=xlsx_value(value))
    if item.data_type == "f":
        item.data_type = "s"  # text, never a formula
    return item


def append(sheet, values):
    """`sheet.append(values)` with every value passed through `cell`."""
    sheet.append([cell(sheet, value) for value in values])


def put(sheet, row: int, column: int, value):
    """`sheet.cell(row, column, value)` for normal sheets, safely; returns the cell."""
    item = sheet.cell(row=row, column=column)
    item.value = xlsx_value(value)
    if item.data_type == "f":
        item.data_type = "s"
    return item


def recap_sheet(title: str, heading: str, printed: str, header):
    """A workbook whose sheet `title` opens as every Sipokja recap does: a bold `heading`, the
    `printed` line, a blank row, then `header` in white on green (row 4). Returns (wb, sheet)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    sheet = wb.active
    sheet.title = title
    append(sheet, [heading])
    sheet["A1"].font = Font(bold=True, size=13)
    append(sheet, [printed])
    append(sheet, [])
    append(sheet, header)
    for item in sheet[4]:
        item.font = Font(bold=True, color="FFFFFF")
        item.fill = PatternFill("solid", fgColor="0B6E4F")
        item.alignment = Alignment(wrap_text=True, vertical="center")
    return wb, sheet


def recap_bytes(wb, sheet, widths) -> bytes:
    """Column widths, the first four columns and rows frozen, and the workbook as bytes."""
    import io

    from openpyxl.utils import get_column_letter

    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "D5"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
