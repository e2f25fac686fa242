"""The members of the Pokja from the lampiran (`SUSUNAN KEANGGOTAAN …`), whatever its layout:
a table with a header row (bordered or not, continuing over pages, with or without names,
grouped by bidang) or a numbered list (`1. Ketua : …`, the Anggota as a lettered sub-list).

Tables are cut into columns at the vertical borders, or without borders at the emptiest
x-position between two header cells; into rows at the horizontal borders, or without borders
at each row number (or a position word in the position column)."""

import bisect
import re
from dataclasses import dataclass, field

from .layout import Line, Page, Rule, Word, group_lines, join_words
from .result import ReadMember
from .text import first_word, fix_name, fold, lead, like, smart_title, squash, starts_like, tidy

# Positions in a Pokja, folded first words → (written form, workgroups.Member.Role value).
ROLES = [
    ("penanggung jawab", "Penanggung Jawab", "responsible"),
    ("penanggungjawab", "Penanggung Jawab", "responsible"),
    ("pengarah", "Pengarah", "adviser"),
    ("pembina", "Pembina", "adviser"),
    ("penasehat", "Penasehat", "adviser"),
    ("penasihat", "Penasihat", "adviser"),
    ("pelindung", "Pelindung", "adviser"),
    ("wakil ketua", "Wakil Ketua", "vice_chair"),
    ("ketua", "Ketua", "chair"),
    ("wakil sekretaris", "Wakil Sekretaris", "secretary"),
    ("sekretaris", "Sekretaris", "secretary"),
    ("bendahara", "Bendahara", "member"),
    ("koordinator", "Koordinator", "coordinator"),
    ("anggota", "Anggota", "member"),
]
_GROUP_WORDS = (
    "bidang",
    "seksi",
    "subbidang",
    "sub",
    "kelompok",
    "pokja",
    "tim",
    "unsur",
    "divisi",
)
_OFFICE_WORDS = {
    "kepala", "ketua", "sekretaris", "wakil", "dinas", "badan", "kabupaten", "kota", "provinsi",
    "bupati", "gubernur", "walikota", "wali", "camat", "kantor", "bagian", "bidang", "unit",
    "direktur", "dekan", "rektor", "komandan", "kepolisian", "tim", "forum", "ikatan", "majelis",
    "persatuan", "koordinator", "perwakilan", "daerah", "penyuluh", "organisasi", "universitas",
    "pengurus", "staf", "asisten", "lurah", "desa", "kecamatan", "puskesmas", "sekretariat",
    "seksi", "kementerian", "pusat", "statistik", "penggerak", "pkk", "kodim", "polres",
}  # fmt: skip
_DEGREE = re.compile(
    r"(?:^|[\s,])(?:Dr|dr|Drs|Dra|Ir|H|Hj|Prof|S\.\w{1,4}|M\.\w{1,4}|Ns|Apt|A\.Md|SH|SE|MM|MPH|Ph\.D)\.?(?=[\s,]|$)"
)
_ROW_NUMBER = re.compile(r"^[\[(]?([0-9OoIl|]{1,3})\s*[.,)]*$")


def match_role(text: str):
    """(written form, role, rest of the text) when `text` starts with a position word."""
    text = squash(text).lstrip("-•*·. ")
    for phrase, written, role in ROLES:
        n = len(phrase.split(" "))
        if starts_like(text, phrase, 0.8):
            rest = " ".join(text.split(" ")[n:])
            return written, role, rest
    return None


_LABEL_TAIL = ("bidang", "seksi", "sub", "subbidang", "pelaksana", "harian", "merangkap", "umum",
               "i", "ii", "iii", "iv", "v", "l", "ll", "lll")  # fmt: skip


