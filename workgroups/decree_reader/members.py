"""The members of the Pokja from the lampiran (`SUSUNAN KEANGGOTAAN …`), whatever its layout:
a table with a header row (bordered or not, continuing over pages, with or without names,
grouped by bidang) or a numbered list (`1. Ketua : …`, the Anggota as a lettered sub-list).

Tables are cut into columns at the vertical borders, or without borders at the emptiest
x-position between two header cells; into rows at the horizontal borders, or without borders
at each row number (or a position word in the position column)."""

import re

from .fields import _office
from .layout import Line, Page, join_words
from .positions import (
    _GROUP_WORDS,
    clean_position,
    is_header,
    match_role,
    role_label,
    role_of,
    split_name,
)
from .result import ReadMember
from .tables import Row, _is_heading, _table_rows
from .text import first_word, fix_name, fold, lead, like, smart_title, squash, starts_like, tidy

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
