"""What an .xls (OLE2, BIFF) workbook could make python-calamine allocate, bounded before it is
read; and its macros refused.

The file is not compressed, so its size is bounded by the upload limit, but calamine reserves
room for the DIMENSIONS a sheet declares and keeps each sheet as a dense grid from its first to
its last cell: a small file with cells at A1 and IV65536 (or a declared size of 2^32 rows) asks
for gigabytes. This module walks the same BIFF records calamine walks (each sheet from the
offset its BOUNDSHEET record gives) and refuses sheets beyond the ceilings.
"""

import struct

import olefile

from core.spreadsheets import limits as L

_MACRO_STORAGES = {"_vba_project_cur", "_vba_project", "macros", "vba"}
_CELL_RECORDS = {0x0203, 0x0204, 0x00D6, 0x0205, 0x027E, 0x00FD, 0x0006}
_MULRK = 0x00BD
_DIMENSIONS = 0x0200
_BOUNDSHEET = 0x0085
_BOF, _EOF = 0x0809, 0x000A
_FILEPASS = 0x002F


def _stream(fileobj) -> bytes:
    fileobj.seek(0)
    data = fileobj.read()
    fileobj.seek(0)
    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError, struct.error, IndexError, RecursionError):
        raise L.damaged() from None
    try:
        entries = ole.listdir(streams=True, storages=True)
        if any(part.lower() in _MACRO_STORAGES for entry in entries for part in entry):
            raise L.macro()
        for name in ("Workbook", "Book"):
            if ole.exists(name):
                return ole.openstream(name).read()
    except (OSError, ValueError, struct.error, IndexError, RecursionError):
        raise L.damaged() from None
    finally:
        ole.close()
    raise L.not_spreadsheet()


def _records(stream: bytes, start: int):
    position, end = start, len(stream)
    while position + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, position)
        data = stream[position + 4 : position + 4 + length]
        if len(data) < length:
            raise L.damaged()
        yield kind, data
        position += 4 + length


def check(fileobj, limits: L.Limits):
    stream = _stream(fileobj)
    sheets = []
    for kind, data in _records(stream, 0):
        if kind == _BOUNDSHEET and len(data) >= 6:
            offset, _visibility, sheet_type = struct.unpack_from("<IBB", data)
            if sheet_type in (0x01, 0x06):  # Excel 4 macro sheet, VBA module
                raise L.macro()
            sheets.append(offset)
        elif kind == _FILEPASS:
            raise L.encrypted()
        elif kind == _EOF:
            break
    for offset in sheets:
        if offset > len(stream):
            raise L.damaged()
        _check_sheet(stream, offset, limits)


def _check_sheet(stream: bytes, offset: int, limits: L.Limits):
    rows, columns = limits.rows, limits.columns
    seen_bof = False
    for kind, data in _records(stream, offset):
        if kind == _BOF:
            if seen_bof:
                continue  # a nested stream (chart): its cells are counted too, to be safe
            seen_bof = True
        elif kind == _DIMENSIONS:
            _check_dimensions(data)
        elif kind in _CELL_RECORDS and len(data) >= 4:
            row, column = struct.unpack_from("<HH", data)
            if row + 1 > rows:
                raise L.too_many_rows(rows)
            if column + 1 > columns:
                raise L.too_many_columns(columns)
        elif kind == _MULRK and len(data) >= 6:
            row = struct.unpack_from("<H", data)[0]
            last = struct.unpack_from("<H", data, len(data) - 2)[0]
            if row + 1 > rows:
                raise L.too_many_rows(rows)
            if last + 1 > columns:
                raise L.too_many_columns(columns)
        elif kind == _EOF:
            return


EXCEL_GRID = 65536 * 256


def _check_dimensions(data: bytes):
    """The area calamine reserves room for (as it computes it, with 32-bit wrap-around): never
    more than the grid of Excel 97-2003, whose formatted-but-empty cells may reach that far."""
    if len(data) == 10:
        first_row, last_row, first_column, last_column = struct.unpack_from("<HHHH", data)
    elif len(data) == 14:
        first_row, last_row, first_column, last_column = struct.unpack_from("<IIHH", data)
    else:
        return  # calamine refuses it
    if first_column > 0xFF or last_column < first_column:
        first_column = 0
    if last_row >= 1 and last_column >= 1:
        height = (last_row - 1 - first_row + 1) & 0xFFFFFFFF
        width = (last_column - 1 - first_column + 1) & 0xFFFFFFFF
    else:
        height = width = 1
    if height * width > EXCEL_GRID:
        raise L.damaged()
