"""The indicator spreadsheet format (XLSX and CSV; .xls and .ods are read too), read and written the same way, so an export
can be edited and imported again.

One row per region × indicator × period × kind (and data source for realisations):

| kode_wilayah | kode_indikator | tahun | periode | jenis | nilai | sumber | catatan |
|---|---|---|---|---|---|---|---|
| 73.71 | stunting | 2024 | 2024 | realisasi | 18,4 | SSGI | |
| 73.71 | stunting | 2024 | | target | 14 | | RPJMD |

Extra columns (`nama_wilayah`, `nama_indikator` in exports and templates) are for people and are
not read. English column names (region, indicator, year, period, kind, value, source, note) are
accepted too.
"""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from core import exports
from core.errors import DomainError
from core.spreadsheets import SpreadsheetError, Workbook, looks_like_workbook
from core.spreadsheets.limits import column_letter

# Column key → header written in templates and exports (read case-insensitively).
COLUMNS = [
    ("region", "kode_wilayah"),
    ("indicator", "kode_indikator"),
    ("year", "tahun"),
    ("period", "periode"),
    ("kind", "jenis"),
    ("value", "nilai"),
    ("source", "sumber"),
    ("note", "catatan"),
]
INFO_COLUMNS = ["nama_wilayah", "nama_indikator"]
HEADERS = [header for _key, header in COLUMNS] + INFO_COLUMNS

_ALIASES = {
    "region": {"kode_wilayah", "wilayah", "kode_daerah", "region", "region_code", "kode"},
    "indicator": {"kode_indikator", "indikator", "indicator", "indicator_code"},
    "year": {"tahun", "year"},
    "period": {"periode", "period", "bulan_triwulan"},
    "kind": {"jenis", "kind", "type", "jenis_data"},
    "value": {"nilai", "angka", "value", "number"},
    "source": {"sumber", "sumber_data", "source", "data_source"},
    "note": {"catatan", "keterangan", "note", "notes"},
}
REQUIRED = ("region", "indicator", "kind", "value")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"


def _normalise_header(value) -> str:
    return "_".join(str(value or "").strip().lower().replace("-", " ").split())


@dataclass
class Table:
    """The data rows of a sheet: `rows` yields (row number as the spreadsheet shows it, values by
    column key); `letters` maps column keys to their letters (A, B, …) for error messages."""

    letters: dict
    rows: Iterator
    # The number of the sheet's last row (0 when unknown), for progress.
    last_row: int = 0


def _table(header_row_number: int, header, rows, last_row: int = 0) -> Table:
    positions = {}
    for index, cell in enumerate(header):
        name = _normalise_header(cell)
        for key, aliases in _ALIASES.items():
            if name in aliases and key not in positions:
                positions[key] = index
    missing = [key for key in REQUIRED if key not in positions]
    if "year" not in positions and "period" not in positions:
        missing.append("year")
    if missing:
        expected = dict(COLUMNS)
        raise DomainError(
            _("Row %(row)d must hold the column names. Missing: %(columns)s.")
            % {"row": header_row_number, "columns": ", ".join(expected[k] for k in missing)},
            errors=[
                {
                    "row": header_row_number,
                    "column": "",
                    "field": key,
                    "message": _("Column %(name)s is missing.") % {"name": expected[key]},
                }
                for key in missing
            ],
        )
    letters = {key: column_letter(index + 1) for key, index in positions.items()}
    items = list(positions.items())

    def generate():
        for number, row in rows:
            if row is None or all(
                cell is None or (isinstance(cell, str) and not cell.strip()) for cell in row
            ):
                continue
            size = len(row)
            yield number, {key: (row[index] if index < size else None) for key, index in items}

    return Table(letters=letters, rows=generate(), last_row=last_row)


def _first_nonempty(rows):
    for number, row in rows:
        if row and any(cell is not None and str(cell).strip() for cell in row):
            return number, row
    raise DomainError(_("The file has no rows."))


def read_workbook(fileobj) -> tuple[Table, callable]:
    """The sheet called "Data" (or the first sheet) of an .xlsx, .xls or .ods workbook, read
    with python-calamine after the spreadsheet guard (core.spreadsheets). Returns the table and
    a function that closes the workbook.

    Memory: calamine holds the sheet's cells (about 40 MB for 100,000 values); the table hands
    them out one row at a time, and nothing keeps a list of the rows. The workbook itself (the
    file's bytes, the shared strings) is closed as soon as the sheet is loaded."""
    try:
        workbook = Workbook(fileobj)
    except SpreadsheetError as exc:
        raise DomainError(" ".join(exc.messages)) from None
    try:
        rows = workbook.rows("Data")
    except SpreadsheetError as exc:
        raise DomainError(" ".join(exc.messages)) from None
    finally:
        workbook.close()  # the sheet keeps its own cells
    number, header = _first_nonempty(rows)
    return _table(number, header, rows, workbook.last_row), workbook.close


def read_csv(data: bytes) -> tuple[Table, callable]:
    """CSV in UTF-8 (with or without BOM; Windows-1252 is accepted too), separated by commas,
    semicolons (Indonesian Excel) or tabs."""
    if b"\x00" in data[:4096]:
        raise DomainError(_("The file is neither an Excel workbook (.xlsx) nor a CSV text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    first_line = text.split("\n", 1)[0]
    delimiter = max([",", ";", "\t"], key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)

    def rows():
        for row in reader:
            yield reader.line_num, row

    iterator = rows()
    number, header = _first_nonempty(iterator)
    lines = text.count("\n") + (0 if text.endswith("\n") else 1)
    return _table(number, header, iterator, lines), lambda: None


def read_table(fileobj, filename: str = "") -> tuple[Table, callable]:
    """A workbook (.xlsx, .xls, .ods) or CSV, told apart by content."""
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if looks_like_workbook(head):
        return read_workbook(fileobj)
    return read_csv(fileobj.read())


def plain_number(value: Decimal) -> str:
    """`Decimal("2.1800")` → `2.18`, `Decimal("100.0000")` → `100` (never `1E+2`)."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _xlsx_cell(value):
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return float(value)
    return value


def write_xlsx(rows, *, instructions: list[str] | None = None, sheet_title: str = "Data") -> bytes:
    """A workbook with the data sheet first (what the importer reads) and, optionally, a sheet
    of instructions. Written in streaming mode, so large exports stay small in memory."""
    from openpyxl import Workbook as WriteWorkbook  # imports do not pay for it (30 MB)

    workbook = WriteWorkbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    sheet.freeze_panes = "A2"
    for index, width in enumerate([13, 20, 8, 10, 11, 11, 12, 30, 34, 40], start=1):
        sheet.column_dimensions[column_letter(index)].width = width
    exports.append(sheet, HEADERS)
    for row in rows:
        exports.append(sheet, [_xlsx_cell(v) for v in row])
    if instructions:
        notes = workbook.create_sheet(_("Instructions"))
        notes.column_dimensions["A"].width = 110
        for line in instructions:
            exports.append(notes, [line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_csv(rows) -> bytes:
    """UTF-8 with BOM (so Excel shows Indonesian characters), comma separated, decimal point;
    through core.exports (no live formulas)."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = exports.csv_writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