def role_label(label: str):
    """match_role for the label before `:` in a list: the position word alone or followed by
    a bidang, a number (`Wakil Ketua I`) or `merangkap anggota`; not an office that merely
    begins like one (`Ketua Tim Penggerak PKK`, `Sekretaris Daerah`)."""
    found = match_role(label)
    if not found:
        return None
    rest = found[2].split(" ")
    if not found[2] or (fold(rest[0]) in _LABEL_TAIL or rest[0].isdigit()) and len(rest) <= 8:
        return found
    return None


def role_of(position: str) -> str:
    found = match_role(position or "")
    if not found:
        return "member"
    written, role, rest = found
    if role == "chair" and rest and like(rest.split(" ")[0], "bidang"):
        return "coordinator"
    return role


def clean_position(text: str) -> str:
    """The position as written, its position words spelled right (OCR) and tidied."""
    text = tidy(text).strip(" .")
    found = match_role(text)
    if not found:
        return text
    written, _role, rest = found
    return squash(f"{written} {rest}")


def person_score(text: str) -> int:
    words = [fold(w) for w in squash(text).split(" ") if fold(w)]
    if not words:
        return -9
    office = sum(1 for w in words if w in _OFFICE_WORDS)
    degrees = len(_DEGREE.findall(text))
    return 2 * degrees - 2 * office + (1 if 2 <= len(words) <= 6 else 0)


def split_name(value: str):
    """`Dr. Andi X, M.Si. (Kepala Dinas …)` or `Kepala Dinas … (Andi X)` → (name, office)."""
    m = re.match(r"^(.+?)\s*[(\[]\s*(.+?)\s*[)\]]?\s*[;,.]?\s*$", value)
    if not m or "(" not in value and "[" not in value:
        return None, value
    a, b = tidy(m[1]), tidy(m[2])
    if person_score(a) > person_score(b):
        return a, b
    if person_score(b) > person_score(a):
        return b, a
    return None, value


# -- column kinds -----------------------------------------------------------------------------


def column_kind(text: str) -> str | None:
    words = [w for w in re.split(r"[\s/,&.()]+", text or "") if w]
    folded = fold(text)
    if not words:
        return None
    if any(like(w, k) for w in words for k in ("kedudukan", "keanggotaan", "posisi", "keterangan")):
        return "position"
    if re.search(r"dalam(tim|pokja|kelompok|kepengurusan|organisasi)", folded):
        return "position"
    has_name = any(like(w, "nama", 0.75) for w in words)
    has_office = any(like(w, k) for w in words for k in ("jabatan", "pekerjaan"))
    has_inst = (
        any(
            like(w, k)
            for w in words
            for k in ("instansi", "unsur", "lembaga", "asal", "satuan", "opd")
        )
        or "unitkerja" in folded
    )
    if has_name and (has_office or has_inst):
        return "mixed"
    if has_name:
        return "name"
    if has_inst:
        return "institution"
    if has_office:
        return "office"
    if folded in ("no", "nomor", "nourut", "n", "na") or (
        folded.startswith("no") and len(folded) <= 3
    ):
        return "no"
    if any(
        like(w, k)
        for w in words
        for k in ("nip", "tandatangan", "paraf", "ttd", "kontak", "telepon")
    ):
        return "ignore"
    return None


_HEADER_FILLER = {"dalam", "tim", "pokja", "kerja", "kelompok", "dan", "atau", "urut", "lengkap",
                  "gelar", "pangkat", "golongan", "kepengurusan", "organisasi", "kedinasan"}  # fmt: skip


