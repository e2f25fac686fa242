"""Membership tables rebuilt from word boxes and ruling lines: columns cut at the vertical
borders, or without borders at the emptiest x-position between two header cells; rows at the
horizontal borders (per column, for merged cells), or without borders at each row number or
position word; continuation pages and rows cut by a page break joined again."""

import bisect
import re
from dataclasses import dataclass, field

from .layout import Line, Page, Rule, Word, group_lines, join_words
from .positions import _GROUP_WORDS, column_kind, is_header, role_label
from .text import fold, join_broken, squash, tidy

_ROW_NUMBER = re.compile(r"^[\[(]?([0-9OoIl|]{1,3})\s*[.,)]*$")


# -- rows -------------------------------------------------------------------------------------


@dataclass
class Row:
    cells: dict[str, list[str]] = field(default_factory=dict)
    confs: list[float] = field(default_factory=list)
    page: int = 0

    def add(self, kind, text, confs):
        if text:
            self.cells.setdefault(kind, []).append(text)
            self.confs.extend(confs)

    def get(self, kind) -> str:
        return tidy(join_broken(self.cells.get(kind, [])))

    @property
    def text(self):
        return " ".join(" ".join(v) for v in self.cells.values())


class Columns:
    """Column intervals (by x boundaries) and their kinds."""

    def __init__(self, boundaries: list[float], kinds: list[str | None]):
        self.boundaries = boundaries  # len(kinds) - 1 inner boundaries
        self.kinds = kinds

    def kind_at(self, x: float) -> str | None:
        return self.kinds[bisect.bisect_left(self.boundaries, x)]

    def split(self, words: list[Word]) -> dict[str, list[Word]]:
        out: dict[str, list[Word]] = {}
        for word in words:
            kind = self.kind_at(word.cx) or "other"
            out.setdefault(kind, []).append(word)
        return out


def _cells_text(words: list[Word]) -> tuple[str, list[float]]:
    text = join_broken(join_words(line.words) for line in group_lines(words))
    return text, [w.conf for w in words]


def _header_cells(words: list[Word], gap: float) -> list[list[Word]]:
    cells: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.x0):
        if cells and word.x0 - max(w.x1 for w in cells[-1]) < gap:
            cells[-1].append(word)
        else:
            cells.append([word])
    return cells


def _columns(header: list[Line], body: list[Line], page: Page) -> Columns | None:
    words = [w for line in header for w in line.words if w.text.strip("|[]_")]
    cy = sum(w.cy for w in words) / len(words)
    lh = page.line_height
    xs = sorted(r.pos for r in page.vrules if r.a - lh <= cy <= r.b + lh)
    bounds = []
    for x in xs:
        if not bounds or x - bounds[-1] > 2 * lh:
            bounds.append(x)
    if len(bounds) >= 3:
        inner = bounds[1:-1]
        kinds = []
        for i in range(len(bounds) - 1):
            inside = [w for w in words if bounds[i] <= w.cx < bounds[i + 1]]
            kinds.append(column_kind(join_words(inside)) if inside else None)
        # Words left of the first border or right of the last belong to no column.
        return Columns([bounds[0], *inner, bounds[-1]], [None, *kinds, None])
    first = [w for w in header[0].words if w.text.strip("|[]_")]
    cells = _header_cells(first, 1.3 * lh)
    for line in header[1:]:
        for word in line.words:
            best = min(cells, key=lambda c: abs((c[0].x0 + c[-1].x1) / 2 - word.cx))
            best.append(word)
    if len(cells) < 2:
        return None
    kinds = [column_kind(join_words(sorted(c, key=lambda w: (w.top, w.x0)))) for c in cells]
    # The gutter between two header cells: where body text is thinnest.
    body_words = [w for line in body for w in line.words]
    inner = []
    for left, right in zip(cells, cells[1:], strict=False):
        a, b = max(w.x1 for w in left), min(w.x0 for w in right)
        if b - a < lh:
            inner.append((a + b) / 2)
            continue
        steps = 40
        best_x, best_cover = (a + b) / 2, None
        for s in range(steps + 1):
            x = a + (b - a) * s / steps
            cover = sum(1 for w in body_words if w.x0 - lh * 0.3 <= x <= w.x1 + lh * 0.3)
            if best_cover is None or cover < best_cover:
                best_x, best_cover, run_start = x, cover, x
            elif cover == best_cover and x - run_start < (b - a):
                best_x = (run_start + x) / 2
        inner.append(best_x)
    return Columns(inner, kinds)


