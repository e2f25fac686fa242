"""What the verifier's one-pass review page and the operator's return show per criterion:
the evidence the criterion reads (each record with its document opened in place through the
permission-checked file views), the record to change when it comes back ("Perbaiki →"), and the
history of the verifier's decisions and the operator's answers (read from the audit records
assessment/services.py writes: `assessment.reviewed`, `assessment.answered`)."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext as _

from assessment.engine import assessment_date
from assessment.models import Assessment, Criterion, Declaration
from audit.models import AuditEvent
from core.formats import format_date_id, format_rupiah


@dataclass
class Evidence:
    text: str
    detail: str = ""
    # (label, url) of the document and the record's page; `edit_url`: its edit form.
    links: list = field(default_factory=list)
    edit_url: str = ""


def _url(name, region, **kwargs):
    return reverse(name, kwargs={"code": region.code, **kwargs})


def _with_file(links, field, label, name, region, **kwargs) -> list:
    """`links` and, when the record has its file, the permission-checked view that serves it."""
    return [*links, (label, _url(name, region, **kwargs))] if field else links


def _decree(region, workgroup, year, criterion):
    decree = workgroup.current_decree(on=assessment_date(year))
    if decree is None:
        return []
    until = format_date_id(decree.valid_until) if decree.valid_until else _("no end date")
    links = _with_file([], decree.file, _("Open the SK (PDF)"), "workgroups:decree_file", region,
                       pk=decree.pk)  # fmt: skip
    return [
        Evidence(
            text=f"SK {decree.number}: {decree.title}",
            detail=_("Valid from %(start)s until %(end)s.")
            % {"start": format_date_id(decree.valid_from), "end": until},
            links=[(label, url + "?inline=1") for label, url in links],
            edit_url=_url("workgroups:decree_edit", region, pk=decree.pk),
        )
    ]


def _work_plan(region, workgroup, year, criterion):
    from planning.models import WorkPlan
    from planning.services import LIVE_STATUSES

    plan = WorkPlan.objects.filter(workgroup=workgroup, year=year).first()
    if plan is None:
        return []
    activities = list(plan.activities.filter(status__in=LIVE_STATUSES).order_by("pk"))
    page = _url("planning:detail", region, year=year)
    links = _with_file([(_("Open the work plan"), page)], plan.document,
                       _("Signed document (PDF)"), "planning:document", region, year=year)  # fmt: skip
    approved = (
        _("Approved on %(date)s by %(name)s.")
        % {"date": format_date_id(plan.approved_on), "name": plan.approver_name or "–"}
        if plan.approved_on
        else plan.get_status_display()
    )
    return [
        Evidence(
            text=plan.title or _("Work plan %(year)s") % {"year": year},
            detail=f"{approved} " + "; ".join(a.title for a in activities),
            links=links,
            edit_url=page,
        )
    ]


def _indicators(region, workgroup, year, criterion):
    from indicators.models import WorkGroupIndicator

    adopted = WorkGroupIndicator.objects.filter(
        workgroup=workgroup, year=year, target__isnull=False
    ).select_related("indicator")
    page = _url("indicators:adopted", region) + f"?year={year}"
    return [
        Evidence(
            text=a.indicator.name,
            detail=_("Target %(year)s: %(target)s") % {"year": year, "target": a.target},
            edit_url=page,
        )
        for a in adopted.order_by("indicator__order", "pk")
    ]


def _budget(region, workgroup, year, criterion):
    from budget.models import BudgetAllocation

    items = []
    allocations = BudgetAllocation.objects.filter(workgroup=workgroup, year=year)
    for allocation in allocations.order_by("pk"):
        items.append(
            Evidence(
                text=f"{allocation.get_source_display()}: {format_rupiah(allocation.amount)}",
                detail=allocation.purpose or allocation.document_reference,
                links=_with_file(
                    [],
                    allocation.document,
                    _("Budget document (PDF)"),
                    "budget:document",
                    region,
                    pk=allocation.pk,
                ),  # fmt: skip
                edit_url=_url("budget:edit", region, pk=allocation.pk),
            )
        )
    return items


def _policies(kinds):
    def read(region, workgroup, year, criterion):
        from policies.models import Policy

        items = []
        for policy in Policy.objects.filter(region=region, kind__in=kinds).order_by("pk"):
            page = [(_("Open the document"), _url("policies:detail", region, pk=policy.pk))]
            links = _with_file(page, policy.file, _("Document (PDF)"), "policies:document",
                               region, pk=policy.pk)  # fmt: skip
            items.append(
                Evidence(
                    text=f"{policy.get_kind_display()} {policy.number}: {policy.title}",
                    detail=policy.get_status_display(),
                    links=links,
                    edit_url=_url("policies:edit", region, pk=policy.pk),
                )
            )
        return items

    return read


def _declared(region, workgroup, year, criterion):
    declaration = Declaration.objects.filter(region=region, criterion=criterion).first()
    if declaration is None:
        return []
    return [
        Evidence(
            text=_("Fulfilled") if declaration.fulfilled else _("Not fulfilled"),
            detail=declaration.note,
            edit_url=_url("assessment:declare", region, year=year, criterion_id=criterion.pk),
        )
    ]


_READERS = {
    Criterion.Kind.DECREE: _decree,
    Criterion.Kind.WORK_PLAN: _work_plan,
    Criterion.Kind.INDICATORS: _indicators,
    Criterion.Kind.BUDGET: _budget,
    Criterion.Kind.GDPK: _policies(["gdpk"]),
    Criterion.Kind.PLANNING_INTEGRATION: _policies(["rpjmd", "rkpd"]),
    Criterion.Kind.DECLARED: _declared,
}


def evidence(outcome, result) -> list[Evidence]:
    """The records `result`'s criterion reads for the region and year of `outcome`."""
    if outcome.workgroup is None:
        return []
    read = _READERS[result.criterion.kind]
    return read(outcome.region, outcome.workgroup, outcome.year, result.criterion)