def is_header(text: str) -> bool:
    """A table's header row: at least two column names (No, Nama, Jabatan, Kedudukan, …)
    and hardly any other word."""
    words = [w for w in re.split(r"[\s/|]+", squash(text)) if w.strip(".,:()")]
    if not words or len(words) > 14:
        return False
    kinds = [column_kind(w) for w in words]
    found = {k for k in kinds if k and k != "ignore"}
    other = sum(
        1 for w, k in zip(words, kinds, strict=True) if not k and fold(w) not in _HEADER_FILLER
    )
    return len(found - {"no"}) >= 1 and len(found) >= 2 and other <= len(words) // 3


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
        parts = self.cells.get(kind, [])
        out = ""
        for part in parts:
            if out.endswith(("-", "/")) and part[:1].isalnum():
                out += part
            else:
                out = f"{out} {part}" if out else part
        return tidy(out)

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
    lines = group_lines(words)
    parts = [join_words(line.words) for line in lines]
    text = ""
    for part in parts:
        if text.endswith(("-", "/")) and part[:1].isalnum():
            text += part
        else:
            text = f"{text} {part}" if text else part
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


# -- lists ------------------------------------------------------------------------------------

_ITEM = re.compile(r"^\s*(?:\(?[0-9OoIl]{1,2}|[a-zA-Z]{1,2})\s*[.,)]\s+(.+)$")
_BULLET = re.compile(r"^\s*[-•*·]\s*(.+)$")
_NUMBERING = re.compile(r"^\s*(?:\(?[0-9OoIl]{1,2}|[a-zA-Z]|[IVX]{1,4})\s*[.,)]\s*")


