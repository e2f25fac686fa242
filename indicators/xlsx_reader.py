"""A fast, streaming reader for the cell values of one XLSX worksheet.

openpyxl's read-only mode builds an object per cell and, for workbooks written without a
`<dimension>` (openpyxl's own write-only mode), scans the whole sheet once more before the first
row: about 12 s for 100,000 rows × 8 columns. Indicator imports must handle that size in a few
seconds, so this module reads the sheet XML directly, in chunks, with regular expressions over the
(very regular) SpreadsheetML row and cell elements. It supports what the import needs: shared and
inline strings (including rich text), numbers, booleans, errors, ISO dates, cached formula values
and date-formatted numbers (using openpyxl's own date-format rules and conversion).

Anything it does not recognise raises `Unsupported`; the caller then falls back to openpyxl.
Values are what openpyxl returns with `read_only=True, data_only=True, values_only=True`.
"""

import codecs
import html
import re
import zipfile
from collections.abc import Iterator
from posixpath import dirname, join, normpath
from xml.etree import ElementTree

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import (
    CALENDAR_MAC_1904,
    CALENDAR_WINDOWS_1900,
    from_excel,
    from_ISO8601,
)

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CHUNK = 1 << 22  # 4 MB of decompressed XML at a time


class Unsupported(Exception):
    """The workbook uses something this reader does not handle; use openpyxl instead."""


def _q(tag):
    return f"{{{MAIN_NS}}}{tag}"


