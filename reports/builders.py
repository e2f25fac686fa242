"""What the reports show, gathered with a fixed number of queries: the Pokja profile, the
indicator achievement report and the public transparency page. Rendering (HTML, PDF, XLSX) is
in reports/exports.py and the templates."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from assessment.engine import assessment_date, evaluate_region
from assessment.matrix import kind_columns, kind_marks, tally
from indicators.achievement import NEGATIVE_NOTE, Grade, achievement, grade, is_negative
from indicators.models import DataSource, Indicator, Target, Value, WorkGroupIndicator
from indicators.selectors import default_source
from regions.models import Region

# ---------------------------------------------------------------------------------------------
# Letterhead


@dataclass(frozen=True)
class Letterhead:
    name: str
    address: str = ""
    phone: str = ""
    email: str = ""
    # The line above the office name (e.g. PEMERINTAH KABUPATEN GOWA), from meetings.Letterhead.
    header_line: str = ""


def letterhead(region) -> Letterhead:
    """The kop surat: the region's own office when recorded, else its province's office, else
    "Perwakilan BKKBN Provinsi <name>" (the office that supervises every Pokja)."""
    from meetings.models import Letterhead as Extra

    province = region if region.is_province else region.parent
    for office in (region, province):
        if office is not None and office.office_name:
            extra = Extra.objects.filter(region=office).values_list("header_line", flat=True)
            return Letterhead(
                office.office_name,
                office.office_address,
                office.office_phone,
                office.office_email,
                header_line=extra.first() or "",
            )
    return Letterhead(f"Perwakilan BKKBN Provinsi {province.name}")


# ---------------------------------------------------------------------------------------------
# Pokja profile


@dataclass
class ProfileIndicator:
    indicator: Indicator
    target: Decimal | None  # the region's target ("target daerah"): capaian is against it
    pokja_target: Decimal | None  # the Pokja's own target for the year ("target Pokja")
    value: Decimal | None
    value_year: int | None
    source_label: str
    achievement: Decimal | None


@dataclass
class Profile:
    region: Region
    year: int
    workgroup: object = None
    decree: object = None
    members: list = field(default_factory=list)
    subgroups: list = field(default_factory=list)
    plan: object = None
    activities: list = field(default_factory=list)
    allocations: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    outcome: object = None

    @property
    def has_demo(self) -> bool:
        """The Pokja, its plan, budget or adopted indicators are demo data."""
        return bool(
            (self.workgroup is not None and self.workgroup.is_demo)
            or (self.plan is not None and self.plan.is_demo)
            or any(a.is_demo for a in self.allocations)
        )

    @property
    def budget_total(self) -> int:
        return sum(a.amount for a in self.allocations)

    @property
    def realised_total(self) -> int:
        return sum(a.realised for a in self.allocations)

    @property
    def planned_cost_total(self) -> int:
        return sum(a.planned_cost for a in self.activities)


def _source_rank(source) -> int:
    return DataSource.values.index(source) if source in DataSource.values else len(DataSource)


def _profile_indicators(region, workgroup, year) -> list[ProfileIndicator]:
    """The indicators the Pokja adopted for the year: the region's target and the Pokja's own
    target side by side (docs/domain.md "Targets"), the latest yearly realisation up to that year (surveys before
    administrative data on the same year) and the achievement when that realisation is of the
    year itself."""
    adoptions = list(
        WorkGroupIndicator.objects.filter(workgroup=workgroup, year=year)
        .select_related("indicator")
        .order_by("indicator__order", "indicator__code")
    )
    ids = [a.indicator_id for a in adoptions]
    targets = dict(
        Target.objects.filter(region=region, year=year, indicator_id__in=ids).values_list(
            "indicator_id", "value"
        )
    )
    latest = {}
    rows = Value.objects.filter(
        region=region, indicator_id__in=ids, period="", year__lte=year
    ).values_list("indicator_id", "year", "source", "value")
    for indicator_id, y, source, value in sorted(rows, key=lambda r: (-r[1], _source_rank(r[2]))):
        latest.setdefault(indicator_id, (y, source, value))
    lines = []
    for adoption in adoptions:
        indicator = adoption.indicator
        target = targets.get(indicator.pk)
        value_year, source, value = latest.get(indicator.pk, (None, None, None))
        score = achievement(value, target, indicator.direction) if value_year == year else None
        lines.append(
            ProfileIndicator(
                indicator=indicator,
                target=target,
                pokja_target=adoption.target,
                value=value,
                value_year=value_year,
                source_label=str(DataSource(source).label) if source else "",
                achievement=score,
            )
        )
    return lines


def profile(region, year: int) -> Profile:
    """Everything the Pokja profile PDF prints for `region` and `year`. No contact data: the
    members' phone numbers and e-mail addresses are never loaded into the report."""
    from budget.models import BudgetAllocation
    from planning.services import plan_for_region
    from workgroups.services import active_workgroup, current_members, sort_members

    result = Profile(region=region, year=year)
    workgroup = active_workgroup(region)
    if workgroup is None:
        return result
    on = assessment_date(year)
    result.workgroup = workgroup
    result.decree = workgroup.current_decree(on=on)
    members = current_members(workgroup, on=on).defer("phone", "email")
    result.members = sort_members(members)
    result.subgroups = list(workgroup.subgroups.order_by("order", "name"))
    plan = plan_for_region(region, year)
    if plan is not None and plan.workgroup_id == workgroup.pk:
        result.plan = plan
        result.activities = list(plan.activities.select_related("subgroup"))
    result.allocations = list(
        BudgetAllocation.objects.filter(workgroup=workgroup, year=year).order_by("source", "pk")
    )
    result.indicators = _profile_indicators(region, workgroup, year)
    result.outcome = evaluate_region(region, year)
    return result