def _colon_at_gap(line: Line) -> str | None:
    """`1. Pengarah        Bupati Bone` (columns without a colon) as `1. Pengarah : Bupati
    Bone`, when the words before the widest gap are a position."""
    words = line.words
    height = sorted(w.height for w in words)[len(words) // 2] if words else 0
    best, at = 0.0, None
    for i in range(1, len(words)):
        gap = words[i].x0 - words[i - 1].x1
        if gap > best:
            best, at = gap, i
    if at is None or best < 1.2 * height:
        return None
    label = _NUMBERING.sub("", join_words(words[:at])).strip(" .")
    if not role_label(label):
        return None
    return f"{join_words(words[:at])} : {join_words(words[at:])}"


def _list_rows(region: list[Line]) -> list[Row]:
    rows: list[Row] = []
    position = None
    last = None
    carry = None  # `Wakil` at the end of a label whose `Ketua` wrapped to the next line
    for line in region:
        text = squash(line.text)
        confs = [w.conf for w in line.words]
        if carry:
            first, _, remainder = text.partition(" ")
            if any(like(first, k) for k in ("ketua", "sekretaris", "bendahara")) and last:
                last.cells["position"] = [f"{carry} {first}"]
                position = last.cells["position"][0]
                text = remainder
            carry = None
            if not text:
                continue
        if re.fullmatch(r"[-–\s\d]*|halaman.*", text, re.IGNORECASE):
            continue
        if ":" not in text:
            text = _colon_at_gap(line) or text
        if ":" in text:
            label, _, rest = text.partition(":")
            label = _NUMBERING.sub("", label).strip(" .")
            found = role_label(label)
            if not found and fold(label) == "wakil" and rest.strip():
                carry, found = label, ("Wakil", "member", "")
            if found:
                position = label
                last = None
                if rest.strip():
                    last = Row(page=line.page)
                    last.add("position", label, confs)
                    last.add("mixed", rest.strip(), confs)
                    rows.append(last)
                continue
            if label and fold(label.split(" ")[0]) in _GROUP_WORDS:
                rows.append(Row(cells={"heading": [label]}, page=line.page))
                last = None
                continue
        item = _ITEM.match(text) or _BULLET.match(text)
        if item and position:
            last = Row(page=line.page)
            last.add("position", position, confs)
            last.add("mixed", item[1], confs)
            rows.append(last)
        elif last is not None:
            last.add("mixed", text, confs)
        elif fold(text.split(" ")[0]) in _GROUP_WORDS:
            rows.append(Row(cells={"heading": [text]}, page=line.page))
    return rows


# -- rows → members ---------------------------------------------------------------------------


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


def members_from_rows(rows: list[Row], kinds) -> list[ReadMember]:
    out: list[ReadMember] = []
    bidang = None
    default_position = None
    previous_position = None
    for row in rows:
        if is_header(row.text) or re.fullmatch(r"[\s()\d.|]*", row.text or ""):
            continue
        if _is_heading(row, kinds):
            text = squash(" ".join(row.cells.get("heading", [])) or row.text)
            text = re.sub(r"^[IVX]{1,4}[.)]\s*|^[|'\s]+", "", text).strip(" :.")
            found = match_role(text)
            if found and len(text.split(" ")) <= 3:
                default_position = found[0]
                bidang = None
            else:
                bidang = text
            continue
        position = row.get("position")
        if position:
            position = clean_position(position)
        elif "position" in kinds and previous_position:
            position = previous_position  # a merged cell: same position as the row above
        else:
            position = default_position or "Anggota"
        previous_position = position
        if bidang and fold(position) == "koordinator":
            position = f"Koordinator {smart_title(bidang)}"
        name = row.get("name") or None
        office = row.get("office") or None
        institution = row.get("institution") or None
        mixed = row.get("mixed") or row.get("other") or None
        if mixed and not (name or institution or office):
            name, institution = split_name(mixed)
        elif mixed and not name:
            name_part, rest = split_name(mixed)
            name = name_part
            if not institution:
                institution = rest if name_part else mixed
            elif not office:
                office = rest if name_part else mixed
        if institution is None and office:
            institution, office = office, None
        if name and re.fullmatch(r"[-–.\s]*", name):
            name = None
        if name:  # a NIP under the name is not part of it
            name = tidy(re.split(r"\bN\s?I\s?P\b\.?", name, flags=re.IGNORECASE)[0]) or None
        name = fix_name(name)
        if sum(c.isalpha() for c in f"{name or ''}{institution or ''}") < 3:
            continue  # an empty row, or a speck read as a mark
        conf = sum(row.confs) / len(row.confs) if row.confs else 0.5
        out.append(
            ReadMember(
                position=position,
                name=name,
                institution=institution or "",
                role=role_of(position),
                office=office,
                confidence=round(conf, 3),
                page=row.page + 1,
            )
        )
    return out


# -- the lampiran -----------------------------------------------------------------------------


def _end(region: list[Line]) -> int:
    from .fields import _office

    for i, line in enumerate(region):
        text = squash(line.text)
        if (_office(text) and text.endswith(",")) or like(first_word(text), "ditetapkan", 0.75):
            return i
    return len(region)


def read_members(lampiran: list[Line], pages: dict[int, Page]):
    """(members, confidence, layout) from the lampiran's lines."""
    start = 0
    for i, line in enumerate(lampiran):
        if any(
            like(w, "keanggotaan", 0.75) or like(w, "susunan", 0.8) for w in line.text.split(" ")
        ):
            start = i + 1
            break
    region = lampiran[start:]
    region = region[: _end(region)]
    header = next((i for i, line in enumerate(region[:12]) if is_header(line.text)), None)
    if header is not None:
        rows, columns = _table_rows(region, header, pages)
        if columns is not None:
            kinds = set(columns.kinds)
            members = members_from_rows(rows, kinds)
            layout = "table"
        else:
            members, layout = [], "table"
    else:
        rows = _list_rows(region)
        members = members_from_rows(rows, {"position", "mixed"})
        layout = "list"
    if not members:
        return [], 0.0, layout
    conf = sum(m.confidence for m in members) / len(members)
    return members, round(conf * (1.0 if layout == "table" else 0.9), 3), layout


def is_lampiran_start(line: Line) -> bool:
    words = lead(line.text).split(" ")
    if not like(words[0].strip(":"), "lampiran", 0.8):
        return False
    rest = " ".join(words[1:])
    return (
        not rest
        or words[0].isupper()
        or rest.startswith(":")
        or starts_like(rest, "keputusan")
        or bool(re.match(r"^[IVX]{1,4}\b", rest))
    )
