"""What an .xlsx package could make python-calamine allocate, bounded before it is read.

calamine keeps a sheet as one dense grid from its first to its last non-empty cell, so a tiny
file with a value in A1 and another in XFD1048576 (or a thousand empty rows and cells before one
value: positions also count up without `r` attributes) asks for billions of cells; a
`uniqueCount` of 10^12 in the shared strings asks for as many strings. Either aborts the process.
This module finds the cell positions the way calamine does (rows, cells that are not
self-closing, `r` or counted positions), while the part streams through `zipparts.inflate`:
a quick search over each chunk for anything unusual (a cell without `r`, a reference beyond the
ceilings), and, only when it finds something, an exact pass over the part's tags.
"""

import re

from core.spreadsheets import limits as L

_PREFIX = rb"(?:[^\s<>/:=]+:)?"
_ATTRS = rb"(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*"
# The quick search, for files written the usual way (every cell `<c r="A1" s="1" t="s">`, with
# s and t optional, no prefix): a cell tag in any other form (another attribute, another order,
# a second `r`, other quotes or spaces), or any prefixed cell tag, sends the part to the exact
# pass.
_CANONICAL = rb'r="[A-Za-z]+[0-9]+"(?: s="[0-9]+")?(?: t="[A-Za-z]+")?/?>'
_UNUSUAL_CELL = re.compile(rb"<c(?:[>\t\n\r]| (?!" + _CANONICAL + rb"))")
_PREFIXED_CELL = re.compile(rb":c[\s>]")
_CELL_REF = re.compile(rb'<c r="([A-Za-z]*)([0-9]*)"')
_TAG = re.compile(rb"<(/?)" + _PREFIX + rb"(row|c)(?=[\s/>])(" + _ATTRS + rb")\s*(/?)>")
_ATTR = re.compile(rb"([^\s=/>]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")
_REF = re.compile(rb"([A-Za-z]*)([0-9]*)")
_UNIQUE_COUNT = re.compile(rb"<" + _PREFIX + rb"sst\b[^>]*?\suniqueCount\s*=\s*[\"']\s*(\d+)")
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']")
MAX_OPEN_TAG = 1024 * 1024
_ASCII_ENCODINGS = {b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin1",
                    b"windows-1252", b"cp1252"}  # fmt: skip


def _greater(limit: str) -> bytes:
    """A regex for column letters of the same length as `limit` that come after it."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    options = []
    for index, char in enumerate(limit):
        above = alphabet[alphabet.index(char) + 1 :]
        if above:
            same = "".join(f"[{c}{c.lower()}]" for c in limit[:index])
            rest = len(limit) - index - 1
            options.append(f"{same}[{above}{above.lower()}][A-Za-z]{{{rest}}}")
    return ("(?:" + "|".join(options) + ")" if options else "(?!)").encode()


def _quick(limits: L.Limits) -> re.Pattern:
    """One pass over a chunk: a cell tag in an unusual form (group 1: then the exact pass), or a
    reference that may reach beyond the ceilings (a column after the last allowed one, or a row
    number with as many digits as the row ceiling: then checked exactly)."""
    letters = L.column_letter(limits.columns)
    return re.compile(
        rb"<c(?:([>\t\n\r]| (?!"
        + _CANONICAL
        + rb'))| r="(?:[A-Za-z]{%d,}|%s[0-9]|[A-Za-z]*[0-9]{%d}))'
        % (len(letters) + 1, _greater(letters), len(str(limits.rows)))
    )


def _column(letters: bytes) -> int:
    column = 0
    for char in letters.upper():
        column = column * 26 + char - 64
    return column


def _position(value: bytes):
    """(column, row) of a reference, 1-based, as calamine reads it; None for what it refuses."""
    match = _REF.fullmatch(value)
    if not match:
        return None
    return _column(match.group(1)), int(match.group(2) or 0)


def _r(attrs: bytes):
    """The `r` attribute; a tag with two is refused (calamine would take the last one)."""
    found = [
        match.group(2) if match.group(2) is not None else match.group(3)
        for match in _ATTR.finditer(attrs)
        if match.group(1) == b"r"
    ]
    if len(found) > 1:
        raise L.damaged()
    return found[0] if found else None


class SheetScan:
    """Feed the chunks of one XML part; raises SpreadsheetError when the cells calamine would
    place there reach beyond the ceilings."""

    def __init__(self, limits: L.Limits):
        self.limits = limits
        self.quick = _quick(limits)
        self.exact = False  # switched on by anything unusual: then `restart()` and feed again
        self.carry = b""
        self.first = True
        self.row_index = 0  # exact pass: as in calamine's cells reader (1-based here)
        self.column_index = 1

    def restart(self):
        self.exact, self.carry, self.first = True, b"", True
        self.row_index, self.column_index = 1, 1

    def _check_encoding(self, head: bytes):
        """XML in UTF-16 (a BOM, or `<` next to a zero byte) or in an encoding whose bytes are not
        ASCII for the tags would hide its tags from the byte search: Excel never writes it.
        Binary parts (images, printer settings) start otherwise and pass."""
        if head[:2] in (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<"):
            raise L.damaged()
        declared = _DECLARED_ENCODING.match(head)
        if declared and declared.group(1).strip().lower() not in _ASCII_ENCODINGS:
            raise L.damaged()

    def feed(self, chunk: bytes) -> bool:
        """False when the quick search found something unusual (call `restart()` and feed the
        part again from its start)."""
        if self.first:
            self._check_encoding(chunk[:200])
            self.first = False
        data = self.carry + chunk if self.carry else chunk
        last_open = data.rfind(b"<")
        if last_open != -1 and data.find(b">", last_open) == -1:
            self.carry, data = data[last_open:], data[:last_open]
            if len(self.carry) > MAX_OPEN_TAG:
                raise L.damaged()
        else:
            self.carry = b""
        if self.exact:
            self._exact(data)
            return True
        found = self.quick.search(data)
        if _PREFIXED_CELL.search(data) or (
            found and (found.group(1) is not None or _UNUSUAL_CELL.search(data, found.end()))
        ):
            return False
        if found:
            for letters, digits in _CELL_REF.findall(data):
                self._place(_column(letters), int(digits or 0))
        return True

    def _exact(self, data: bytes):
        for closing, name, attrs, empty in _TAG.findall(data):
            if name == b"row":
                if closing:
                    self.row_index += 1
                    self.column_index = 1
                elif not empty:
                    r = _r(attrs)
                    if r is not None:
                        position = _position(r)
                        if position is None:
                            raise L.damaged()
                        self.row_index = position[1]
                continue
            if closing or empty:
                continue  # calamine skips self-closing cells
            r = _r(attrs)
            if r is not None:
                position = _position(r)
                if position is None or not position[0]:
                    raise L.damaged()
                self.column_index, row = position
            else:
                row = self.row_index
            self._place(self.column_index, row)
            self.column_index += 1

    def _place(self, column: int, row: int):
        if row > self.limits.rows:
            raise L.too_many_rows(self.limits.rows)
        if column > self.limits.columns:
            raise L.too_many_columns(self.limits.columns)


class SharedStringsScan:
    """calamine reserves `uniqueCount` strings before reading them."""

    def __init__(self, limits: L.Limits):
        self.most = limits.rows * limits.columns
        self.tail = b""

    def feed(self, chunk: bytes):
        data = self.tail + chunk
        for count in _UNIQUE_COUNT.findall(data):
            if int(count) > self.most:
                raise L.damaged()
        self.tail = data[-512:]
