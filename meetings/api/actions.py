"""API of action items and commitments and their progress reports."""

import datetime

from django.utils import timezone
from ninja import Schema, Status

from accounts.access import get_region
from accounts.permissions import Permission
from core.api_crud import patch_schema
from core.api_types import choices
from meetings import services
from meetings.api.common import (
    ITEMS,
    PROGRESS,
    Error,
    _instance,
    _region,
    patch_data,
    router,
)
from meetings.models import ActionItem, Meeting
from meetings.scope import items_in
from workgroups.models import Institution, Member


class NoteOut(Schema):
    id: int
    created_at: datetime.datetime
    author: str
    text: str
    status_from: str
    status_to: str
    has_evidence: bool

    @staticmethod
    def resolve_author(obj):
        return obj.author_name

    @staticmethod
    def resolve_has_evidence(obj):
        return bool(obj.evidence)


class ActionItemOut(Schema):
    id: int
    region: str
    kind: str
    title: str
    description: str
    assigned_region: str
    assigned_institution_id: int | None
    assigned_member_id: int | None
    due_date: datetime.date
    status: str
    overdue: bool
    closed_at: datetime.datetime | None
    meeting_id: int | None
    decision_id: int | None
    version: int

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_assigned_region(obj):
        return obj.assigned_region.code

    @staticmethod
    def resolve_overdue(obj):
        return obj.is_overdue()


class ActionItemDetailOut(ActionItemOut):
    notes: list[NoteOut]

    @staticmethod
    def resolve_notes(obj):
        return list(obj.notes.all())


class ActionItemIn(Schema):
    kind: choices(ActionItem.Kind) = ActionItem.Kind.ACTION
    title: str
    description: str = ""
    due_date: datetime.date
    assigned_region: str | None = None
    assigned_institution_id: int | None = None
    assigned_member_id: int | None = None
    meeting_id: int | None = None
    decision_id: int | None = None


ActionItemPatch = patch_schema(
    ActionItemIn, "ActionItemPatch", exclude=("meeting_id", "decision_id")
)


class ProgressIn(Schema):
    version: int
    text: str
    status: choices(ActionItem.Status) | None = None


# The answers of a change to an action item: the item, a refusal (400) or a stale version (409).
CHANGED = {200: ActionItemDetailOut, 400: Error, 409: Error}

# What an action item says, beside its assignment.
ITEM_FIELDS = ("kind", "title", "description", "due_date")


def _assignment(data: dict) -> dict:
    from meetings.models import Decision

    result = {}
    if "assigned_region" in data:
        result["assigned_region"] = _region(data["assigned_region"], "assigned_region")
    if "assigned_institution_id" in data:
        result["assigned_institution"] = _instance(
            Institution, data["assigned_institution_id"], "assigned_institution_id"
        )
    if "assigned_member_id" in data:
        result["assigned_member"] = _instance(
            Member, data["assigned_member_id"], "assigned_member_id"
        )
    if "meeting_id" in data:
        result["meeting"] = _instance(Meeting, data["meeting_id"], "meeting_id")
    if "decision_id" in data:
        result["decision"] = _instance(Decision, data["decision_id"], "decision_id")
    return result


@router.get("/regions/{code}/action-items", response=list[ActionItemOut])
def list_action_items(request, code: str, status: str | None = None, overdue: bool = False):
    """Items the region set and items assigned to it. `status`: open, in_progress, done, dropped."""
    region = get_region(request.user, code)
    qs = items_in(region)
    if status:
        qs = qs.filter(status=status)
    if overdue:
        qs = qs.filter(status__in=ActionItem.OPEN_STATUSES, due_date__lt=timezone.localdate())
    return list(qs.order_by("due_date", "pk")[:1000])


@router.post("/regions/{code}/action-items", response={201: ActionItemDetailOut, 400: Error})
def create_action_item(request, code: str, payload: ActionItemIn):
    """Set an action item or commitment, assigned to the region or one of its kab/kota."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    data = payload.dict()
    fields = _assignment(data) | {name: data[name] for name in ITEM_FIELDS}
    item = services.create_action_item(region=region, by=request.user, **fields)
    return Status(201, item)


@router.get("/regions/{code}/action-items/{item_id}", response=ActionItemDetailOut)
def get_action_item(request, code: str, item_id: int):
    return ITEMS.get(request, code, item_id)


@router.patch("/regions/{code}/action-items/{item_id}", response=CHANGED)
def update_action_item(request, code: str, item_id: int, payload: ActionItemPatch):
    """Change title, assignment or due date (MEETING_EDIT in the region that set it)."""
    item = ITEMS.scoped(request, code, item_id)[1]
    data, version = patch_data(payload)
    fields = _assignment(data)
    for name in ITEM_FIELDS:
        if data.get(name) is not None:
            fields[name] = data[name]
    return services.update_action_item(
        item=item, by=request.user, expected_version=version, **fields
    )


@router.post(
    "/regions/{code}/action-items/{item_id}/progress",
    response={201: NoteOut, 400: Error, 409: Error},
)
def report_progress(request, code: str, item_id: int, payload: ProgressIn):
    """Add a progress note and optionally change the status (e.g. `done`). Members may do this
    only for items assigned to their own member record; operators of the assigned region for
    any item assigned to it."""
    item = PROGRESS.scoped(request, code, item_id)[1]
    note = services.report_progress(
        item=item,
        by=request.user,
        text=payload.text,
        status=payload.status,
        expected_version=payload.version,
    )
    return Status(201, note)
