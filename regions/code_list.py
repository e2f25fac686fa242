"""Applying a newer official region code list (Kepmendagri on region codes): the difference
with the regions in force, then, on confirmation, the change, without touching any record
attached to a region (Pokja, assessments, indicator values stay on the region they were
recorded for).

The list is a CSV with the columns `kode,nama` and optionally `kode_asal` (the codes of the
regions a new one was formed from, separated by `;`). English headers `code,name,from` work
too. A new code whose `kode_asal` names a region that is no longer in the list:
- alone, and the only new code formed from it: the region got a new code (`recoded`);
- with other new codes formed from the same region: a split (`split`), the old region ends;
- with several origins: a merge (`merged`), the old regions end.
A region in force that is not in the list and is not an origin ends too (`removed`)."""

import csv
import datetime
from dataclasses import dataclass, field

from django.db import transaction

from audit.registry import record
from regions.codes import normalize_code
from regions.models import Region, RegionName


@dataclass
class Row:
    code: str
    name: str
    origins: list[str]


@dataclass
class Diff:
    added: list[Row] = field(default_factory=list)
    renamed: list[tuple[Region, str]] = field(default_factory=list)
    recoded: list[tuple[Region, Row]] = field(default_factory=list)
    split: list[tuple[Region, list[Row]]] = field(default_factory=list)
    merged: list[tuple[list[Region], Row]] = field(default_factory=list)
    removed: list[Region] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not any(
            (self.added, self.renamed, self.recoded, self.split, self.merged, self.removed)
        )

    def lines(self) -> list[str]:
        out = [f"added    {r.code} {r.name}" for r in self.added]
        out += [f"renamed  {g.code} {g.name} -> {name}" for g, name in self.renamed]
        out += [f"recoded  {g.code} -> {r.code} {r.name}" for g, r in self.recoded]
        for old, rows in self.split:
            parts = ", ".join(f"{r.code} {r.name}" for r in rows)
            out.append(f"split    {old.code} {old.name} -> {parts}")
        for olds, row in self.merged:
            parts = " + ".join(o.code for o in olds)
            out.append(f"merged   {parts} -> {row.code} {row.name}")
        out += [f"removed  {g.code} {g.name}" for g in self.removed]
        return out


def read(path) -> list[Row]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = []
        for number, item in enumerate(csv.DictReader(fh), start=2):
            item = {(k or "").strip().lower(): (v or "").strip() for k, v in item.items()}
            try:
                code = normalize_code(item.get("kode") or item.get("code", ""))
                origins = [
                    normalize_code(c)
                    for c in (item.get("kode_asal") or item.get("from") or "").split(";")
                    if c.strip()
                ]
            except ValueError as exc:
                raise ValueError(f"row {number}: {exc}") from None
            name = item.get("nama") or item.get("name") or ""
            if not name:
                raise ValueError(f"row {number}: no name")
            rows.append(Row(code, name, origins))
    return rows


def diff(rows: list[Row], date: datetime.date) -> Diff:
    current = {r.code: r for r in Region.objects.active_on(date)}
    listed = {r.code for r in rows}
    result = Diff()
    born_from: dict[str, list[Row]] = {}
    for row in rows:
        if row.code not in current:
            for origin in row.origins:
                born_from.setdefault(origin, []).append(row)
    handled = set()
    for row in rows:
        region = current.get(row.code)
        if region is not None:
            if region.name != row.name:
                result.renamed.append((region, row.name))
            continue
        gone = [current[o] for o in row.origins if o in current and o not in listed]
        if not row.origins or not gone:
            result.added.append(row)
        elif len(gone) > 1:
            result.merged.append((gone, row))
            handled.update(g.code for g in gone)
        elif len(born_from[gone[0].code]) == 1:
            result.recoded.append((gone[0], row))
            handled.add(gone[0].code)
    for code, born in born_from.items():
        region = current.get(code)
        if region is not None and code not in listed and len(born) > 1 and code not in handled:
            result.split.append((region, born))
            handled.add(code)
    result.removed = [
        r for code, r in sorted(current.items()) if code not in listed and code not in handled
    ]
    return result


def _parent_for(code: str, created: dict):
    if len(code) == 2:
        return None
    return created.get(code[:2]) or Region.objects.active_on(datetime.date.max).get(code=code[:2])


def _new_region(row: Row, date, created, origins=()) -> Region:
    region = Region.objects.create(
        code=row.code,
        name=row.name,
        level=Region.Level.PROVINCE if len(row.code) == 2 else Region.Level.REGENCY,
        parent=_parent_for(row.code, created),
        valid_from=date,
    )
    if origins:
        region.predecessors.set(origins)
    created[row.code] = region
    return region


def _end(region: Region, date):
    Region.objects.filter(pk=region.pk).update(valid_until=date)


@transaction.atomic
def apply(result: Diff, *, date: datetime.date, source: str, by=None) -> None:
    """Apply `result` from `date`. Every change is recorded in the audit trail."""
    created: dict[str, Region] = {}
    for row in sorted(result.added, key=lambda r: len(r.code)):
        _new_region(row, date, created, Region.objects.filter(code__in=row.origins))
    for region, name in result.renamed:
        RegionName.objects.create(
            region=region, code=region.code, name=region.name, valid_until=date, source=source
        )
        Region.objects.filter(pk=region.pk).update(name=name)
    for region, row in result.recoded:
        # Codes are unique: the region keeps its records, its old code is remembered.
        RegionName.objects.create(
            region=region, code=region.code, name=region.name, valid_until=date, source=source
        )
        Region.objects.filter(pk=region.pk).update(code=row.code, name=row.name)
    for old, rows in result.split:
        for row in rows:
            _new_region(row, date, created, [old])
        _end(old, date)
    for olds, row in result.merged:
        _new_region(row, date, created, olds)
        for old in olds:
            _end(old, date)
    for region in result.removed:
        _end(region, date)
    record(
        action="other",
        code="regions.code_list_applied",
        model_label="regions.Region",
        object_repr=source[:200],
        changes={"date": [None, date.isoformat()], "changes": [None, result.lines()]},
        actor=by,
    )