def _rels(archive, path):
    rels_path = join(dirname(path), "_rels", path.rsplit("/", 1)[-1] + ".rels")
    try:
        root = ElementTree.fromstring(archive.read(rels_path))
    except KeyError:
        return {}
    result = {}
    for rel in root.iter(f"{{{PKG_REL_NS}}}Relationship"):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External":
            continue
        target = (
            target.lstrip("/") if target.startswith("/") else normpath(join(dirname(path), target))
        )
        result[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
    return result


def _texts(element, prefix_t, prefix_rph):
    """The text of a shared string item: its <t> elements, without phonetic runs (<rPh>)."""
    parts = []
    for child in element:
        if child.tag == prefix_t:
            parts.append(child.text or "")
        elif child.tag == _q("r"):
            for sub in child:
                if sub.tag == prefix_t:
                    parts.append(sub.text or "")
        # <rPh> (phonetic) and <phoneticPr> are skipped
    return "".join(parts)


def _shared_strings(archive, path):
    if path is None:
        return []
    strings = []
    with archive.open(path) as source:
        for _event, element in ElementTree.iterparse(source):
            if element.tag == _q("si"):
                strings.append(_texts(element, _q("t"), _q("rPh")))
                element.clear()
    return strings


def _date_styles(archive, path):
    """Indexes of cell formats (`s` attribute) that show numbers as dates or times."""
    if path is None:
        return set()
    root = ElementTree.fromstring(archive.read(path))
    custom = {}
    num_fmts = root.find(_q("numFmts"))
    if num_fmts is not None:
        for fmt in num_fmts.findall(_q("numFmt")):
            custom[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
    dates = set()
    cell_xfs = root.find(_q("cellXfs"))
    if cell_xfs is None:
        return dates
    for index, xf in enumerate(cell_xfs.findall(_q("xf"))):
        fmt_id = int(xf.get("numFmtId", 0))
        code = custom.get(fmt_id, BUILTIN_FORMATS.get(fmt_id))
        if code and is_date_format(code):
            dates.add(index)
    return dates


def _column_index(reference: str) -> int:
    index = 0
    for char in reference:
        if "A" <= char <= "Z":
            index = index * 26 + ord(char) - 64
        else:
            break
    return index


def _unescape(text: str) -> str:
    return html.unescape(text) if "&" in text else text


class SheetReader:
    """`rows()` yields (row number, tuple of values from column A) for every row in the sheet,
    including empty rows between data rows (as tuples of None)."""

    def __init__(self, fileobj, sheet_name="Data"):
        try:
            self.archive = zipfile.ZipFile(fileobj)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise Unsupported(str(exc)) from None
        try:
            self._prepare(sheet_name)
        except (KeyError, ValueError, ElementTree.ParseError) as exc:
            self.archive.close()
            raise Unsupported(str(exc)) from None

    def _prepare(self, sheet_name):
        package = _rels(self.archive, "")  # _rels/.rels
        workbook_path = next(
            (target for kind, target in package.values() if kind == "officeDocument"),
            "xl/workbook.xml",
        )
        workbook = ElementTree.fromstring(self.archive.read(workbook_path))
        relations = _rels(self.archive, workbook_path)
        pr = workbook.find(_q("workbookPr"))
        self.epoch = (
            CALENDAR_MAC_1904
            if pr is not None and pr.get("date1904") in ("1", "true")
            else CALENDAR_WINDOWS_1900
        )
        sheets = [(s.get("name"), s.get(f"{{{REL_NS}}}id")) for s in workbook.iter(_q("sheet"))]
        if not sheets:
            raise Unsupported("no worksheet")
        name, rel_id = next(((n, r) for n, r in sheets if n == sheet_name), sheets[0])
        kind, self.sheet_path = relations[rel_id]
        if kind != "worksheet":
            raise Unsupported(f"{name} is a {kind}")
        strings_path = next((t for k, t in relations.values() if k == "sharedStrings"), None)
        styles_path = next((t for k, t in relations.values() if k == "styles"), None)
        self.shared = _shared_strings(self.archive, strings_path)
        self.date_styles = _date_styles(self.archive, styles_path)

    def close(self):
        self.archive.close()

    def _patterns(self, prefix):
        p = re.escape(prefix)
        # One pass over a block of rows: a row start tag, or a cell. Cell attributes come as
        # r, s, t in Excel and openpyxl files; other orders are handled through `rest`.
        self.token_re = re.compile(
            rf"(<{p}row\b)([^>]*?)(/?)>"
            rf'|<{p}c(?: r="([A-Z]+)\d+")?(?: s="(\d+)")?(?: t="(\w+)")?([^>]*?)(?:/>|>(.*?)</{p}c>)',
            re.S,
        )
        self.v_re = re.compile(rf"<{p}v\b[^>]*>(.*?)</{p}v>", re.S)
        self.is_re = re.compile(rf"<{p}is\b[^>]*>(.*?)</{p}is>", re.S)
        self.t_re = re.compile(rf"<{p}t\b[^>]*?(?:/>|>(.*?)</{p}t>)", re.S)
        self.rph_re = re.compile(rf"<{p}rPh\b.*?</{p}rPh>", re.S)
        self.end_tag = f"</{prefix}sheetData>"
        self.row_close = f"</{prefix}row>"
        self.v_open, self.v_close = f"<{prefix}v>", f"</{prefix}v>"
        self.is_open, self.is_close = f"<{prefix}is><{prefix}t>", f"</{prefix}t></{prefix}is>"

    @staticmethod
    def _attr(attrs: str, name: str) -> str | None:
        """The value of attribute `name` (` r="A2"`) in a tag's attribute text."""
        key = f' {name}="'
        start = attrs.find(key)
        if start == -1:
            return None
        start += len(key)
        return attrs[start : attrs.index('"', start)]

    def _number(self, raw: str, style):
        number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
        if style is not None and int(style) in self.date_styles:
            try:
                return from_excel(number, self.epoch)
            except (OverflowError, ValueError):
                return "#VALUE!"
        return number

    def _value(self, kind, style, body: str):
        if kind == "inlineStr":
            if body.startswith(self.is_open) and body.endswith(self.is_close):
                return _unescape(body[len(self.is_open) : -len(self.is_close)])
            match = self.is_re.search(body)
            if not match:
                return None
            inner = self.rph_re.sub("", match.group(1))
            return _unescape("".join(t or "" for t in self.t_re.findall(inner)))
        if body.startswith(self.v_open) and body.endswith(self.v_close):
            raw = body[len(self.v_open) : -len(self.v_close)]
        else:
            match = self.v_re.search(body)  # after a formula (<f>): the cached value
            if not match:
                return None
            raw = match.group(1)
        if (
            raw == "" and kind != "str"
        ):  # <v></v>: a formula without a cached value (lxml writes it)
            return None
        if kind is None or kind == "n":
            return self._number(raw, style)
        if kind == "s":
            return self.shared[int(raw)]
        if kind in ("str", "e"):
            return _unescape(raw)
        if kind == "b":
            return raw.strip() == "1"
        if kind == "d":
            return from_ISO8601(raw)
        raise Unsupported(f"cell type {kind}")

    def _chunks(self):
        with self.archive.open(self.sheet_path) as source:
            while True:
                data = source.read(CHUNK)
                if not data:
                    return
                yield data

    def rows(self) -> Iterator[tuple[int, tuple]]:
        chunks = self._chunks()
        decoder = codecs.getincrementaldecoder("utf-8")()
        buffer = ""
        # Find <sheetData> and the namespace prefix of the sheet.
        for data in chunks:
            buffer += decoder.decode(data)
            match = re.search(r"<(\w+:)?sheetData\b[^>]*?(/?)>", buffer)
            if match:
                self._patterns(match.group(1) or "")
                if match.group(2) == "/":
                    return
                buffer = buffer[match.end() :]
                break
        else:
            raise Unsupported("no sheetData")
        expected = 1
        number = None
        values: list = []
        columns: dict = {}
        date_styles = self.date_styles
        v_open, v_close = self.v_open, self.v_close
        v_start, v_end = len(v_open), -len(v_close)
        while True:
            end_of_data = buffer.find(self.end_tag)
            if end_of_data != -1:
                block, finished = buffer[:end_of_data], True
            else:
                cut = buffer.rfind(self.row_close)
                if cut == -1:
                    block, finished = "", False
                else:
                    cut += len(self.row_close)
                    block, buffer, finished = buffer[:cut], buffer[cut:], False
            for match in self.token_re.finditer(block):
                row_tag, row_attrs, row_empty, letters, style, kind, rest, body = match.groups()
                if row_tag:  # a row starts
                    if number is not None:
                        yield number, tuple(values)
                        expected = number + 1
                    row_ref = self._attr(row_attrs, "r")
                    number = int(row_ref) if row_ref else expected
                    while expected < number:
                        yield expected, ()
                        expected += 1
                    values = []
                    if row_empty:  # <row …/>
                        yield number, ()
                        expected, number = number + 1, None
                    continue
                if number is None:
                    raise Unsupported("cell outside a row")
                if rest and "=" in rest:  # attributes in another order
                    reference = letters or self._attr(rest, "r")
                    letters = reference.rstrip("0123456789") if reference else None
                    style = style or self._attr(rest, "s")
                    kind = kind or self._attr(rest, "t")
                if letters:
                    column = columns.get(letters) or columns.setdefault(
                        letters, _column_index(letters)
                    )
                else:
                    column = len(values) + 1
                if column > len(values) + 1:
                    values.extend([None] * (column - 1 - len(values)))
                if not body:
                    values.append(None)
                elif (
                    kind is None
                    and body.startswith(v_open)
                    and body.endswith(v_close)
                    and len(body) > len(v_open) + len(v_close)
                ):
                    raw = body[v_start:v_end]
                    if style is None or not date_styles:
                        values.append(
                            float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
                        )
                    else:
                        values.append(self._number(raw, style))
                else:
                    values.append(self._value(kind, style, body))
            if finished:
                if number is not None:
                    yield number, tuple(values)
                return
            data = next(chunks, None)
            if data is None:
                raise Unsupported("sheetData not closed")
            buffer += decoder.decode(data)