def _row_number(text: str) -> bool:
    return bool(_ROW_NUMBER.match(text.strip())) and any(c.isdigit() for c in text)


_HEADER_WORDS = ("dalam", "tim", "pokja", "kerja", "kelompok", "jabatan", "instansi", "unsur")


def _header_size(lines: list[Line], i: int) -> int:
    """How many lines from `i` are a table header (a header cell may wrap: `DALAM POKJA`)."""
    if i >= len(lines) or not is_header(lines[i].text):
        return 0
    size = 1
    for nxt in lines[i + 1 : i + 3]:
        if (
            nxt.page == lines[i].page
            and all(column_kind(w.text) or fold(w.text) in _HEADER_WORDS for w in nxt.words)
            and not _row_number(nxt.words[0].text)
        ):
            size += 1
        else:
            break
    return size


def _table_rows(region: list[Line], hi: int, pages: dict[int, Page]) -> tuple[list[Row], Columns]:
    header = region[hi : hi + _header_size(region, hi)]
    body = region[hi + len(header) :]
    hpage = pages[header[0].page]
    columns = _columns(header, body, hpage)
    if columns is None:
        return [], None
    kinds = set(columns.kinds)
    rows: list[Row] = []
    by_page: dict[int, list[Line]] = {}
    for line in body:
        by_page.setdefault(line.page, []).append(line)
    table_x0 = min(w.x0 for line in header for w in line.words)
    table_x1 = max(w.x1 for line in header for w in line.words)
    for number, lines in by_page.items():
        page = pages[number]
        page_columns = columns
        if page is not hpage and columns.boundaries and len(page.vrules) >= 3:
            page_columns = _page_columns(columns, page)
        width = max(table_x1 - table_x0, page.width * 0.3)
        # Borders under a merged cell (rowspan) cross only some columns: keep those too.
        rules = sorted(
            (r for r in page.hrules
             if r.length >= 0.12 * width and r.a < table_x1 and r.b > table_x0
             and (page is not hpage or r.pos > header[0].top - page.line_height)),
            key=lambda r: r.pos,
        )  # fmt: skip
        if sum(1 for r in rules if r.length >= 0.5 * width) >= 2:
            # A row cut by the page break has no bottom border: its band ends where the
            # vertical borders do.
            last = rules[-1].pos
            bottom = max((r.b for r in page.vrules if r.a < last < r.b), default=last)
            if bottom - last > page.line_height:
                rules.append(Rule(bottom, table_x0 - width, table_x1 + width))
            page_rows = _band_rows(lines, rules, page_columns, number, (table_x0, table_x1))
        else:
            page_rows = _line_rows(lines, page_columns, kinds, number)
        page_rows = [r for r in page_rows if not is_header(r.text)]
        # A row the page break cut in two: its second part has no number and no position.
        if rows and page_rows and "no" in kinds:
            first = page_rows[0]
            if (
                not _row_number(first.get("no"))
                and not first.get("position")
                and not _is_heading(first, kinds)
            ):
                for kind, parts in first.cells.items():
                    rows[-1].cells.setdefault(kind, []).extend(parts)
                rows[-1].confs.extend(first.confs)
                page_rows = page_rows[1:]
        rows.extend(page_rows)
    return rows, columns