# ---------------------------------------------------------------------------------------------
# Indicator achievement report


@dataclass
class Cell:
    region: Region
    target: Decimal | None
    value: Decimal | None
    achievement: Decimal | None
    grade: Grade | None
    is_demo: bool = False  # the target or the realisation is demo data
    # The target the region's active Pokja set itself when adopting the indicator ("target
    # Pokja"); the achievement is always against `target` (the region's, "target daerah").
    pokja_target: Decimal | None = None

    @property
    def is_negative(self) -> bool:
        return is_negative(self.achievement)

    @property
    def grade_label(self) -> str:
        return str(self.grade.label) if self.grade else ""


@dataclass
class IndicatorSection:
    """One indicator: its data source for the report and one cell per region."""

    indicator: Indicator
    source: str | None
    cells: list = field(default_factory=list)
    # Every source with values of the indicator in the report (the others are not shown).
    sources: list = field(default_factory=list)

    @property
    def source_label(self) -> str:
        return str(DataSource(self.source).label) if self.source else ""


@dataclass
class IndicatorReport:
    region: Region
    year: int
    regions: list
    sections: list
    # The source asked for (`?source=`), None for each indicator's default source.
    source: str | None = None

    @property
    def source_options(self) -> list:
        """(value, label) of every source present in the report, for the selector."""
        from indicators.selectors import source_options

        return source_options({s for section in self.sections for s in section.sources})

    @property
    def has_demo(self) -> bool:
        return any(cell.is_demo for section in self.sections for cell in section.cells)

    @property
    def has_negative(self) -> bool:
        return any(cell.is_negative for section in self.sections for cell in section.cells)

    negative_note = NEGATIVE_NOTE


