"""The status of many regions at once, for dashboards, the matrix and the public page.

`assessment.engine.evaluate` judges effectiveness from the records with a constant number of
queries, but it reads every decree, plan, budget and indicator of the regions it is asked
about. Pages that only need the outcome (effective or not, which criteria are met) read it from
`RegionStatus`, one row per region and year, in one query.

Freshness:
- Every write to a record the criteria read (see `EVIDENCE` in assessment/signals.py) deletes
  the rows of its region, at once and again after the transaction commits; writes that bypass
  signals (bulk imports) send `core.signals.bulk_changed`, which assessment/signals.py turns into
  `invalidate()`.
- A row also goes stale when the date decrees are checked on moves (the current year's
  assessment is judged on today's date).
- A status is computed from the records and stored only if no invalidation happened meanwhile
  (`StatusEpoch`), so a slow computation never stores an outdated answer.
"""

from dataclasses import dataclass

from django.db import transaction

from assessment.engine import (
    FULFILLED,
    NOT_FULFILLED,
    NOT_REPORTED,
    assessment_date,
    evaluate,
)
from assessment.models import Criterion, RegionStatus, StatusEpoch


@dataclass(frozen=True)
class StatusSummary:
    region_code: str
    year: int
    has_workgroup: bool
    computed_status: str
    official_status: str
    # {criterion code: state}, {criterion kind: state}
    criteria: dict
    kinds: dict

    def met(self, kind) -> bool:
        return self.kinds.get(kind) == FULFILLED


def _kind_states(results) -> dict:
    """A kind is fulfilled when all its active criteria are; not fulfilled when any is."""
    states = {}
    for result in results:
        states.setdefault(result.criterion.kind, []).append(result.state)
    merged = {}
    for kind, values in states.items():
        if all(v == FULFILLED for v in values):
            merged[kind] = FULFILLED
        elif NOT_FULFILLED in values:
            merged[kind] = NOT_FULFILLED
        else:
            merged[kind] = NOT_REPORTED
    return merged


# The StatusSummary fields after region_code and year, as stored in RegionStatus.
_FIELDS = ("has_workgroup", "computed_status", "official_status", "criteria", "kinds")


def _summary(code, row) -> StatusSummary:
    return StatusSummary(
        region_code=code, year=row.year, **{name: getattr(row, name) for name in _FIELDS}
    )


def _epoch() -> int:
    epoch, _created = StatusEpoch.objects.get_or_create(pk=1)
    return epoch.value


def _compute(regions, year, *, epoch) -> list[RegionStatus]:
    """Evaluate `regions` for `year` and store the rows unless the records changed meanwhile."""
    results = evaluate(regions, year)
    as_of = assessment_date(year)
    rows = [
        RegionStatus(
            region=region,
            year=year,
            as_of=as_of,
            has_workgroup=results[region.code].workgroup is not None,
            computed_status=results[region.code].computed_status,
            official_status=results[region.code].official_status,
            criteria={r.criterion.code: r.state for r in results[region.code].results},
            kinds=_kind_states(results[region.code].results),
        )
        for region in regions
    ]
    with transaction.atomic():
        current = StatusEpoch.objects.select_for_update().filter(pk=1).first()
        if current is not None and current.value == epoch:
            RegionStatus.objects.bulk_create(
                rows,
                batch_size=500,
                update_conflicts=True,
                unique_fields=["region", "year"],
                update_fields=[
                    "as_of",
                    "has_workgroup",
                    "computed_status",
                    "official_status",
                    "criteria",
                    "kinds",
                    "computed_at",
                ],
            )
    return rows


def statuses(regions, years) -> dict[tuple[str, int], StatusSummary]:
    """`{(region.code, year): StatusSummary}` for every region and year asked for. One query
    when the cache is fresh; missing or stale rows are computed and stored. The answer is also
    kept under the data version and the date (audit.version.kept; every invalidation raises the
    version), so that pages over every region do not decode 1,100 rows each time."""
    import hashlib

    from django.utils import timezone

    from audit import version

    regions = list(regions)
    years = sorted(set(years))
    if not regions or not years:
        return {}
    ids = hashlib.sha256(",".join(str(r.pk) for r in regions).encode()).hexdigest()
    return version.kept(
        ("statuses", ids, *years, timezone.localdate()), lambda: _statuses(regions, years)
    )


def _statuses(regions, years) -> dict[tuple[str, int], StatusSummary]:
    by_id = {r.pk: r for r in regions}
    as_of = {year: assessment_date(year) for year in years}
    found = {}
    # Plain tuples, not model instances: the national dashboard reads 1,100 rows.
    for region_id, year, row_as_of, *values in RegionStatus.objects.filter(
        region_id__in=list(by_id), year__in=years
    ).values_list("region_id", "year", "as_of", *_FIELDS):
        if row_as_of == as_of[year]:
            code = by_id[region_id].code
            found[(code, year)] = StatusSummary(code, year, *values)
    missing = {
        year: [r for r in regions if (r.code, year) not in found]
        for year in years
        if any((r.code, year) not in found for r in regions)
    }
    if missing:
        epoch = _epoch()
        for year, todo in missing.items():
            for row in _compute(todo, year, epoch=epoch):
                found[(row.region.code, year)] = _summary(row.region.code, row)
    return found


def refresh_all(year=None) -> int:
    """Recompute and store the status of every region for `year` (default: every year that has
    criteria). Returns the number of rows written."""
    from regions.models import Region

    years = (
        [year]
        if year
        else sorted(
            set(Criterion.objects.filter(province__isnull=True).values_list("year", flat=True))
        )
    )
    regions = list(Region.objects.all())
    written = 0
    for each in years:
        written += len(_compute(regions, each, epoch=_epoch()))
    return written


def _delete(region_ids, years):
    rows = RegionStatus.objects.all()
    if region_ids is not None:
        rows = rows.filter(region_id__in=list(region_ids))
    if years is not None:
        rows = rows.filter(year__in=list(years))
    rows.delete()


def invalidate(region_ids=None, years=None) -> None:
    """Mark statuses stale: of the given regions (ids) and years, or all. Deletes the rows now
    and, after the current transaction commits, counts an invalidation (so computations that
    read the old records do not store them) and deletes them again."""
    from audit import version

    region_ids = None if region_ids is None else list(region_ids)
    years = None if years is None else list(years)
    _delete(region_ids, years)
    version.changed()  # what was kept under the data version (statuses above) is read afresh

    def after_commit():
        with transaction.atomic():
            StatusEpoch.objects.get_or_create(pk=1)
            epoch = StatusEpoch.objects.select_for_update().get(pk=1)
            epoch.value += 1
            epoch.save(update_fields=["value"])
            _delete(region_ids, years)

    transaction.on_commit(after_commit)
