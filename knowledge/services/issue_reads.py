"""Strategic issues: the reads the pages, the API and other apps rely on."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Case, Count, IntegerField, Q, Value, When

from knowledge.models import StrategicIssue


def covering(year: int) -> Q:
    """Issues whose period includes `year`."""
    return Q(period_start__lte=year, period_end__gte=year)


def _answer_counts():
    return {
        "answering_activities": Count(
            "activities",
            filter=~Q(activities__status="cancelled"),
            distinct=True,
        ),
        "answering_policies": Count(
            "policies", filter=~Q(policies__status="revoked"), distinct=True
        ),
    }


def _priority_order():
    return Case(
        *[
            When(priority=key, then=Value(rank))
            for key, rank in StrategicIssue.PRIORITY_RANK.items()
        ],
        default=Value(9),
        output_field=IntegerField(),
    )


def issues_for(region_ids, *, year: int | None = None):
    """Issues of these regions (covering `year` when given) with `answering_activities` and
    `answering_policies` (cancelled activities and revoked policies do not answer), high
    priority first."""
    qs = StrategicIssue.objects.filter(region_id__in=list(region_ids))
    if year is not None:
        qs = qs.filter(covering(year))
    return (
        qs.annotate(**_answer_counts(), priority_rank_db=_priority_order())
        .select_related("region", "subgroup")
        .order_by("priority_rank_db", "-period_start", "title", "pk")
    )


def is_answered(issue) -> bool:
    """True when an activity (not cancelled) or a policy (not revoked) answers the issue. Uses
    the annotations of `issues_for` when present."""
    activities = getattr(issue, "answering_activities", None)
    policies = getattr(issue, "answering_policies", None)
    if activities is None or policies is None:
        activities = issue.activities.exclude(status="cancelled").count()
        policies = issue.policies.exclude(status="revoked").count()
    return bool(activities or policies)


def unanswered_count(region_ids, year: int) -> dict[int, int]:
    """`{region_id: n}`: issues covering `year` that nothing answers yet (one query). Regions
    without such issues are absent."""
    rows = (
        StrategicIssue.objects.filter(region_id__in=list(region_ids))
        .filter(covering(year))
        .annotate(**_answer_counts())
        .filter(answering_activities=0, answering_policies=0)
        .values_list("region_id", flat=True)
    )
    result: dict[int, int] = {}
    for region_id in rows:
        result[region_id] = result.get(region_id, 0) + 1
    return result


@dataclass
class Realisation:
    source: str
    source_label: str
    value: Decimal
    achievement: Decimal | None
    grade: str | None
    grade_label: str | None


@dataclass
class Evidence:
    """An indicator linked to an issue with its latest achievement in the region: the latest
    year that has both a target and a yearly realisation (one line per data source; sources are
    never mixed). `year` is None when no year has both (the achievement is missing, never 0)."""

    indicator: object
    year: int | None = None
    target: Decimal | None = None
    realisations: list[Realisation] = field(default_factory=list)
    latest_target_year: int | None = None
    latest_value_year: int | None = None

    @property
    def missing(self) -> bool:
        return self.year is None


def latest_achievements(region, indicators) -> dict[int, Evidence]:
    """`{indicator_id: Evidence}` for `indicators` in `region` (two queries)."""
    from indicators.achievement import achievement, grade
    from indicators.models import DataSource, Target
    from indicators.models import Value as IndicatorValue

    indicators = list(indicators)
    ids = [i.pk for i in indicators]
    targets: dict[int, dict[int, Decimal]] = defaultdict(dict)
    for indicator_id, year, value in Target.objects.filter(
        region=region, indicator_id__in=ids
    ).values_list("indicator_id", "year", "value"):
        targets[indicator_id][year] = value
    values: dict[int, dict[int, dict[str, Decimal]]] = defaultdict(lambda: defaultdict(dict))
    for indicator_id, year, source, value in IndicatorValue.objects.filter(
        region=region, indicator_id__in=ids, period=""
    ).values_list("indicator_id", "year", "source", "value"):
        values[indicator_id][year][source] = value
    order = list(DataSource.values)
    result = {}
    for indicator in indicators:
        by_year_target = targets.get(indicator.pk, {})
        by_year_values = values.get(indicator.pk, {})
        evidence = Evidence(
            indicator=indicator,
            latest_target_year=max(by_year_target, default=None),
            latest_value_year=max(by_year_values, default=None),
        )
        both = set(by_year_target) & set(by_year_values)
        if both:
            year = max(both)
            evidence.year = year
            evidence.target = by_year_target[year]
            for source in sorted(by_year_values[year], key=order.index):
                value = by_year_values[year][source]
                score = achievement(value, evidence.target, indicator.direction)
                result_grade = grade(score)
                evidence.realisations.append(
                    Realisation(
                        source=source,
                        source_label=str(DataSource(source).label),
                        value=value,
                        achievement=score,
                        grade=result_grade.value if result_grade else None,
                        grade_label=str(result_grade.label) if result_grade else None,
                    )
                )
        result[indicator.pk] = evidence
    return result


@dataclass
class ThemeGroup:
    theme: str
    label: str
    issues: list = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.issues)

    @property
    def region_count(self) -> int:
        return len({issue.region_id for issue in self.issues})

    @property
    def unanswered(self) -> int:
        return sum(1 for issue in self.issues if not is_answered(issue))

    @property
    def is_shared(self) -> bool:
        return self.region_count > 1


def themes_overview(province, *, year: int | None, prefetch=()) -> list[ThemeGroup]:
    """The issues of a province and its kab/kota grouped by theme (themes in catalogue order,
    only those with issues), so the forum sees which problems several regions share.
    `prefetch`: related sets to prefetch on the issues (the API lists their links)."""
    region_ids = [province.pk, *province.children.values_list("pk", flat=True)]
    groups = {
        value: ThemeGroup(theme=value, label=str(label))
        for value, label in StrategicIssue.Theme.choices
    }
    issues = issues_for(region_ids, year=year).order_by(
        "region__code", "priority_rank_db", "title", "pk"
    )
    for issue in issues.prefetch_related(*prefetch):
        groups[issue.theme].issues.append(issue)
    return [group for group in groups.values() if group.issues]