def indicator_report(region, year: int, source: str | None = None) -> IndicatorReport:
    """For a province, itself and each of its kab/kota × each indicator with a target or a realisation in
    `year`; for a kab/kota, its own indicators (those too, plus the ones its Pokja adopted).
    Target, yearly realisation and achievement (indicators/achievement.py). Realisations of
    different data sources are never mixed: every indicator is reported from `source` when given
    (its cells stay empty when that source has no values, never filled from another), else from
    its default source (indicators.selectors.default_source: SSGI, SKI, e-PPGBM, PK, … first
    present). Five queries at most, whatever the number of regions and indicators."""
    # A province's report has its own row first, then its kab/kota.
    regions = region.with_children_in(year) if region.is_province else [region]
    ids = [r.pk for r in regions]
    targets, demo = {}, set()  # demo: {(region_id, indicator_id, source or None)}
    for region_id, indicator_id, value, is_demo in Target.objects.filter(
        region_id__in=ids, year=year
    ).values_list("region_id", "indicator_id", "value", "is_demo"):
        targets[(region_id, indicator_id)] = value
        if is_demo:
            demo.add((region_id, indicator_id, None))
    values = defaultdict(dict)  # {indicator_id: {source: {region_id: value}}}
    for region_id, indicator_id, found, value, is_demo in Value.objects.filter(
        region_id__in=ids, year=year, period=""
    ).values_list("region_id", "indicator_id", "source", "value", "is_demo"):
        values[indicator_id].setdefault(found, {})[region_id] = value
        if is_demo:
            demo.add((region_id, indicator_id, found))
    pokja_targets = {
        (region_id, indicator_id): target
        for region_id, indicator_id, target in WorkGroupIndicator.objects.filter(
            workgroup__region_id__in=ids, workgroup__status="active", year=year
        ).values_list("workgroup__region_id", "indicator_id", "target")
    }
    wanted = {indicator_id for _region_id, indicator_id in targets} | set(values)
    if not region.is_province:
        wanted |= {indicator_id for _region_id, indicator_id in pokja_targets}
    indicators = Indicator.objects.filter(pk__in=wanted).order_by("order", "code")
    sections = []
    for indicator in indicators:
        by_source = values.get(indicator.pk, {})
        chosen = source or default_source(by_source)
        section = IndicatorSection(
            indicator=indicator, source=chosen, sources=sorted(by_source, key=_source_rank)
        )
        for item in regions:
            target = targets.get((item.pk, indicator.pk))
            value = by_source.get(chosen, {}).get(item.pk)
            score = achievement(value, target, indicator.direction)
            is_demo = (
                (item.pk, indicator.pk, None) in demo
                and target is not None
                or ((item.pk, indicator.pk, chosen) in demo and value is not None)
            )
            section.cells.append(
                Cell(
                    item,
                    target,
                    value,
                    score,
                    grade(score),
                    is_demo,
                    pokja_target=pokja_targets.get((item.pk, indicator.pk)),
                )
            )
        sections.append(section)
    return IndicatorReport(
        region=region, year=year, regions=regions, sections=sections, source=source
    )


# ---------------------------------------------------------------------------------------------
# Public transparency page


# The kinds of criteria shown as columns, in this order (a province's other kinds follow).
PUBLIC_KINDS = ["decree", "work_plan", "indicators", "budget"]


@dataclass
class PublicRow:
    region: Region
    status: object  # assessment.summary.StatusSummary
    marks: list  # [(kind, state)]


def first_province_with_data():
    """The first province (by code) with a Pokja in it or in one of its kab/kota; else the
    first province."""
    from workgroups.models import WorkGroup

    region = (
        Region.objects.filter(workgroups__status=WorkGroup.Status.ACTIVE)
        .select_related("parent")
        .order_by("code")
        .first()
    )
    if region is not None:
        return region if region.is_province else region.parent
    return Region.objects.filter(level=Region.Level.PROVINCE).order_by("code").first()


def public_overview(province, year: int) -> dict:
    """The public page: the province's kab/kota with the criteria they meet, the province's
    counts and a national table of effective kab/kota per province. Aggregates only (no
    people, no documents). Four queries whatever the number of regions, once statuses are
    cached (assessment.summary)."""
    from assessment.summary import statuses

    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE).order_by("code"))
    # The kab/kota as they were in `year` (issue 27: reports of past years use the regions then).
    regencies = list(
        Region.objects.filter(level=Region.Level.REGENCY).in_year(year).order_by("code")
    )
    result = statuses(regencies, [year])
    children = [r for r in regencies if r.parent_id == province.pk]
    summaries = [result[(r.code, year)] for r in children]
    columns = kind_columns(summaries, first=PUBLIC_KINDS)
    rows = [
        PublicRow(r, s, kind_marks(s, columns)) for r, s in zip(children, summaries, strict=True)
    ]
    national = []
    for item in provinces:
        own = [result[(r.code, year)] for r in regencies if r.parent_id == item.pk]
        national.append(_counts(item, own))
    return {
        "province": province,
        "year": year,
        "columns": columns,
        "rows": rows,
        "totals": _counts(province, summaries),
        "national": national,
        "national_totals": {
            key: sum(line[key] for line in national)
            for key in ("total", "formed", "effective", "verified", "reverify")
        },
        "provinces": provinces,
    }


def _counts(province, summaries) -> dict:
    counts = tally(summaries)
    return {
        "province": province,
        "total": counts["total"],
        "formed": counts["formed"],
        "effective": counts["effective"],
        "verified": counts["official"],
        "reverify": counts["reverify"],
    }
