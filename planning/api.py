"""Work plans and activities: `/api/v1/regions/{code}/plans…`.

Reads need `region.view`, writes `plan.edit`. Updates and deletes carry the `version` the
client last read; a stale version answers 409 (nothing is overwritten). Amounts are whole
Rupiah (a number, or a string such as "1.250.000"; "1,5 juta" or negatives answer 400).
"""

import datetime

from django.db.models import Count, Q, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import RegionRecord, get_region
from accounts.permissions import Permission
from core.api_crud import ERRORS, patch_fields, patch_schema
from core.errors import field_error
from planning import services
from planning.common import active_workgroup, parse_amount, parse_month, serve_file
from planning.models import Activity, WorkPlan

router = Router(tags=["work plans"])


class InstitutionRef(Schema):
    id: int
    name: str


class ActivityOut(Schema):
    id: int
    version: int
    title: str
    subgroup: str | None
    institutions: list[InstitutionRef]
    start_month: int
    end_month: int
    expected_output: str
    indicators: list[str]
    planned_cost: int
    cost_source: str
    status: str
    progress_note: str
    has_evidence: bool

    @staticmethod
    def resolve_subgroup(obj):
        return obj.subgroup.code if obj.subgroup_id else None

    @staticmethod
    def resolve_institutions(obj):
        return [{"id": i.pk, "name": i.name} for i in obj.institutions.all()]

    @staticmethod
    def resolve_indicators(obj):
        return [i.code for i in obj.indicators.all()]

    @staticmethod
    def resolve_has_evidence(obj):
        return bool(obj.evidence)


class PlanOut(Schema):
    id: int
    version: int
    year: int
    title: str
    notes: str
    status: str
    workgroup: str
    approved_on: datetime.date | None
    approver_name: str
    approver_position: str
    approval_recorded_by: str | None
    has_document: bool
    activity_count: int
    planned_cost: int

    @staticmethod
    def resolve_workgroup(obj):
        return obj.workgroup.name

    @staticmethod
    def resolve_approval_recorded_by(obj):
        user = obj.approval_recorded_by
        return user.get_username() if user else None

    @staticmethod
    def resolve_has_document(obj):
        return bool(obj.document)

    @staticmethod
    def resolve_activity_count(obj):
        if hasattr(obj, "activity_count"):
            return obj.activity_count
        return obj.activities.count()

    @staticmethod
    def resolve_planned_cost(obj):
        if hasattr(obj, "live_cost"):
            return obj.live_cost or 0
        return services.plan_totals(obj)["planned_cost"]


class PlanDetailOut(PlanOut):
    activities: list[ActivityOut]

    @staticmethod
    def resolve_activities(obj):
        return obj.activities.select_related("subgroup").prefetch_related(
            "institutions", "indicators"
        )


class PlanIn(Schema):
    year: int
    title: str = ""
    notes: str = ""


PlanPatch = patch_schema(PlanIn, "PlanPatch", exclude=("year",))


class ApproveIn(Schema):
    version: int
    approved_on: datetime.date
    approver_name: str
    approver_position: str = ""


class VersionIn(Schema):
    version: int


class ActivityIn(Schema):
    title: str
    subgroup: str | None = None
    institutions: list[int] = []
    start_month: int | str
    end_month: int | str
    expected_output: str = ""
    indicators: list[str] = []
    planned_cost: int | str = 0
    cost_source: str = ""
    status: str = Activity.Status.PLANNED
    progress_note: str = ""


ActivityPatch = patch_schema(ActivityIn, "ActivityPatch")


# --- helpers ---------------------------------------------------------------------------------


def amount(value, field):
    """Whole Rupiah from an API body value, or a 400 naming the field."""
    try:
        return parse_amount(value)
    except ValueError as exc:
        raise field_error(field, str(exc)) from None


def _plan(region, year) -> WorkPlan:
    plan = services.plan_for_region(region, year)
    if plan is None:
        raise Http404("No work plan for this year")
    return plan


PLANS = RegionRecord(
    "plan",
    _plan,
    Permission.PLAN_EDIT,
    update=services.update_plan,
    docs=(
        "One year's plan with its activities.",
        "Change the title or notes; `version` must be the one you read (else 409).",
        "Delete a draft plan and its activities (`?version=`).",
    ),
    remove=services.delete_plan,
)


