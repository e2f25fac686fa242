"""The operator's checklist of a year (issue 28): the steps in the order the work goes, Pokja →
SK → members → work plan → indicators → budget → (the province's own criteria) → submit, each
one tap from its form, every link carrying `?year=`. It is the first section of the operator's
home page, and it answers `accounts.next_step`: where a saved form goes next."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.home import HomeSection
from assessment.engine import FULFILLED, evaluate_region, with_year
from assessment.models import Assessment, Criterion
from core.years import open_year
from planning.models import WorkPlan
from workgroups.models import Member

# Criteria kinds whose step the checklist writes itself (the others use the engine's link).
_OWN_STEPS = {
    Criterion.Kind.DECREE,
    Criterion.Kind.WORK_PLAN,
    Criterion.Kind.INDICATORS,
    Criterion.Kind.BUDGET,
}


@dataclass
class Step:
    key: str
    title: str
    done: bool
    detail: str = ""
    url: str = ""
    label: str = ""


def assessment_status(outcome) -> str:
    """The status of the region's assessment in an engine outcome (a draft while none exists)."""
    return outcome.assessment.status if outcome.assessment else Assessment.Status.DRAFT


def regions_with_role(user, role) -> list:
    """The regions in which `user` holds `role` (national assignments, without a region, aside)."""
    return [
        a.region
        for a in user.role_assignments.filter(role=role).select_related("region")
        if a.region_id is not None
    ]


def _url(name, region, for_year, **kwargs):
    return with_year(reverse(name, kwargs={"code": region.code, **kwargs}), for_year)


def _plan_step(region, year, workgroup, result) -> Step:
    title = _("Work plan %(year)s") % {"year": year}
    if result is not None and result.state == FULFILLED:
        return Step("plan", title, True, result.explanation)
    plan = WorkPlan.objects.filter(workgroup=workgroup, year=year).first() if workgroup else None
    minimum = int(result.criterion.setting("min_activities", 1)) if result else 1
    explanation = result.explanation if result else ""
    if plan is None:
        url, label = _url("planning:create", region, year), _("Draft the work plan")
    elif plan.activities.count() < minimum:
        url = _url("planning:activity_create", region, year, year=year)
        label = _("Add activities")
    elif plan.status != WorkPlan.Status.APPROVED:
        url, label = _url("planning:approve", region, year, year=year), _("Approve the plan")
    else:
        url, label = _url("planning:detail", region, year, year=year), _("Add activities")
    return Step("plan", title, False, explanation, url, label)


def steps(region, year) -> list[Step]:
    """The steps of `region`'s work for `year`, in work order, with what is done."""
    outcome = evaluate_region(region, year)
    workgroup = outcome.workgroup
    by_kind = {r.criterion.kind: r for r in outcome.results}
    result = []
    result.append(
        Step(
            "pokja",
            _("Pokja"),
            workgroup is not None,
            workgroup.name if workgroup else _("The Pokja has not been formed yet."),
            "" if workgroup else _url("workgroups:create", region, year),
            _("Form the Pokja"),
        )
    )

    def criterion_step(key, kind, title, url, label):
        found = by_kind.get(kind)
        if found is None:
            return None
        done = found.state == FULFILLED
        return Step(key, title, done, found.explanation, "" if done else url, label)

    decree = by_kind.get(Criterion.Kind.DECREE)
    sk = criterion_step(
        "sk",
        Criterion.Kind.DECREE,
        _("SK of the Pokja"),
        decree.fix_url if decree else "",
        decree.fix_label if decree else "",
    )
    if sk:
        result.append(sk)
    count = Member.objects.filter(workgroup=workgroup).count() if workgroup else 0
    result.append(
        Step(
            "members",
            _("Members"),
            count > 0,
            _("%(count)d members recorded.") % {"count": count}
            if count
            else _("No member has been recorded yet: fill in the Excel template."),
            "" if count or not workgroup else _url("workgroups:members_import", region, year),
            _("Import the members"),
        )
    )
    if Criterion.Kind.WORK_PLAN in by_kind:
        result.append(_plan_step(region, year, workgroup, by_kind[Criterion.Kind.WORK_PLAN]))
    later = (
        ("indicators", Criterion.Kind.INDICATORS, _("Indicators and targets %(year)s"),
         "indicators:adopted_edit", _("Adopt indicators")),
        ("budget", Criterion.Kind.BUDGET, _("Budget %(year)s"), "budget:create",
         _("Record the budget")),
    )  # fmt: skip
    for key, kind, title, url_name, label in later:
        step = criterion_step(
            key, kind, title % {"year": year}, _url(url_name, region, year), label
        )
        if step:
            result.append(step)
    for r in outcome.results:
        if r.criterion.kind not in _OWN_STEPS:
            done = r.state == FULFILLED
            url = "" if done else r.fix_url
            result.append(Step(r.criterion.code, r.criterion.name, done, r.explanation, url,
                               r.fix_label or _("Open")))  # fmt: skip
    for step in result:
        if not step.done and not step.url:
            step.url = _url("workgroups:profile", region, year)
    submitted = assessment_status(outcome) in (
        Assessment.Status.SUBMITTED,
        Assessment.Status.VERIFIED,
    )
    result.append(
        Step(
            "submit",
            _("Submit for verification"),
            submitted,
            outcome.assessment.get_status_display() if outcome.assessment else "",
            "" if submitted else _url("assessment:region", region, year),
            _("Submit for verification"),
        )
    )
    return result


def next_step(region, year):
    """(label, url) of the first step not done, for accounts.next_step; None when all is done
    or submitted. The submit step opens the home page of the open year (its checklist has the
    button), else the assessment page of the year."""
    for step in steps(region, year):
        if step.done:
            continue
        if step.key == "submit":
            if year == open_year():
                return step.label, reverse("home") + "#home-checklist-" + region.code
            return step.label, step.url
        return step.label, step.url
    return None


def operator_checklist(user, year):
    """The checklist sections of the regions the user operates."""
    sections = []
    for region in regions_with_role(user, "regency_operator"):
        found = steps(region, year)
        ready = all(s.done for s in found[:-1]) and not found[-1].done
        first_open = next((s.key for s in found if not s.done), "")
        sections.append(
            HomeSection(
                key=f"checklist-{region.code}",
                title=_("Checklist %(year)s: %(region)s")
                % {"year": year, "region": region.display_name},
                template="assessment/_checklist.html",
                extra={
                    "steps": found,
                    "region": region,
                    "year": year,
                    "ready": ready,
                    "first_open": first_open,
                    "submit_url": reverse(
                        "assessment:submit", kwargs={"code": region.code, "year": year}
                    ),
                },
            )
        )
    return sections
