"""The kab/kota map of a province, drawn server-side as inline SVG: a tile grid laid out from
`data/tile_layouts/<province code>.json` (`{kab/kota code: [row, col]}`; provinces without a
file get rows of 6 in code order), or the uploaded boundaries (`BoundaryMap`) when there are."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.urls import reverse

from assessment.engine import EFFECTIVE, NO_WORKGROUP, NOT_EFFECTIVE, state_label

LAYOUT_DIR = Path(__file__).resolve().parent / "data" / "tile_layouts"
AUTO_COLUMNS = 6
TILE = 96  # tile size in SVG units
GAP = 6
LINE = 11  # characters per label line (3 lines at most)
STATUSES = (EFFECTIVE, NOT_EFFECTIVE, NO_WORKGROUP)
SYMBOLS = {EFFECTIVE: "✔", NOT_EFFECTIVE: "✘", NO_WORKGROUP: "○"}


@cache
def layout_file(province_code: str) -> dict | None:
    path = LAYOUT_DIR / f"{province_code}.json"
    if not path.exists():
        return None
    return {code: tuple(position) for code, position in json.loads(path.read_text()).items()}


def layout(province_code: str, codes) -> dict:
    """`{code: (row, col)}` for the given kab/kota codes. Codes missing from the layout file
    (e.g. a new kab/kota) are added in rows of 6 below it."""
    codes = sorted(codes)
    placed = dict(layout_file(province_code) or {})
    placed = {code: pos for code, pos in placed.items() if code in codes}
    rest = [code for code in codes if code not in placed]
    first_row = max((row for row, _col in placed.values()), default=-1) + 1
    for index, code in enumerate(rest):
        placed[code] = (first_row + index // AUTO_COLUMNS, index % AUTO_COLUMNS)
    return placed


def short_name(name: str) -> str:
    """`Kabupaten Gowa` → `Gowa`, `Kota Makassar` → `Makassar`."""
    for prefix in ("Kabupaten ", "Kab. ", "Kota Administrasi ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def label_lines(text: str) -> list[str]:
    """Up to three lines of about `LINE` characters; longer names end with "…"."""
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and len(candidate) > LINE:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > 3:
        lines = [*lines[:2], lines[2] + "…"]
    return [line if len(line) <= LINE + 2 else line[: LINE + 1] + "…" for line in lines]


@dataclass
class MapArea:
    code: str
    name: str
    status: str
    url: str
    # tile grid
    x: float = 0
    y: float = 0
    lines: list | None = None
    # uploaded boundaries
    path: str = ""

    @property
    def symbol(self) -> str:
        return SYMBOLS.get(self.status, "")

    @property
    def status_label(self) -> str:
        return state_label(self.status)

    @property
    def title(self) -> str:
        return f"{self.name}: {self.status_label}"

    @property
    def text_x(self) -> float:
        return self.x + TILE / 2

    @property
    def symbol_y(self) -> float:
        return self.y + 26

    @property
    def label_rows(self):
        """(y, text) of each label line, below the status symbol."""
        lines = self.lines or []
        top = self.y + (58 if len(lines) < 3 else 50)
        return [(top + index * 16, line) for index, line in enumerate(lines)]


@dataclass
class RegionMap:
    kind: str  # "tiles" or "boundaries"
    view_box: str
    areas: list
    tile: int = TILE

    @property
    def legend(self):
        counts = {status: 0 for status in STATUSES}
        for area in self.areas:
            counts[area.status] = counts.get(area.status, 0) + 1
        return [
            (status, SYMBOLS[status], state_label(status), counts[status]) for status in STATUSES
        ]


def region_map(province, children, status_of, *, year) -> RegionMap:
    """The map of `province`'s kab/kota (`children`, each optionally carrying `shape_path` and
    `shape_view_box` annotations from an uploaded boundary map); `status_of(code)` gives
    effective / not_effective / no_workgroup."""
    areas = []
    for child in children:
        url = reverse("dashboards:region", kwargs={"code": child.code}) + f"?year={year}"
        areas.append(MapArea(child.code, child.name, status_of(child.code), url))
    shaped = [c for c in children if getattr(c, "shape_path", None)]
    if shaped:
        paths = {c.code: c.shape_path for c in shaped}
        for area in areas:
            area.path = paths.get(area.code, "")
        return RegionMap("boundaries", shaped[0].shape_view_box, [a for a in areas if a.path])
    positions = layout(province.code, [a.code for a in areas])
    for area in areas:
        row, col = positions[area.code]
        area.x, area.y = col * (TILE + GAP), row * (TILE + GAP)
        area.lines = label_lines(short_name(area.name))
    rows = max((r for r, _c in positions.values()), default=0) + 1
    cols = max((c for _r, c in positions.values()), default=0) + 1
    view_box = f"0 0 {cols * (TILE + GAP) - GAP} {rows * (TILE + GAP) - GAP}"
    return RegionMap("tiles", view_box, areas)