def subgroup_by_code(code):
    """An active sub-group from its code (None for no code), or a 400 on `subgroup`."""
    from workgroups.models import SubGroup

    if not code:
        return None
    subgroup = SubGroup.objects.filter(code=code, is_active=True).first()
    if subgroup is None:
        raise field_error("subgroup", _("Unknown sub-group code %(code)s.") % {"code": code})
    return subgroup


def indicator_ids(codes) -> list[int]:
    """The ids of active indicators from their codes (in order, once each), or a 400 naming
    the unknown ones on `indicators`."""
    from indicators.models import Indicator

    codes = list(dict.fromkeys(codes))
    found = dict(Indicator.objects.filter(code__in=codes, is_active=True).values_list("code", "pk"))
    missing = [c for c in codes if c not in found]
    if missing:
        raise field_error(
            "indicators",
            _("Unknown indicator code(s): %(codes)s.") % {"codes": ", ".join(missing)},
        )
    return [found[c] for c in codes]


def api_fields(payload: dict, nullable=()) -> dict:
    """An API body as service fields: None values dropped (but for the `nullable` keys),
    `subgroup` and `indicators` codes looked up."""
    fields = {}
    for key, value in payload.items():
        if value is None and key not in nullable:
            continue
        if key == "subgroup":
            fields[key] = subgroup_by_code(value)
        elif key == "indicators":
            fields[key] = indicator_ids(value)
        else:
            fields[key] = value
    return fields


def _activity_fields(payload: dict) -> dict:
    """Translate API values (sub-group code, indicator codes, month names, Rupiah strings)."""
    fields = {}
    for key in ("title", "expected_output", "cost_source", "status", "progress_note"):
        if key in payload and payload[key] is not None:
            fields[key] = payload[key]
    if "subgroup" in payload:
        fields["subgroup"] = subgroup_by_code(payload["subgroup"])
    for key in ("start_month", "end_month"):
        if payload.get(key) is not None:
            try:
                fields[key] = parse_month(payload[key])
            except ValueError as exc:
                raise field_error(key, str(exc)) from None
    if payload.get("planned_cost") is not None:
        fields["planned_cost"] = amount(payload["planned_cost"], "planned_cost")
    if payload.get("institutions") is not None:
        fields["institutions"] = payload["institutions"]
    if payload.get("indicators") is not None:
        fields["indicators"] = indicator_ids(payload["indicators"])
    return fields


# --- plans -----------------------------------------------------------------------------------


@router.get("/regions/{code}/plans", response=list[PlanOut])
def list_plans(request, code: str):
    """The region's work plans, newest year first."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    return list(
        WorkPlan.objects.filter(workgroup__region=region)
        .select_related("workgroup", "approval_recorded_by")
        .annotate(
            activity_count=Count("activities"),
            live_cost=Sum(
                "activities__planned_cost", filter=Q(activities__status__in=services.LIVE_STATUSES)
            ),
        )
        .order_by("-year", "-workgroup_id")
    )


@router.post("/regions/{code}/plans", response={201: PlanDetailOut, **ERRORS})
def create_plan(request, code: str, payload: PlanIn):
    """Start the work plan of the region's active Pokja for a year (as a draft)."""
    region = get_region(request.user, code, Permission.PLAN_EDIT)
    workgroup = active_workgroup(region, required=True)
    plan = services.create_plan(
        by=request.user,
        workgroup=workgroup,
        year=payload.year,
        title=payload.title,
        notes=payload.notes,
    )
    return Status(201, plan)


PLANS.endpoints(router, "/regions/{code}/plans/{year}", PlanDetailOut, PlanPatch)


@router.post("/regions/{code}/plans/{year}/approve", response={200: PlanDetailOut, **ERRORS})
def approve_plan(request, code: str, year: int, payload: ApproveIn):
    """Record the approval (signatory, position, date); you are recorded as who entered it."""
    approval = payload.model_dump(exclude={"version"})
    return PLANS.save(request, code, year, payload.version, approval, service=services.approve_plan)


