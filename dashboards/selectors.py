"""Read-side queries of the dashboards. Each runs ONE query whatever the number of kab/kota, so
a dashboard's query count stays constant (tested in tests/test_queries.py)."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import IntegerField, OuterRef, Q, Subquery, Sum
from django.urls import reverse
from django.utils import timezone

from assessment.models import Criterion
from audit import version
from budget.models import BudgetAllocation
from indicators.achievement import Grade, achievement, grade
from indicators.models import DataSource, Target, Value
from indicators.selectors import rank_lines
from meetings.models import ActionItem, Meeting
from regions.models import Region

UPCOMING_MEETINGS = 8
OVERDUE_ITEMS = 15


def _budget_sum(field, year):
    total = (
        BudgetAllocation.objects.filter(
            workgroup__region=OuterRef("pk"), workgroup__status="active", year=year
        )
        .order_by()
        .values("workgroup__region")
        .annotate(total=Sum(field))
        .values("total")
    )
    # None (not 0) when the kab/kota has no allocation recorded: shown as "belum dicatat".
    return Subquery(total, output_field=IntegerField())


def children_with_numbers(province, year: int, indicator_id=None) -> list[Region]:
    """The province's kab/kota (code order), each annotated with `allocated` and `realised`
    (Rupiah, the active Pokja's allocations for `year`; None when none is recorded), `target` (of `indicator_id` for `year`)
    and `shape_path` / `shape_view_box` (its shape in the uploaded boundary map, if any).
    One query: the budget aggregation of budget.services.allocation_totals, per kab/kota."""
    from dashboards.models import BoundaryShape

    shape = BoundaryShape.objects.filter(region=OuterRef("pk"), boundary_map__province=province)
    qs = (
        province.children.in_year(year)
        .order_by("code")
        .annotate(
            allocated=_budget_sum("amount", year),
            realised=_budget_sum("realised", year),
            shape_path=Subquery(shape.values("path")[:1]),
            shape_view_box=Subquery(shape.values("view_box")[:1]),
        )
    )
    if indicator_id:
        target = Target.objects.filter(region=OuterRef("pk"), indicator_id=indicator_id, year=year)
        qs = qs.annotate(
            target=Subquery(target.values("value")[:1]),
            target_demo=Subquery(target.values("is_demo")[:1]),
        )
    return list(qs)


def active_criteria(province, year: int) -> list[Criterion]:
    """The active criteria of `year` for the kab/kota of `province` (national, then its own)."""
    return list(
        Criterion.objects.filter(
            Q(province__isnull=True) | Q(province=province), year=year, is_active=True
        ).order_by("province_id", "order", "pk")
    )


@dataclass
class IndicatorChoice:
    id: int
    code: str
    name: str
    unit: str
    direction: str
    decimals: int


@dataclass
class AchievementLine:
    region: Region
    target: Decimal | None
    value: Decimal | None
    achievement: Decimal | None
    grade: Grade | None
    rank: int | None = None
    is_demo: bool = False  # the target or the realisation shown is demo data


def yearly_values(province, year: int):
    """Every yearly realisation of the province's kab/kota for `year`: `(indicators with data,
    rows)` where rows are `(indicator_id, region_id, source, value, is_demo)`. One query."""
    rows = (
        Value.objects.filter(
            region__parent=province, year=year, period="", indicator__is_active=True
        )
        .order_by("indicator__order", "indicator__code")
        .values_list(
            "indicator_id",
            "indicator__code",
            "indicator__name",
            "indicator__unit",
            "indicator__direction",
            "indicator__decimals",
            "region_id",
            "source",
            "value",
            "is_demo",
        )
    )
    indicators, values = {}, []
    for ind_id, code, name, unit, direction, decimals, region_id, source, value, demo in rows:
        indicators.setdefault(
            ind_id, IndicatorChoice(ind_id, code, name, unit, direction, decimals)
        )
        values.append((ind_id, region_id, source, value, demo))
    return list(indicators.values()), values


def sources_of(values, indicator_id) -> set[str]:
    """The data sources with yearly values of the indicator (values are never mixed: the
    dashboard shows one, chosen with `?source=`, see indicators.selectors.choose_source)."""
    return {row[2] for row in values if row[0] == indicator_id}


def achievement_lines(children, indicator: IndicatorChoice, values, source) -> list:
    """Ranked as indicators.selectors.ranking does (`rank_lines`); each kab/kota against its
    own target."""
    by_region = {
        region_id: (value, demo)
        for ind, region_id, src, value, demo in values
        if ind == indicator.id and src == source
    }
    lines = []
    for child in children:
        target = getattr(child, "target", None)
        value, demo = by_region.get(child.pk, (None, False))
        demo = demo or bool(target is not None and getattr(child, "target_demo", False))
        score = achievement(value, target, indicator.direction)
        lines.append(AchievementLine(child, target, value, score, grade(score), is_demo=demo))
    return rank_lines(lines)


@dataclass(frozen=True)
class Listed:
    """A meeting or an action item as the dashboards list it: its title, dates and regions,
    nothing of people, so it may be kept under the data version."""

    pk: int
    title: str
    region: Region | None = None
    assigned_region: Region | None = None
    local_start: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    due_date: datetime.date | None = None
    url: str = ""  # its page, reversed once when kept (not once per request)


def not_ended(meetings, parts, *, within=None, limit=UPCOMING_MEETINGS, token=None):
    """The first `limit` scheduled meetings of `meetings` (by start) that have not ended now,
    each linked within the region `within` (else its own).
    Kept under the data version and the date: what is kept runs from the first meeting not ended
    when the day began to the `limit`-th one that lasts past the day, enough for any moment of
    it (a meeting that ends shows no more, the next one takes its place)."""

    def of_today():
        day = timezone.localdate()
        start = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
        end = start + datetime.timedelta(days=1)
        found, lasting = [], 0
        # No LIMIT: with one, PostgreSQL walks the start index of every meeting (22,800 at
        # national scale) instead of the few of the region.
        scheduled = meetings.filter(status=Meeting.Status.SCHEDULED, ends_at__gte=start)
        for meeting in scheduled.select_related("region").order_by("starts_at", "pk"):
            url = reverse("meetings:detail", args=[(within or meeting.region).code, meeting.pk])
            found.append(
                Listed(meeting.pk, meeting.title, region=meeting.region,
                       local_start=meeting.local_start, ends_at=meeting.ends_at, url=url)
            )  # fmt: skip
            lasting += meeting.ends_at >= end
            if lasting == limit:
                break
        return found

    now = timezone.now()
    kept = version.kept(("not-ended", *parts, limit, timezone.localdate()), of_today, token=token)
    return [meeting for meeting in kept if meeting.ends_at >= now][:limit]


def upcoming_meetings(province, *, limit=UPCOMING_MEETINGS, token=None) -> list[Listed]:
    """Scheduled meetings organised by the province or one of its kab/kota that have not ended."""
    meetings = Meeting.objects.filter(Q(region=province) | Q(region__parent=province))
    return not_ended(meetings, ("province", province.code), limit=limit, token=token)


def overdue_items(province, *, limit=OVERDUE_ITEMS, token=None) -> list[Listed]:
    """Open action items assigned to the province or one of its kab/kota, past their due date
    (kept under the data version and the date)."""

    def compute():
        today = timezone.localdate()
        items = (
            ActionItem.objects.filter(
                # An IN over the region ids (not an OR across the join) lets PostgreSQL use the
                # (assigned_region, status, due_date) index: 28 ms → 5 ms at national scale.
                assigned_region__in=Region.objects.filter(Q(pk=province.pk) | Q(parent=province)),
                status__in=ActionItem.OPEN_STATUSES,
                due_date__lt=today,
            )
            .select_related("assigned_region")
            .order_by("due_date", "pk")[:limit]
        )
        return [
            Listed(i.pk, i.title, assigned_region=i.assigned_region, due_date=i.due_date,
                   url=reverse("meetings:item_detail", args=[i.assigned_region.code, i.pk]))
            for i in items
        ]  # fmt: skip

    parts = ("overdue", province.code, limit, timezone.localdate())
    return version.kept(parts, compute, token=token)


@dataclass
class RegencyIndicator:
    """One indicator on a kab/kota dashboard: the region's target for the year, whether its
    Pokja adopted it, and one realisation per data source (never mixed) with its achievement."""

    indicator: object
    target: Decimal | None  # the region's target ("target daerah")
    adopted: bool
    realisations: list  # [(source label, value, achievement, grade)]
    pokja_target: Decimal | None = None  # the Pokja's own target ("target Pokja")
    is_demo: bool = False  # the year's target or a realisation is demo data


def regency_indicators(region, year: int) -> list[RegencyIndicator]:
    """The indicators the kab/kota has a target, an adoption or a realisation for in `year`,
    adopted ones first. One query: the target, the adoption and the yearly realisation of each
    data source are subqueries (indicators.selectors.region_overview gives the full page with
    trends)."""
    from django.db.models import Exists

    from indicators.models import Indicator, WorkGroupIndicator

    adoption = WorkGroupIndicator.objects.filter(
        workgroup__region=region, workgroup__status="active", indicator=OuterRef("pk"), year=year
    )
    target = Target.objects.filter(region=region, indicator=OuterRef("pk"), year=year)
    realised = Value.objects.filter(region=region, indicator=OuterRef("pk"), year=year, period="")
    indicators = Indicator.objects.filter(is_active=True).annotate(
        region_target=Subquery(target.values("value")[:1]),
        adopted=Exists(adoption),
        has_demo=Exists(target.filter(is_demo=True)) | Exists(realised.filter(is_demo=True)),
        pokja_target=Subquery(adoption.values("target")[:1]),
        **{
            f"value_{source}": Subquery(realised.filter(source=source).values("value")[:1])
            for source in DataSource.values
        },
    )
    labels = dict(DataSource.choices)
    lines = []
    for indicator in indicators:
        by_source = {
            source: getattr(indicator, f"value_{source}")
            for source in DataSource.values
            if getattr(indicator, f"value_{source}") is not None
        }
        if not (indicator.adopted or indicator.region_target is not None or by_source):
            continue
        realisations = []
        for source in DataSource.values:
            if source in by_source:
                score = achievement(by_source[source], indicator.region_target, indicator.direction)
                realisations.append((labels[source], by_source[source], score, grade(score)))
        if not realisations:
            realisations.append(("", None, None, None))
        lines.append(
            RegencyIndicator(
                indicator,
                indicator.region_target,
                indicator.adopted,
                realisations,
                pokja_target=indicator.pokja_target,
                is_demo=indicator.has_demo,
            )
        )
    lines.sort(key=lambda line: not line.adopted)
    return lines
