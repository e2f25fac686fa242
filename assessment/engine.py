"""Judging effectiveness from the records: for a set of regions and a year, the state of every
criterion (fulfilled, not fulfilled, not yet reported), a plain explanation with a link to where
it is fixed, and the verified state. A constant number of queries whatever the number of regions.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from assessment.criteria import criteria_for
from assessment.models import Assessment, Criterion, CriterionReview, Declaration
from core.formats import format_date_id, format_rupiah
from planning.models import WorkPlan

FULFILLED = "fulfilled"
NOT_FULFILLED = "not_fulfilled"
NOT_REPORTED = "not_reported"

NO_WORKGROUP = "no_workgroup"
EFFECTIVE = "effective"
NOT_EFFECTIVE = "not_effective"
AWAITING = "awaiting"
NOT_SUBMITTED = "not_submitted"
# A verification whose evidence changed or whose SK expired (assessment/staleness.py): the
# official status of the region, and the verified state of the criterion.
REVERIFY = "reverify"
STALE = "stale"


_STATE_LABELS = {
    FULFILLED: gettext_noop("Fulfilled"),
    NOT_FULFILLED: gettext_noop("Not fulfilled"),
    NOT_REPORTED: gettext_noop("Not yet reported"),
    NO_WORKGROUP: gettext_noop("Pokja not yet formed"),
    EFFECTIVE: gettext_noop("Effective"),
    NOT_EFFECTIVE: gettext_noop("Not yet effective"),
    AWAITING: gettext_noop("Awaiting verification"),
    NOT_SUBMITTED: gettext_noop("Not submitted"),
    REVERIFY: gettext_noop("Needs re-verification"),
    STALE: gettext_noop("Needs re-verification"),
    "accepted": gettext_noop("Accepted"),
    "rejected": gettext_noop("Rejected"),
    "pending": gettext_noop("Awaiting verification"),
}


def state_label(state):
    """The translated label of a criterion, effectiveness or review state (one lookup: the
    matrix and map call this hundreds of times per page)."""
    label = _STATE_LABELS.get(state)
    return _(label) if label else (state or "–")


def assessment_date(year: int) -> datetime.date:
    """The date decrees are checked on: today for the current year, 31 December for past years."""
    today = timezone.localdate()
    return min(today, datetime.date(year, 12, 31))


# Reversed URLs with a placeholder for the region code: evaluating 552 regions needs a few
# thousand links, and reverse() was 40 % of the time. Keyed by everything reverse() depends on.
_REGION_PLACEHOLDER = "__region__"
_url_templates: dict = {}


def _url(name, region, **kwargs):
    key = (
        settings.ROOT_URLCONF,
        get_urlconf(),
        get_script_prefix(),
        name,
        tuple(sorted(kwargs.items())),
    )
    template = _url_templates.get(key)
    if template is None:
        try:
            template = reverse(name, kwargs={"code": _REGION_PLACEHOLDER, **kwargs})
        except NoReverseMatch:
            template = reverse("regions:detail", kwargs={"code": _REGION_PLACEHOLDER})
        if len(_url_templates) > 5000:
            _url_templates.clear()
        _url_templates[key] = template
    return template.replace(_REGION_PLACEHOLDER, region.code)


def with_year(url: str, year: int) -> str:
    """`url` with `?year=` (before any #anchor): every link to fix a criterion keeps the year
    it was judged for (issue 28)."""
    if not url:
        return url
    path, _sep, anchor = url.partition("#")
    joined = f"{path}{'&' if '?' in path else '?'}year={year}"
    return joined + (f"#{anchor}" if anchor else "")


@dataclass
class CriterionResult:
    criterion: Criterion
    state: str
    explanation: str
    fix_url: str = ""
    fix_label: str = ""
    review: CriterionReview | None = None
    # The knowledge-centre guide for an unfulfilled criterion (set by the region page).
    guide: object = None
    # Whether the acceptance no longer matches its evidence (set by evaluate()).
    stale: bool = False

    @property
    def verified_state(self) -> str | None:
        """accepted / rejected / pending / stale, or None when the assessment was never
        submitted. "stale": accepted, but the evidence changed or the SK expired since."""
        if self.review is None:
            return None
        return STALE if self.stale else self.review.decision

    @property
    def state_label(self):
        return state_label(self.state)

    @property
    def verified_label(self):
        return state_label(self.verified_state) if self.verified_state else "–"

    def as_dict(self):
        return {
            "code": self.criterion.code,
            "name": self.criterion.name,
            "national": self.criterion.is_national,
            "state": self.state,
            "explanation": self.explanation,
            "fix_url": self.fix_url,
            "verified_state": self.verified_state,
            "rejection_reason": self.review.reason
            if self.review and self.review.decision == "rejected"
            else "",
            "operator_response": self.review.response if self.review else "",
            "stale_reason": self.review.stale_reason if self.stale else "",
            "evidence": self.review.evidence if self.review else {},
        }


@dataclass
class RegionResult:
    region: object
    year: int
    workgroup: object
    results: list = field(default_factory=list)
    assessment: Assessment | None = None

    @property
    def computed_status(self) -> str:
        if self.workgroup is None:
            return NO_WORKGROUP
        if self.results and all(r.state == FULFILLED for r in self.results):
            return EFFECTIVE
        return NOT_EFFECTIVE

    @property
    def verification_status(self) -> str:
        if self.workgroup is None:
            return NO_WORKGROUP
        if self.assessment is None or self.assessment.status == Assessment.Status.DRAFT:
            return NOT_SUBMITTED
        return self.assessment.status

    @property
    def official_status(self) -> str:
        """Counts verified criteria only: effective when every active criterion is accepted."""
        if self.workgroup is None:
            return NO_WORKGROUP
        if self.assessment is None or self.assessment.status == Assessment.Status.DRAFT:
            return NOT_SUBMITTED
        if any(r.stale for r in self.results):
            return REVERIFY
        if self.results and all(r.verified_state == "accepted" for r in self.results):
            return EFFECTIVE
        if self.assessment.status == Assessment.Status.SUBMITTED:
            return AWAITING
        return NOT_EFFECTIVE

    @property
    def missing(self):
        return [r for r in self.results if r.state != FULFILLED]

    @property
    def stale(self):
        """The accepted criteria that need verifying again."""
        return [r for r in self.results if r.stale]

    @property
    def last_update(self):
        return self.assessment.updated_at if self.assessment else None

    def result_for(self, code):
        return next((r for r in self.results if r.criterion.code == code), None)

    def as_dict(self):
        return {
            "region": self.region.code,
            "region_name": self.region.name,
            "year": self.year,
            "has_workgroup": self.workgroup is not None,
            "computed_status": self.computed_status,
            "official_status": self.official_status,
            "verification_status": self.verification_status,
            "last_update": self.last_update.isoformat() if self.last_update else None,
            "criteria": [r.as_dict() for r in self.results],
        }


class _Evidence:
    """Everything the criteria read, loaded for all regions at once.

    The active Pokja and their per-year figures (work plan status and live activities, budget
    totals, adopted indicators with a target) come in ONE query, as subqueries of the Pokja
    query; they follow the rules of `planning.services.LIVE_STATUSES`,
    `budget.services.allocation_totals` and `indicators.services.adopted_counts`."""

    def __init__(self, regions, year, criteria, on):
        from django.db.models import Count, IntegerField, OuterRef, Subquery, Sum
        from django.db.models.functions import Coalesce

        from budget.models import BudgetAllocation
        from indicators.models import WorkGroupIndicator
        from planning.models import Activity
        from planning.services import LIVE_STATUSES
        from workgroups.models import Decree, WorkGroup

        kinds = {c.kind for c in criteria if c.is_active}
        workgroups = WorkGroup.objects.filter(
            region_id__in=[r.pk for r in regions], status=WorkGroup.Status.ACTIVE
        )

        def total(queryset, expression):
            return Subquery(
                queryset.order_by().values("workgroup_id").annotate(n=expression).values("n"),
                output_field=IntegerField(),
            )

        if Criterion.Kind.WORK_PLAN in kinds:
            plan = WorkPlan.objects.filter(workgroup=OuterRef("pk"), year=year)
            live = Activity.objects.filter(plan=OuterRef("pk"), status__in=LIVE_STATUSES)
            live = Coalesce(
                Subquery(
                    live.order_by().values("plan_id").annotate(n=Count("pk")).values("n"),
                    output_field=IntegerField(),
                ),
                0,
            )
            workgroups = workgroups.annotate(
                ev_plan_status=Subquery(plan.values("status")[:1]),
                ev_plan_live=Subquery(plan.annotate(live=live).values("live")[:1]),
            )
        if Criterion.Kind.BUDGET in kinds:
            allocations = BudgetAllocation.objects.filter(workgroup=OuterRef("pk"), year=year)
            workgroups = workgroups.annotate(
                ev_amount=total(allocations, Sum("amount")),
                ev_realised=total(allocations, Sum("realised")),
            )
        if Criterion.Kind.INDICATORS in kinds:
            adoptions = WorkGroupIndicator.objects.filter(
                workgroup=OuterRef("pk"), year=year, target__isnull=False
            )
            workgroups = workgroups.annotate(ev_adopted=total(adoptions, Count("pk")))
        self.workgroups = {wg.region_id: wg for wg in workgroups}
        ids = [wg.pk for wg in self.workgroups.values()]
        self.decrees, self.plans, self.budgets, self.adopted = {}, {}, {}, {}
        for wg in self.workgroups.values():
            if getattr(wg, "ev_plan_status", None) is not None:
                # {workgroup_id: (status, activities that are not cancelled)}
                self.plans[wg.pk] = (wg.ev_plan_status, wg.ev_plan_live or 0)
            if getattr(wg, "ev_amount", None) is not None:
                self.budgets[wg.pk] = (int(wg.ev_amount), int(wg.ev_realised or 0))
            self.adopted[wg.pk] = getattr(wg, "ev_adopted", None) or 0
        if Criterion.Kind.DECREE in kinds:
            for decree in Decree.objects.filter(workgroup_id__in=ids, valid_from__lte=on).order_by(
                "workgroup_id", "-valid_from", "-signed_on", "-pk"
            ):
                self.decrees.setdefault(decree.workgroup_id, []).append(decree)
        self.policies = {}
        if kinds & {Criterion.Kind.GDPK, Criterion.Kind.PLANNING_INTEGRATION}:
            from django.db.models import Count

            from policies.models import Policy

            for policy in (
                Policy.objects.filter(
                    region_id__in=[r.pk for r in regions], kind__in=["gdpk", "rpjmd", "rkpd"]
                )
                .annotate(indicator_count=Count("indicators"))
                .order_by("region_id", "-issued_on")
            ):
                self.policies.setdefault(policy.region_id, []).append(policy)
        self.declarations = {}
        if Criterion.Kind.DECLARED in kinds:
            for declaration in Declaration.objects.filter(
                region_id__in=[r.pk for r in regions],
                criterion__in=[c for c in criteria if c.kind == Criterion.Kind.DECLARED],
            ):
                self.declarations[(declaration.region_id, declaration.criterion_id)] = declaration


def _fulfilled(message):
    """The verdict of a fulfilled criterion: its `message`, and nothing left to do (no link)."""
    return FULFILLED, message, "", ""


def _decree(criterion, region, workgroup, ev, year, on):
    decrees = ev.decrees.get(workgroup.pk, [])
    new_url = _url("workgroups:decree_create", region)
    label = _("Record an SK")
    valid = [d for d in decrees if d.valid_until is None or d.valid_until >= on]
    if not decrees:
        return (
            NOT_REPORTED,
            _(
                "No SK establishing the Pokja has been recorded. Record the decree and upload its signed PDF."
            ),
            new_url,
            label,
        )
    if not valid:
        latest = decrees[0]
        return (
            NOT_FULFILLED,
            _("The latest SK (%(number)s) expired on %(date)s. Record the renewed SK.")
            % {"number": latest.number, "date": format_date_id(latest.valid_until)},
            new_url,
            label,
        )
    current = valid[0]
    if criterion.setting("require_pdf", True) and not current.file:
        return (
            NOT_FULFILLED,
            _("SK %(number)s has no signed PDF. Upload the signed decree.")
            % {"number": current.number},
            _url("workgroups:decree_edit", region, pk=current.pk),
            _("Upload the PDF"),
        )
    until = format_date_id(current.valid_until) if current.valid_until else _("no end date")
    return _fulfilled(
        _("SK %(number)s, valid until %(until)s.") % {"number": current.number, "until": until}
    )


def _work_plan(criterion, region, workgroup, ev, year, on):
    minimum = int(criterion.setting("min_activities", 1))
    plan = ev.plans.get(workgroup.pk)
    if plan is None:
        return (
            NOT_REPORTED,
            _(
                "There is no work plan for %(year)s. Draft the plan and its activities, then approve it."
            )
            % {"year": year},
            _url("planning:create", region),
            _("Draft the work plan"),
        )
    detail = _url("planning:detail", region, year=year)
    status, activity_count = plan
    if status != WorkPlan.Status.APPROVED:
        return (
            NOT_FULFILLED,
            _("The %(year)s work plan has not been approved yet.") % {"year": year},
            detail,
            _("Approve the plan"),
        )
    if activity_count < minimum:
        return (
            NOT_FULFILLED,
            _(
                "The approved %(year)s work plan has %(count)d activities; at least %(min)d are needed."
            )
            % {"year": year, "count": activity_count, "min": minimum},
            detail,
            _("Add activities"),
        )
    return _fulfilled(
        _("Approved work plan with %(count)d activities.") % {"count": activity_count}
    )


def _indicators(criterion, region, workgroup, ev, year, on):
    minimum = int(criterion.setting("min_indicators", 1))
    count = ev.adopted.get(workgroup.pk, 0)
    url, label = _url("indicators:adopted", region), _("Adopt indicators")
    if count == 0:
        return (
            NOT_REPORTED,
            _("The Pokja has not adopted any Bangga Kencana indicator with a target for %(year)s.")
            % {"year": year},
            url,
            label,
        )
    if count < minimum:
        return (
            NOT_FULFILLED,
            _(
                "The Pokja has adopted %(count)d indicators with a target for %(year)s; at least %(min)d are needed."
            )
            % {"count": count, "year": year, "min": minimum},
            url,
            label,
        )
    return _fulfilled(
        _("%(count)d indicators with a target for %(year)s.") % {"count": count, "year": year}
    )


def _budget(criterion, region, workgroup, ev, year, on):
    minimum = int(criterion.setting("min_amount", 1))
    url, label = _url("budget:create", region), _("Record the budget")
    if workgroup.pk not in ev.budgets:
        return (
            NOT_REPORTED,
            _("No budget allocation for Pokja operations has been recorded for %(year)s.")
            % {"year": year},
            url,
            label,
        )
    amount, realised = ev.budgets[workgroup.pk]
    if amount < minimum:
        return (
            NOT_FULFILLED,
            _("The %(year)s budget allocations total %(amount)s; at least %(min)s is needed.")
            % {"year": year, "amount": format_rupiah(amount), "min": format_rupiah(minimum)},
            _url("budget:list", region),
            label,
        )
    return _fulfilled(
        _("%(amount)s allocated for %(year)s, %(realised)s realised.")
        % {"amount": format_rupiah(amount), "year": year, "realised": format_rupiah(realised)}
    )


def _gdpk(criterion, region, workgroup, ev, year, on):
    url, label = _url("policies:list", region), _("Record the GDPK")
    documents = [p for p in ev.policies.get(region.pk, []) if p.kind == "gdpk"]
    if not documents:
        return (
            NOT_REPORTED,
            _("No GDPK (Grand Design Pembangunan Kependudukan) has been recorded."),
            url,
            label,
        )
    enacted = [p for p in documents if p.status == "enacted"]
    if not enacted:
        return NOT_FULFILLED, _("The GDPK is recorded but not enacted."), url, label
    return _fulfilled(
        _("GDPK %(number)s enacted.") % {"number": enacted[0].number or enacted[0].title}
    )


def _planning(criterion, region, workgroup, ev, year, on):
    minimum = int(criterion.setting("min_indicators", 1))
    url, label = _url("policies:list", region), _("Record the planning document")
    documents = [p for p in ev.policies.get(region.pk, []) if p.kind in ("rpjmd", "rkpd")]
    if not documents:
        return NOT_REPORTED, _("No RPJMD or RKPD has been recorded."), url, label
    integrated = [p for p in documents if p.status == "enacted" and p.indicator_count >= minimum]
    if not integrated:
        return (
            NOT_FULFILLED,
            _("No enacted RPJMD or RKPD integrates Bangga Kencana indicators yet."),
            url,
            label,
        )
    best = integrated[0]
    return _fulfilled(
        _("%(document)s integrates %(count)d Bangga Kencana indicators.")
        % {"document": best.get_kind_display(), "count": best.indicator_count}
    )


def _declared(criterion, region, workgroup, ev, year, on):
    declaration = ev.declarations.get((region.pk, criterion.pk))
    url = _url("assessment:declare", region, year=year, criterion_id=criterion.pk)
    label = _("Declare with evidence")
    if declaration is None:
        return (
            NOT_REPORTED,
            _("Not declared yet: state whether this is fulfilled and attach the evidence."),
            url,
            label,
        )
    if not declaration.fulfilled:
        return (
            NOT_FULFILLED,
            _("Declared as not fulfilled: %(note)s") % {"note": declaration.note or "–"},
            url,
            label,
        )
    if not declaration.file:
        return (
            NOT_FULFILLED,
            _("Declared as fulfilled, but no evidence is attached."),
            url,
            _("Attach the evidence"),
        )
    return _fulfilled(declaration.note or _("Declared as fulfilled, with evidence."))


EVALUATORS = {
    Criterion.Kind.DECREE: _decree,
    Criterion.Kind.WORK_PLAN: _work_plan,
    Criterion.Kind.INDICATORS: _indicators,
    Criterion.Kind.BUDGET: _budget,
    Criterion.Kind.GDPK: _gdpk,
    Criterion.Kind.PLANNING_INTEGRATION: _planning,
    Criterion.Kind.DECLARED: _declared,
}


def _criteria(year, province_ids) -> list[Criterion]:
    """`criteria_for(year, province_ids)` in one query once the year's criteria exist."""
    from django.db.models import Q

    criteria = list(
        Criterion.objects.filter(
            Q(province__isnull=True) | Q(province_id__in=list(province_ids)), year=year
        ).order_by("province_id", "order", "pk")
    )
    if any(c.province_id is None for c in criteria):
        return criteria
    return criteria_for(year, province_ids)


def evaluate(regions, year: int) -> dict:
    """`{region.code: RegionResult}` for the given regions (a list of Region) and year."""
    regions = list(regions)
    criteria = _criteria(year, {r.parent_id or r.pk for r in regions})
    on = assessment_date(year)
    ev = _Evidence(regions, year, criteria, on)
    assessments = {
        a.region_id: a
        for a in Assessment.objects.filter(region__in=regions, year=year).prefetch_related(
            "reviews"
        )
    }
    results = {}
    for region in regions:
        province_id = region.parent_id or region.pk
        active = [
            c
            for c in criteria
            if c.is_active and (c.province_id is None or c.province_id == province_id)
        ]
        workgroup = ev.workgroups.get(region.pk)
        assessment = assessments.get(region.pk)
        reviews = {r.criterion_id: r for r in assessment.reviews.all()} if assessment else {}
        outcome = RegionResult(region=region, year=year, workgroup=workgroup, assessment=assessment)
        for criterion in active:
            if workgroup is None:
                result = CriterionResult(
                    criterion,
                    NOT_REPORTED,
                    _("The Pokja has not been formed yet."),
                    with_year(_url("workgroups:profile", region), year),
                    _("Form the Pokja"),
                )
            else:
                state, text, url, label = EVALUATORS[criterion.kind](
                    criterion, region, workgroup, ev, year, on
                )
                result = CriterionResult(criterion, state, text, with_year(url, year), label)
            result.review = reviews.get(criterion.pk)
            result.stale = result.review is not None and result.review.is_stale(on)
            outcome.results.append(result)
        results[region.code] = outcome
    return results


def evaluate_region(region, year: int) -> RegionResult:
    return evaluate([region], year)[region.code]
