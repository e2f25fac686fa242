"""Work plans and their activities: every write goes through here (atomic, keyword-only, `by=`
the acting user), and the read helpers other apps (assessment, dashboards) rely on.

Functions for other apps:
- `approved_plan(workgroup, year)`: the approved plan of one Pokja for a year, or None.
- `approved_plans_with_activity_counts(workgroup_ids, year)`: the same for many Pokja at once
  (two queries, no N+1).
- `plans_for_year(workgroup_ids, year)`: every plan (draft or approved) of many Pokja.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Case, Count, Q, Sum, When
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import known_fields, lock_version, save_record, save_versioned
from core.errors import DomainError
from core.signals import bulk_changed
from planning.common import (
    attach_file,
    check_pdf,
    delete_versioned,
    detach_file,
    evidence_extension,
    full_clean_or_raise,
    remove_files_after_commit,
    replace_pdf,
)
from planning.models import Activity, WorkPlan

PLAN_FIELDS = ("title", "notes")
LIVE_STATUSES = [Activity.Status.PLANNED, Activity.Status.ONGOING, Activity.Status.DONE]
ACTIVITY_FIELDS = (
    "title",
    "subgroup",
    "start_month",
    "end_month",
    "expected_output",
    "planned_cost",
    "cost_source",
    "status",
    "progress_note",
)


# --- reads for other apps ------------------------------------------------------------------


def approved_plan(workgroup, year: int) -> WorkPlan | None:
    """The approved work plan of `workgroup` (a WorkGroup or its id) for `year`, or None when
    the Pokja has no plan that year or it is still a draft. Criterion 2 (Rencana Kerja)."""
    workgroup_id = getattr(workgroup, "pk", workgroup)
    return WorkPlan.objects.filter(
        workgroup_id=workgroup_id, year=year, status=WorkPlan.Status.APPROVED
    ).first()


@dataclass(frozen=True)
class PlanSummary:
    """What the effectiveness matrix needs to know about one approved plan."""

    plan_id: int
    workgroup_id: int
    year: int
    approved_on: object  # datetime.date
    approver_name: str
    has_document: bool
    activity_count: int  # activities that are not cancelled
    done_count: int
    planned_cost: int  # Rupiah, activities that are not cancelled


def approved_plans_with_activity_counts(workgroup_ids, year: int) -> dict[int, PlanSummary]:
    """`{workgroup_id: PlanSummary}` for the Pokja in `workgroup_ids` whose plan for `year` is
    approved (Pokja without an approved plan are absent). One query, whatever the number of
    Pokja; cancelled activities are not counted."""
    live = Q(activities__status__in=LIVE_STATUSES)
    plans = (
        WorkPlan.objects.filter(
            workgroup_id__in=list(workgroup_ids), year=year, status=WorkPlan.Status.APPROVED
        )
        .annotate(
            live_count=Count("activities", filter=live),
            done_count=Count("activities", filter=Q(activities__status=Activity.Status.DONE)),
            cost=Sum("activities__planned_cost", filter=live),
        )
        .values_list(
            "pk",
            "workgroup_id",
            "year",
            "approved_on",
            "approver_name",
            "document",
            "live_count",
            "done_count",
            "cost",
        )
    )
    return {
        wg: PlanSummary(pk, wg, y, on, name, bool(doc), live or 0, done or 0, cost or 0)
        for pk, wg, y, on, name, doc, live, done, cost in plans
    }


def plans_for_year(workgroup_ids, year: int) -> dict[int, WorkPlan]:
    """`{workgroup_id: WorkPlan}` for every plan (draft or approved) of those Pokja in `year`,
    each annotated with `activity_count`."""
    qs = WorkPlan.objects.filter(workgroup_id__in=list(workgroup_ids), year=year).annotate(
        activity_count=Count("activities")
    )
    return {plan.workgroup_id: plan for plan in qs}


def plan_for_region(region, year: int) -> WorkPlan | None:
    """The plan shown at `/r/<code>/plans/<year>/`: the active Pokja's plan for that year,
    otherwise the plan of the Pokja most recently formed in the region (history)."""
    return (
        WorkPlan.objects.filter(workgroup__region=region, year=year)
        .select_related("workgroup", "workgroup__region", "approval_recorded_by")
        .order_by(
            # the active Pokja's plan first
            Case(When(workgroup__status="active", then=0), default=1),
            "-workgroup_id",
        )
        .first()
    )


# --- plans -----------------------------------------------------------------------------------


@transaction.atomic
def create_plan(
    *, by, workgroup, year, title="", notes="", document=None, is_demo=False
) -> WorkPlan:
    """Start the work plan of an active Pokja for `year` (a draft)."""
    if workgroup.status != "active":
        raise DomainError(
            _("This Pokja has been dissolved; work plans are made by the active Pokja.")
        )
    plan = WorkPlan(
        workgroup=workgroup,
        year=year,
        title=(title or "").strip(),
        notes=notes or "",
        created_by=by,
        is_demo=is_demo,
    )
    full_clean_or_raise(plan)
    replace_pdf(plan, "document", "document_filename", document)
    plan.save()
    return plan


@transaction.atomic
def update_plan(
    *, by, plan, expected_version, document=None, remove_document=False, year=None, **changes
) -> WorkPlan:
    """Change the title or notes of a plan, or its signed document, or correct the year of a
    draft (a year the Pokja has no other plan for); refused when someone else saved the plan
    after `expected_version`. The audit trail keeps the old year."""
    known_fields(changes, PLAN_FIELDS, "plan")
    plan = lock_version(plan, expected_version)
    if year is not None and int(year) != plan.year:
        if plan.is_approved:
            raise DomainError(
                _("An approved plan keeps its year; reopen it as a draft to correct the year.")
            )
        if WorkPlan.objects.filter(workgroup_id=plan.workgroup_id, year=year).exists():
            raise DomainError(
                _("The Pokja already has a work plan for %(year)s.") % {"year": year},
                errors=[{"field": "year", "message": _("This year already has a work plan.")}],
            )
        plan.year = int(year)
    for name, value in changes.items():
        setattr(plan, name, value.strip() if isinstance(value, str) and name == "title" else value)
    full_clean_or_raise(plan, exclude=["workgroup"])
    if document is not None:
        check_pdf(document)
        attach_file(plan, "document", "document_filename", document)
    elif remove_document:
        if plan.is_approved:
            raise DomainError(
                _("An approved plan keeps its signed document; upload a new one to replace it.")
            )
        detach_file(plan, "document", "document_filename")
    return save_versioned(plan, expected_version=expected_version)


@transaction.atomic
def approve_plan(
    *, by, plan, expected_version, approved_on, approver_name, approver_position="", document=None
) -> WorkPlan:
    """Record that the plan was approved (signed) by `approver_name` on `approved_on`; `by` is
    the user who recorded it. Needs at least one activity; the date cannot be in the future."""
    plan = lock_version(plan, expected_version)
    if plan.is_approved:
        raise DomainError(_("This work plan is already approved."))
    if not (approver_name or "").strip():
        raise DomainError(
            _("Enter the name of the person who approved the plan."),
            errors=[{"field": "approver_name", "message": _("This field is required.")}],
        )
    if approved_on is None:
        raise DomainError(
            _("Enter the approval date."),
            errors=[{"field": "approved_on", "message": _("This field is required.")}],
        )
    if approved_on > timezone.localdate():
        raise DomainError(
            _("The approval date cannot be in the future."),
            errors=[
                {"field": "approved_on", "message": _("The approval date cannot be in the future.")}
            ],
        )
    if not plan.activities.exists():
        raise DomainError(_("Add at least one activity before approving the work plan."))
    replace_pdf(plan, "document", "document_filename", document)
    _set_approval(
        plan,
        WorkPlan.Status.APPROVED,
        on=approved_on,
        name=approver_name.strip(),
        position=(approver_position or "").strip(),
        by=by,
        at=timezone.now(),
    )
    full_clean_or_raise(plan, exclude=["workgroup"])
    save_versioned(plan, expected_version=expected_version)
    _plan_event(
        plan,
        "planning.plan.approved",
        {
            "approved_on": [None, approved_on.isoformat()],
            "approver_name": [None, plan.approver_name],
        },
        by=by,
    )
    return plan


def _plan_event(plan, code: str, changes: dict, *, by) -> None:
    """Audit an event of the work plan as a whole (approved, reopened, activities imported)."""
    record(
        action="other",
        code=code,
        instance=plan,
        region_code=plan.workgroup.region.code,
        changes=changes,
        actor=by,
    )


def _set_approval(plan, status, *, on, name, position, by, at) -> None:
    """Put `plan` in `status` with its approval: the date, the approver's name and position,
    who recorded it and when (all empty for a draft)."""
    plan.status, plan.approved_on = status, on
    plan.approver_name, plan.approver_position = name, position
    plan.approval_recorded_by, plan.approval_recorded_at = by, at


@transaction.atomic
def reopen_plan(*, by, plan, expected_version) -> WorkPlan:
    """Return an approved plan to draft (for a revision); the approval is cleared, the signed
    document of the earlier approval is kept until replaced."""
    plan = lock_version(plan, expected_version)
    if not plan.is_approved:
        raise DomainError(_("This work plan is still a draft."))
    previous = plan.approved_on
    _set_approval(plan, WorkPlan.Status.DRAFT, on=None, name="", position="", by=None, at=None)
    save_versioned(plan, expected_version=expected_version)
    _plan_event(
        plan,
        "planning.plan.reopened",
        {"approved_on": [previous.isoformat() if previous else None, None]},
        by=by,
    )
    return plan


@transaction.atomic
def delete_plan(*, by, plan, expected_version) -> None:
    """Delete a draft plan and its activities (approved plans must be reopened first)."""
    plan = lock_version(plan, expected_version)
    if plan.is_approved:
        raise DomainError(_("An approved work plan cannot be deleted. Return it to draft first."))
    files = [plan.document] + [a.evidence for a in plan.activities.all()]
    plan.delete()
    remove_files_after_commit(*files)


# --- activities ------------------------------------------------------------------------------


@transaction.atomic
def save_activity(
    *,
    by,
    plan,
    activity=None,
    expected_version=None,
    institutions=None,
    indicators=None,
    evidence=None,
    remove_evidence=False,
    **fields,
) -> Activity:
    """Create (`activity=None`) or update an activity of `plan`.

    `fields` are model fields (ACTIVITY_FIELDS); `institutions` and `indicators` replace the
    linked sets when given (institutions must belong to the plan's region, indicators must be
    active catalogue entries). Updates need `expected_version`."""
    known_fields(fields, ACTIVITY_FIELDS, "activity")
    creating = activity is None
    if creating:
        activity = Activity(plan=plan, created_by=by)
    else:
        if activity.plan_id != plan.pk:
            raise DomainError(_("This activity belongs to another work plan."))
        activity = lock_version(activity, expected_version)
    for name, value in fields.items():
        setattr(activity, name, value)
    if isinstance(activity.title, str):
        activity.title = activity.title.strip()
    _check_links(plan, activity, institutions, indicators)
    full_clean_or_raise(activity, exclude=["plan"])
    if evidence is not None:
        extension = evidence_extension(evidence)
        attach_file(
            activity, "evidence", "evidence_filename", evidence, stored_as=f"evidence.{extension}"
        )
    elif remove_evidence:
        detach_file(activity, "evidence", "evidence_filename")
    save_record(activity, expected_version=expected_version)
    _set_links(plan, activity, institutions, indicators, creating=creating, by=by)
    return activity


@transaction.atomic
def delete_activity(*, by, activity, expected_version) -> None:
    delete_versioned(activity, expected_version, "evidence")


def _check_links(plan, activity, institutions, indicators):
    from indicators.models import Indicator
    from workgroups.models import SubGroup

    if (
        activity.subgroup_id
        and not SubGroup.objects.filter(pk=activity.subgroup_id, is_active=True).exists()
    ):
        raise DomainError(
            _("Choose an active sub-group."),
            errors=[{"field": "subgroup", "message": _("Choose an active sub-group.")}],
        )
    if institutions is not None:
        ids = {getattr(i, "pk", i) for i in institutions}
        found = set(
            plan.workgroup.region.institutions.filter(pk__in=ids).values_list("pk", flat=True)
        )
        if found != ids:
            raise DomainError(
                _("Choose institutions recorded for this region."),
                errors=[
                    {
                        "field": "institutions",
                        "message": _("Choose institutions recorded for this region."),
                    }
                ],
            )
    if indicators is not None:
        ids = {getattr(i, "pk", i) for i in indicators}
        found = set(
            Indicator.objects.filter(pk__in=ids, is_active=True).values_list("pk", flat=True)
        )
        if found != ids:
            raise DomainError(
                _("Choose indicators from the catalogue."),
                errors=[
                    {"field": "indicators", "message": _("Choose indicators from the catalogue.")}
                ],
            )


def _set_links(plan, activity, institutions, indicators, *, creating, by):
    """Set the many-to-many links and, because those bypass the model audit, record them."""
    changes = {}
    for name, values in (("institutions", institutions), ("indicators", indicators)):
        if values is None:
            continue
        manager = getattr(activity, name)
        old = sorted(manager.values_list("pk", flat=True)) if not creating else []
        new = sorted({getattr(v, "pk", v) for v in values})
        if old != new:
            manager.set(new)
            changes[name] = [old, new]
    if changes:
        record(
            action="update",
            instance=activity,
            region_code=plan.workgroup.region.code,
            changes=changes,
            actor=by,
        )


def plan_totals(plan) -> dict:
    """Counts by status and the planned cost of the activities that are not cancelled."""
    rows = plan.activities.values("status").annotate(n=Count("pk"), cost=Sum("planned_cost"))
    by_status = {row["status"]: row["n"] for row in rows}
    cost = sum(row["cost"] or 0 for row in rows if row["status"] != Activity.Status.CANCELLED)
    return {"by_status": by_status, "count": sum(by_status.values()), "planned_cost": cost}


# --- Excel import ----------------------------------------------------------------------------


@transaction.atomic
def import_activities(*, by, plan, uploaded) -> list[Activity]:
    """Add the activities of an uploaded workbook (the template from `planning.excel`) to
    `plan`, all or nothing: when any row has a problem nothing is written and the DomainError
    lists every problem as `{"row", "column", "field", "message"}`."""
    from django.core.exceptions import ValidationError

    from core.uploads import validate_spreadsheet
    from planning import excel

    try:
        validate_spreadsheet(uploaded)
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages)) from None
    # One import at a time per plan, so two uploads cannot both pass the duplicate check.
    plan = WorkPlan.objects.select_for_update().select_related("workgroup__region").get(pk=plan.pk)
    rows, errors = excel.read_activities(plan, uploaded)
    if errors:
        raise DomainError(
            _(
                "The file has %(count)d problem(s); nothing was imported. Fix them and upload the file again."
            )
            % {"count": len(errors)},
            errors=errors,
        )
    for row in rows:
        row.activity.created_by = by
    created = Activity.objects.bulk_create([row.activity for row in rows])
    Institutions = Activity.institutions.through
    Indicators = Activity.indicators.through
    Institutions.objects.bulk_create(
        [
            Institutions(activity_id=a.pk, institution_id=i)
            for a, row in zip(created, rows, strict=True)
            for i in dict.fromkeys(row.institution_ids)
        ]
    )
    Indicators.objects.bulk_create(
        [
            Indicators(activity_id=a.pk, indicator_id=i)
            for a, row in zip(created, rows, strict=True)
            for i in dict.fromkeys(row.indicator_ids)
        ]
    )
    # The bulk insert bypasses model signals: tell the caches that read activities (the
    # assessment status) that this region's activities changed.
    bulk_changed.send(sender=Activity, region_ids=[plan.workgroup.region_id])
    _plan_event(
        plan,
        "planning.activities.imported",
        {"activities": [None, [a.title for a in created]], "count": [None, len(created)]},
        by=by,
    )
    return created