def _page_columns(columns: Columns, page: Page) -> Columns:
    """The header page's columns moved to this page's vertical borders when they match."""
    xs = []
    for x in sorted(r.pos for r in page.vrules if r.length > page.height * 0.1):
        if not xs or x - xs[-1] > 2 * page.line_height:
            xs.append(x)
    if len(xs) == len(columns.boundaries):
        return Columns(xs, columns.kinds)
    return columns


def _band_rows(lines, rules, columns: Columns, number, extent) -> list[Row]:
    """Rows between horizontal borders, each column cut by the borders that cross it: a
    merged cell (a position written once for several rows) then lies in one band of its
    column that spans several bands of the others, and every row in it gets its text."""
    words = [w for line in lines for w in line.words]
    count = len(columns.kinds)
    edges = [extent[0], *columns.boundaries, extent[1]]
    if columns.kinds[0] is None and count == len(columns.boundaries) + 1 and len(edges) > count:
        edges = [edges[0] - 1, *columns.boundaries, edges[-1] + 1]
    by_column: dict[int, list[Word]] = {}
    for word in words:
        by_column.setdefault(bisect.bisect_left(columns.boundaries, word.cx), []).append(word)
    cuts: dict[int, list[float]] = {}
    for c in range(count):
        lo, hi = edges[min(c, len(edges) - 2)], edges[min(c + 1, len(edges) - 1)]
        span = max(hi - lo, 1.0)
        cuts[c] = sorted(
            {r.pos for r in rules if r.a <= lo + 0.3 * span and r.b >= hi - 0.3 * span}
        )
    full = sorted({r.pos for r in rules})
    text_columns = [
        c for c in range(count) if columns.kinds[c] in ("institution", "mixed", "name", "office")
    ]
    primary = max(text_columns or range(count), key=lambda c: len(cuts[c]))
    row_cuts = cuts[primary] if len(cuts[primary]) >= 2 else full

    def band(c, y):
        own = cuts[c] if len(cuts[c]) >= 2 else full
        i = bisect.bisect_left(own, y)
        return (own[i - 1], own[i]) if 0 < i < len(own) else None

    rows = []
    for top, bottom in zip(row_cuts, row_cuts[1:], strict=False):
        if not any(top < w.cy < bottom for w in words):
            continue
        middle = (top + bottom) / 2
        row = Row(page=number)
        for c, column_words in by_column.items():
            limits = band(c, middle)
            if limits is None:
                continue
            inside = [w for w in column_words if limits[0] < w.cy < limits[1]]
            if inside:
                text, confs = _cells_text(inside)
                row.add(columns.kinds[c] or "other", text, confs)
        rows.append(row)
    return rows


def _line_rows(lines, columns, kinds, number) -> list[Row]:
    rows: list[Row] = []
    current = None
    skip_until = -1
    for i, line in enumerate(lines):
        if i < skip_until:
            continue
        size = _header_size(lines, i)
        if size:  # the header repeated on a continuation page
            skip_until = i + size
            continue
        split = columns.split(line.words)
        no_text = join_words(split.get("no", [])) if "no" in kinds else ""
        position = join_words(split.get("position", []))
        starts = current is None
        if "no" in kinds and _row_number(no_text):
            starts = True
        elif position and role_label(position) and current is not None and current.get("position"):
            starts = True
        elif "no" not in kinds and "position" not in kinds:
            starts = True
        if starts:
            current = Row(page=number)
            rows.append(current)
        for kind, words in split.items():
            text, confs = _cells_text(words)
            current.add(kind, text, confs)
    return rows


def _is_heading(row: Row, kinds) -> bool:
    if "heading" in row.cells:
        return True
    if row.get("no") and _row_number(row.get("no")):
        return False
    if row.get("position"):
        return False
    text = squash(row.text)
    if not text:
        return False
    first = fold(text.split(" ")[0])
    if first in _GROUP_WORDS or re.match(r"^[IVX]{1,4}[.)]\s", text):
        return True
    letters = [c for c in text if c.isalpha()]
    return (
        len(letters) > 6
        and sum(c.isupper() for c in letters) / len(letters) > 0.9
        and ("position" in kinds)
    )
