"""Read-side queries for the indicator pages, the API and other apps (dashboards).

Realisations from different data sources are never combined: every function either takes one
source or returns one line per source.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from indicators.achievement import Grade, achievement, grade, is_negative
from indicators.models import (
    DataSource,
    Indicator,
    NationalTarget,
    Target,
    Value,
    WorkGroupIndicator,
)


def active_workgroup(region):
    from workgroups.models import WorkGroup

    return WorkGroup.objects.filter(region=region, status=WorkGroup.Status.ACTIVE).first()


@dataclass
class Realisation:
    source: str | None
    value: Decimal | None
    achievement: Decimal | None
    grade: Grade | None
    is_demo: bool = False

    @property
    def is_negative(self) -> bool:
        return is_negative(self.achievement)

    @property
    def source_label(self) -> str:
        return DataSource(self.source).label if self.source else ""


@dataclass
class IndicatorLine:
    """One indicator on a region's page for a year: its target and one realisation per data
    source (or the chosen source), each with its achievement and grade, plus the trend."""

    indicator: Indicator
    target: Decimal | None
    national_target: Decimal | None
    adopted: bool
    pokja_target: Decimal | None
    realisations: list[Realisation]
    trend: dict = field(default_factory=dict)
    # The trend as a table: (year, target, [realisation per source in `trend_sources`]).
    trend_rows: list = field(default_factory=list)
    trend_sources: list = field(default_factory=list)
    # The target or a realisation shown for the year is demo data.
    is_demo: bool = False


def _trend(indicator, targets_by_year, values_by_source_year):
    years = sorted(
        set(targets_by_year) | {y for by_year in values_by_source_year.values() for y in by_year}
    )
    series = []
    for source in DataSource.values:
        by_year = values_by_source_year.get(source)
        if by_year:
            series.append(
                {
                    "source": source,
                    "label": str(DataSource(source).label),
                    "values": [_number(by_year.get(y)) for y in years],
                }
            )
    return {
        "code": indicator.code,
        "name": indicator.name,
        "unit": indicator.unit,
        "years": years,
        "target": [_number(targets_by_year.get(y)) for y in years],
        "series": series,
    }


def _trend_table(targets_by_year, values_by_source_year):
    sources = [s for s in DataSource.values if values_by_source_year.get(s)]
    years = sorted(set(targets_by_year) | {y for s in sources for y in values_by_source_year[s]})
    rows = [
        (y, targets_by_year.get(y), [values_by_source_year[s].get(y) for s in sources])
        for y in years
    ]
    return rows, [str(DataSource(s).label) for s in sources]


def _number(value):
    return None if value is None else float(value)


def region_overview(region, *, year: int, source: str | None = None) -> list[IndicatorLine]:
    """Every active catalogue indicator (adopted ones first) for the region and year: target,
    realisation per data source (only `source` when given), achievement, grade and trend."""
    indicators = list(Indicator.objects.filter(is_active=True))
    targets = defaultdict(dict)
    demo = set()  # (indicator_id, source or None) of the year's demo rows
    for indicator_id, y, value, is_demo in Target.objects.filter(region=region).values_list(
        "indicator_id", "year", "value", "is_demo"
    ):
        targets[indicator_id][y] = value
        if is_demo and y == year:
            demo.add((indicator_id, None))
    values = defaultdict(lambda: defaultdict(dict))
    value_qs = Value.objects.filter(region=region, period="")
    if source:
        value_qs = value_qs.filter(source=source)
    for indicator_id, y, src, value, is_demo in value_qs.values_list(
        "indicator_id", "year", "source", "value", "is_demo"
    ):
        values[indicator_id][src][y] = value
        if is_demo and y == year:
            demo.add((indicator_id, src))
    national = dict(
        ((i, y), v)
        for i, y, v in NationalTarget.objects.filter(year=year).values_list(
            "indicator_id", "year", "value"
        )
    )
    workgroup = active_workgroup(region)
    adoptions = {}
    if workgroup is not None:
        adoptions = {
            a.indicator_id: a
            for a in WorkGroupIndicator.objects.filter(workgroup=workgroup, year=year)
        }
    lines = []
    for indicator in indicators:
        target = targets[indicator.pk].get(year)
        by_source = values[indicator.pk]
        realisations = []
        sources = (
            [source] if source else [s for s in DataSource.values if year in by_source.get(s, {})]
        )
        for src in sources:
            value = by_source.get(src, {}).get(year)
            score = achievement(value, target, indicator.direction)
            realisations.append(
                Realisation(src, value, score, grade(score), (indicator.pk, src) in demo)
            )
        if not realisations:
            realisations.append(Realisation(None, None, None, None))
        adoption = adoptions.get(indicator.pk)
        trend_rows, trend_sources = _trend_table(targets[indicator.pk], by_source)
        lines.append(
            IndicatorLine(
                indicator=indicator,
                target=target,
                national_target=national.get((indicator.pk, year)),
                adopted=adoption is not None,
                pokja_target=adoption.target if adoption else None,
                realisations=realisations,
                trend=_trend(indicator, targets[indicator.pk], by_source),
                trend_rows=trend_rows,
                trend_sources=trend_sources,
                is_demo=any(key[0] == indicator.pk for key in demo),
            )
        )
    lines.sort(key=lambda line: not line.adopted)
    return lines


@dataclass
class RankingLine:
    region: object
    target: Decimal | None
    value: Decimal | None
    achievement: Decimal | None
    grade: Grade | None
    rank: int | None = None


def sources_with_values(regions, indicator, year) -> list[str]:
    """Data sources with yearly realisations for these regions, in the order of `DataSource`
    (surveys before administrative data; the first is `default_source`)."""
    rows = (
        Value.objects.filter(region__in=regions, indicator=indicator, year=year, period="")
        .values("source")
        .annotate(n=Count("id"))
        .order_by()
    )
    order = DataSource.values
    return sorted((row["source"] for row in rows), key=order.index)


def requested_source(raw) -> str | None:
    """The data source asked for with `?source=` (a `DataSource` value, or its label such as
    "e-PPGBM"); None when absent or unknown."""
    raw = (raw or "").strip()
    if not raw:
        return None
    for value, label in DataSource.choices:
        if raw.lower() in (value, str(label).lower()):
            return value
    return None


def default_source(present) -> str | None:
    """The data source shown when none is chosen: the first of `present` in `DataSource` order
    (SSGI, SKI, e-PPGBM, Pendataan Keluarga, Susenas, Long Form SP2020, other: surveys before
    administrative data). Documented in docs/domain.md §3a; never a majority count."""
    present = set(present)
    return next((s for s in DataSource.values if s in present), None)


def choose_source(raw, present) -> str | None:
    """The requested source when valid (even when it has no values: the figures are then empty,
    never taken from another source), else `default_source(present)`."""
    return requested_source(raw) or default_source(present)


def source_options(present) -> list[tuple[str, str]]:
    """(value, label) of the sources present, in `DataSource` order, for a source selector."""
    present = set(present)
    return [(value, str(label)) for value, label in DataSource.choices if value in present]


AGAINST_OWN = "own"
AGAINST_PROVINCE = "province"
AGAINST_NATIONAL = "national"


def ranking(
    province, indicator, *, year: int, source: str, against: str = AGAINST_OWN
) -> list[RankingLine]:
    """The kab/kota of a province for one indicator, year and data source, ranked by
    achievement (highest first; equal achievements share a rank). Regions without an
    achievement (missing value or target) come last, unranked.

    `against` chooses the target: each kab/kota's own target (default), the province's target
    or the national target, the same for all."""
    children = list(province.children.order_by("code"))
    values = dict(
        Value.objects.filter(
            region__in=children, indicator=indicator, year=year, period="", source=source
        ).values_list("region_id", "value")
    )
    if against == AGAINST_PROVINCE:
        common = (
            Target.objects.filter(region=province, indicator=indicator, year=year)
            .values_list("value", flat=True)
            .first()
        )
        targets = dict.fromkeys((c.pk for c in children), common)
    elif against == AGAINST_NATIONAL:
        common = (
            NationalTarget.objects.filter(indicator=indicator, year=year)
            .values_list("value", flat=True)
            .first()
        )
        targets = dict.fromkeys((c.pk for c in children), common)
    else:
        targets = dict(
            Target.objects.filter(region__in=children, indicator=indicator, year=year).values_list(
                "region_id", "value"
            )
        )
    lines = []
    for child in children:
        target, value = targets.get(child.pk), values.get(child.pk)
        score = achievement(value, target, indicator.direction)
        lines.append(RankingLine(child, target, value, score, grade(score)))
    return rank_lines(lines)


def rank_lines(lines) -> list:
    """Lines with an `achievement` and a `region`, highest achievement first (ties share a rank
    and go by region code; sets `line.rank`), then the lines without an achievement."""
    ranked = sorted(
        (line for line in lines if line.achievement is not None),
        key=lambda line: (-line.achievement, line.region.code),
    )
    previous, rank = None, 0
    for position, line in enumerate(ranked, start=1):
        if line.achievement != previous:
            rank, previous = position, line.achievement
        line.rank = rank
    return ranked + [line for line in lines if line.achievement is None]


def grade_counts(lines) -> dict:
    """{grade: count} plus "missing" for lines without an achievement."""
    counts = Counter(line.grade.value if line.grade else "missing" for line in lines)
    result = {g.value: counts.get(g.value, 0) for g in Grade}
    result["missing"] = counts.get("missing", 0)
    return result


def region_achievement(region, indicator, *, year: int, source: str) -> dict:
    """Target, yearly realisation from `source`, achievement and grade (None when missing)."""
    target = (
        Target.objects.filter(region=region, indicator=indicator, year=year)
        .values_list("value", flat=True)
        .first()
    )
    value = (
        Value.objects.filter(
            region=region, indicator=indicator, year=year, period="", source=source
        )
        .values_list("value", flat=True)
        .first()
    )
    score = achievement(value, target, indicator.direction)
    result = grade(score)
    return {
        "target": target,
        "value": value,
        "achievement": score,
        "grade": result.value if result else None,
        "grade_label": str(result.label) if result else None,
    }
