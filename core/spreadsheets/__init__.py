"""Uploaded spreadsheets (.xlsx, .xls, .ods): one guard before any parser, then python-calamine.

`guard(uploaded)` is the only way in: it tells the format by content and refuses, before any
parser sees the file, what would make a reader spend unbounded memory or time: packages that
unpack to more than `SIPOKJA_SPREADSHEET_MAX_UNZIPPED_MB` (in all) or
`SIPOKJA_SPREADSHEET_MAX_PART_MB` (one part), parts packed more than
`SIPOKJA_SPREADSHEET_MAX_RATIO` times, sizes and checksums the ZIP headers lie about, sheets
reaching beyond `SIPOKJA_SPREADSHEET_MAX_ROWS` rows or `SIPOKJA_SPREADSHEET_MAX_COLUMNS`
columns, and macros. A bomb is refused after a few MB of work.

`Workbook(uploaded)` guards, then reads with python-calamine; `rows()` yields
`(row number, values from column A)` as the spreadsheet shows them, with `None` for empty cells
and whole numbers as `int` (like openpyxl). Every failure is a `SpreadsheetError` (a
ValidationError with a translated message and a `code`, see `limits.py`).
"""

from collections.abc import Iterator

from core.spreadsheets import limits as L
from core.spreadsheets import ods, xls, xlsx, zipparts
from core.spreadsheets.limits import Limits, SpreadsheetError

XLSX, XLS, ODS = "xlsx", "xls", "ods"
KINDS = (XLSX, XLS, ODS)
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"

__all__ = ["KINDS", "ODS", "XLS", "XLSX", "Limits", "SpreadsheetError", "Workbook", "guard"]


def looks_like_workbook(head: bytes) -> bool:
    """Whether the first bytes are those of a ZIP package or an OLE2 file (not a CSV text)."""
    return head[:4] == ZIP_MAGIC or head[:8] == OLE_MAGIC


def guard(uploaded, *, kinds=KINDS, cells=True, limits: Limits | None = None) -> str:
    """The format of `uploaded` (`xlsx`, `xls` or `ods`) after the checks above; with
    `cells=False` (files stored, never read: attachments) the row and column ceilings are not
    applied. Raises SpreadsheetError. Leaves the file at its start."""
    limits = limits or Limits.from_settings()
    try:
        uploaded.seek(0)
        head = uploaded.read(8)
        if head[:8] == OLE_MAGIC and XLS in kinds:
            xls.check(uploaded, limits)
            return XLS
        if head[:4] == ZIP_MAGIC:
            return _check_package(uploaded, kinds, cells, limits)
        raise L.not_spreadsheet()
    finally:
        uploaded.seek(0)


def _kind(names: set[str], uploaded, infos, budget) -> str:
    if "xl/workbook.xml" in names:
        if "content.xml" in names or "xl/workbook.bin" in names:
            raise L.damaged()  # two formats in one package: readers would disagree
        return XLSX
    if "mimetype" in names and "content.xml" in names:
        info = next(i for i in infos if i.filename == "mimetype")
        mimetype = zipparts.read_small(uploaded, info, budget, limit=200).strip()
        if mimetype == ODS_MIMETYPE and not any(n.startswith("xl/") for n in names):
            return ODS
    raise L.not_spreadsheet()


def _check_package(uploaded, kinds, cells, limits) -> str:
    infos = zipparts.entries(uploaded, limits)
    names = {info.filename for info in infos}
    budget = zipparts.Budget(limits)
    kind = _kind(names, uploaded, infos, budget)
    if kind not in kinds:
        raise L.not_spreadsheet()
    lowered = [name.lower() for name in names]
    if kind == XLSX and any(
        name.endswith("vbaproject.bin") or name.startswith("xl/macrosheets/") for name in lowered
    ):
        raise L.macro()
    if kind == ODS and any(name.startswith(("basic/", "scripts/")) for name in lowered):
        raise L.macro()
    for info in infos:
        if info.is_dir():
            continue
        if kind == ODS:
            scan = cells and zipparts.normal_name(info.filename) == "content.xml"
            _check_ods_part(uploaded, info, budget, scan)
        else:
            _check_xlsx_part(uploaded, info, budget, cells)
    return kind


def _check_ods_part(uploaded, info, budget, scan):
    scanner = ods.ContentScan(budget.limits) if scan else None
    for chunk in zipparts.inflate(uploaded, info, budget):
        if scanner:
            scanner.feed(chunk)
    if scanner:
        scanner.close()


def _check_xlsx_part(uploaded, info, budget, cells):
    if not cells:
        for _chunk in zipparts.inflate(uploaded, info, budget):
            pass
        return
    # Every part is scanned for cells: relationships may point a sheet at any part, even at the
    # shared strings.
    strings = (
        xlsx.SharedStringsScan(budget.limits)
        if zipparts.normal_name(info.filename).endswith("sharedstrings.xml")
        else None
    )
    scanner = xlsx.SheetScan(budget.limits)
    before = budget.used
    for chunk in zipparts.inflate(uploaded, info, budget):
        if strings:
            strings.feed(chunk)
        if not scanner.feed(chunk):
            break
    else:
        return
    # Something unusual (a cell without `r`, a reference beyond the ceilings): place every
    # cell exactly as calamine would, from the start of the part.
    budget.used = before
    scanner.restart()
    strings = strings and xlsx.SharedStringsScan(budget.limits)
    for chunk in zipparts.inflate(uploaded, info, budget):
        if strings:
            strings.feed(chunk)
        scanner.feed(chunk)


class Workbook:
    """A guarded workbook read with python-calamine. Use as a context manager or `close()`."""

    def __init__(self, uploaded, *, kinds=KINDS):
        from python_calamine import CalamineWorkbook

        self.kind = guard(uploaded, kinds=kinds)
        try:
            self._book = CalamineWorkbook.from_filelike(uploaded)
        except Exception:
            raise L.damaged() from None
        except BaseException as exc:  # a panic in the Rust reader (pyo3's PanicException)
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            raise L.damaged() from None
        finally:
            uploaded.seek(0)
        self.sheet_names = list(self._book.sheet_names)
        self.last_row = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._book is not None:
            self._book.close()
            self._book = None

    def rows(self, name: str | None = None, *, index: int = 0) -> Iterator[tuple[int, tuple]]:
        """Every row of the sheet `name` (or the sheet at `index` when `name` is None or not in
        the workbook), from row 1, including empty rows (as empty tuples)."""
        if not self.sheet_names:
            raise L.damaged()
        try:
            if name is not None and name in self.sheet_names:
                sheet = self._book.get_sheet_by_name(name)
            else:
                sheet = self._book.get_sheet_by_index(index)
        except Exception:
            raise L.damaged() from None
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt | SystemExit | GeneratorExit):
                raise
            raise L.damaged() from None
        # The number of the sheet's last row (for progress: rows read of rows in all).
        self.last_row = sheet.end[0] + 1 if sheet.end else 0
        return self._iterate(sheet)

    @staticmethod
    def _iterate(sheet):
        start = sheet.start
        if start is None:
            return
        pad = (None,) * start[1]
        for number, values in enumerate(sheet.iter_rows(), start=1):
            # "" → None and 2024.0 → 2024 (as openpyxl gives them), inline for speed.
            row = tuple(
                [
                    v
                    if type(v) is str and v
                    else None
                    if v == ""
                    else int(v)
                    if type(v) is float and v.is_integer()
                    else v
                    for v in values
                ]
            )
            if pad:
                row = pad + row
            while row and row[-1] is None:
                row = row[:-1]
            yield number, row
