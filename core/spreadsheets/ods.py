"""What an .ods package could make python-calamine allocate, bounded before it is read.

calamine expands `table:number-columns-repeated` and `table:number-rows-repeated` of cells that
hold something into real cells (up to 100 million), so a few bytes such as a value repeated
16,384 times on a row repeated a million times ask for gigabytes. This module follows the same
elements calamine follows (by their literal names, as calamine matches them) with expat, fed
chunk by chunk, and refuses a table whose content reaches beyond the ceilings.
"""

import xml.parsers.expat

from core.spreadsheets import limits as L

ROW = "table:table-row"
CELLS = ("table:table-cell", "table:covered-table-cell")
_CONTENT = (
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "office:value-type",
    "table:formula",
)


def _repeat(attrs, name) -> int:
    value = attrs.get(name)
    if value is None:
        return 1
    try:
        number = int(value.strip())
    except ValueError:
        raise L.damaged() from None
    if number < 0:
        raise L.damaged()
    return number


class ContentScan:
    def __init__(self, limits: L.Limits):
        self.limits = limits
        self.parser = xml.parsers.expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end
        self.row = 0  # rows so far in the current table, repeats included
        self.row_repeat = 0
        self.row_has_content = False
        self.column = 0
        self.cell = None  # [repeat, has content] of the open cell
        self.cell_depth = 0

    def feed(self, chunk: bytes):
        try:
            self.parser.Parse(chunk, False)
        except xml.parsers.expat.ExpatError:
            raise L.damaged() from None

    def close(self):
        try:
            self.parser.Parse(b"", True)
        except xml.parsers.expat.ExpatError:
            raise L.damaged() from None

    def _start(self, name, attrs):
        if self.cell is not None:
            self.cell_depth += 1
            self.cell[1] = True  # a paragraph or anything else inside the cell
            return
        if name == "table:table":
            self.row = 0
        elif name == ROW:
            self.row_repeat = _repeat(attrs, "table:number-rows-repeated")
            self.row_has_content = False
            self.column = 0
        elif name in CELLS:
            has_content = any(key in attrs for key in _CONTENT)
            self.cell = [_repeat(attrs, "table:number-columns-repeated"), has_content]

    def _end(self, name):
        limits = self.limits
        if self.cell is not None:
            if self.cell_depth:
                self.cell_depth -= 1
                return
            repeat, has_content = self.cell
            self.cell = None
            self.column += repeat
            if has_content:
                self.row_has_content = True
                if self.column > limits.columns:
                    raise L.too_many_columns(limits.columns)
        elif name == ROW:
            self.row += self.row_repeat
            if self.row_has_content and self.row > limits.rows:
                raise L.too_many_rows(limits.rows)