def resubmit_url(region, year) -> str:
    return _url("assessment:resubmit", region, year=year)


def fix_url(outcome, result, items=None) -> str:
    """The page that changes what a returned criterion was returned for: the record itself when
    there is one (the SK's edit form…), else the engine's link; it leads on to the
    resubmission after saving (`?next=`, accounts.crud.form_screen)."""
    items = evidence(outcome, result) if items is None else items
    edits = {item.edit_url for item in items if item.edit_url}
    url = edits.pop() if len(edits) == 1 else result.fix_url
    if not url:
        return resubmit_url(outcome.region, outcome.year)
    separator = "&" if "?" in url else "?"
    return url + separator + urlencode({"next": resubmit_url(outcome.region, outcome.year)})


@dataclass
class HistoryEntry:
    at: object
    who: str
    kind: str  # accepted / rejected / answered
    text: str = ""

    @property
    def label(self):
        return {
            "accepted": _("Accepted"),
            "rejected": _("Returned"),
            "answered": _("Operator's answer"),
        }[self.kind]


def history(assessment) -> dict:
    """`{criterion code: [HistoryEntry, oldest first]}`: every decision with its reason and every
    answer of the operator, across resubmissions."""
    if assessment is None:
        return {}
    result = {}
    events = AuditEvent.objects.filter(
        model=Assessment._meta.label,
        object_id=str(assessment.pk),
        code__in=["assessment.reviewed", "assessment.answered"],
    ).order_by("created_at", "id")
    for event in events:
        changes = event.changes or {}
        if event.code == "assessment.answered":
            kind, text = "answered", changes.get("response", "")
        else:
            kind, text = changes.get("decision", ""), changes.get("reason", "")
        if kind in ("accepted", "rejected", "answered"):
            entry = HistoryEntry(event.created_at, event.actor_username, kind, text)
            result.setdefault(changes.get("criterion"), []).append(entry)
    return result