@router.post("/regions/{code}/plans/{year}/reopen", response={200: PlanDetailOut, **ERRORS})
def reopen_plan(request, code: str, year: int, payload: VersionIn):
    """Return an approved plan to draft."""
    return PLANS.save(request, code, year, payload.version, service=services.reopen_plan)


@router.get("/regions/{code}/plans/{year}/document")
def download_plan_document(request, code: str, year: int):
    """The signed PDF of the plan."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    plan = _plan(region, year)
    return serve_file(plan.document, f"Rencana-Kerja-{region.code}-{plan.year}.pdf")


@router.post("/regions/{code}/plans/{year}/document", response={200: PlanDetailOut, **ERRORS})
def upload_plan_document(
    request, code: str, year: int, version: Form[int], file: File[UploadedFile]
):
    """Upload (or replace) the signed PDF: multipart with `file` and `version`."""
    return PLANS.save(request, code, year, version, {"document": file})


# --- activities ------------------------------------------------------------------------------


@router.get("/regions/{code}/plans/{year}/activities", response=list[ActivityOut])
def list_activities(request, code: str, year: int):
    region = get_region(request.user, code, Permission.REGION_VIEW)
    plan = _plan(region, year)
    return list(
        plan.activities.select_related("subgroup").prefetch_related("institutions", "indicators")
    )


@router.post("/regions/{code}/plans/{year}/activities", response={201: ActivityOut, **ERRORS})
def create_activity(request, code: str, year: int, payload: ActivityIn):
    """Add an activity. `subgroup` is a sub-group code, `indicators` indicator codes,
    `institutions` institution ids of the region; months are 1–12 (start not after end)."""
    region = get_region(request.user, code, Permission.PLAN_EDIT)
    plan = _plan(region, year)
    fields = _activity_fields(payload.model_dump())
    activity = services.save_activity(by=request.user, plan=plan, **fields)
    return Status(201, activity)


def _activity(plan, activity_id) -> Activity:
    activity = get_object_or_404(Activity, pk=activity_id, plan=plan)
    activity.plan = plan
    return activity


ACTIVITIES = RegionRecord(
    "activity",
    lambda region, key: _activity(_plan(region, key[0]), key[1]),
    Permission.PLAN_EDIT,
    update=services.save_activity,
    remove=services.delete_activity,
    patch=lambda payload, region: _activity_fields(patch_fields(payload, drop_none=False)),
    context=lambda region, activity: {"plan": activity.plan},
)


@router.get("/regions/{code}/plans/{year}/activities/{activity_id}", response=ActivityOut)
def get_activity(request, code: str, year: int, activity_id: int):
    return ACTIVITIES.get(request, code, (year, activity_id))


@router.patch(
    "/regions/{code}/plans/{year}/activities/{activity_id}", response={200: ActivityOut, **ERRORS}
)
def update_activity(request, code: str, year: int, activity_id: int, payload: ActivityPatch):
    """Change some fields; `version` must be the one you read (else 409)."""
    return ACTIVITIES.patch(request, code, (year, activity_id), payload)


@router.delete(
    "/regions/{code}/plans/{year}/activities/{activity_id}", response={204: None, **ERRORS}
)
def delete_activity(request, code: str, year: int, activity_id: int, version: int):
    """Delete an activity (`?version=`)."""
    return ACTIVITIES.delete(request, code, (year, activity_id), version)


@router.get("/regions/{code}/plans/{year}/activities/{activity_id}/evidence")
def download_evidence(request, code: str, year: int, activity_id: int):
    activity = ACTIVITIES.get(request, code, (year, activity_id))
    return serve_file(
        activity.evidence, activity.evidence_filename or f"bukti-kegiatan-{activity.pk}"
    )


@router.post(
    "/regions/{code}/plans/{year}/activities/{activity_id}/evidence",
    response={200: ActivityOut, **ERRORS},
)
def upload_evidence(
    request, code: str, year: int, activity_id: int, version: Form[int], file: File[UploadedFile]
):
    """Upload (or replace) the evidence (PDF, PNG or JPEG): multipart with `file` and `version`."""
    return ACTIVITIES.save(request, code, (year, activity_id), version, {"evidence": file})
