"""API of a meeting's minutes (notulen): read, save, approve, withdraw the approval."""

import datetime

from ninja import Schema

from accounts.access import get_region
from meetings import services
from meetings.api.common import Error, editable_meeting, router
from meetings.models import Minutes
from meetings.scope import get_meeting


class DecisionOut(Schema):
    id: int
    number: int
    text: str


class MinutesOut(Schema):
    body: str
    chair_name: str
    secretary_name: str
    approved_at: datetime.datetime | None
    approved_by: str | None
    decisions: list[DecisionOut]
    version: int

    @staticmethod
    def resolve_approved_by(obj):
        return obj.approved_by.get_username() if obj.approved_by_id else None

    @staticmethod
    def resolve_decisions(obj):
        return list(obj.decisions.all())


class DecisionIn(Schema):
    id: int | None = None
    text: str


class MinutesIn(Schema):
    body: str = ""
    chair_name: str = ""
    secretary_name: str = ""
    decisions: list[DecisionIn] | None = None
    version: int | None = None


class VersionIn(Schema):
    version: int


class WithdrawIn(Schema):
    version: int
    reason: str


# The answers of a change to the minutes: the minutes, a refusal (400) or a stale version (409).
CHANGED = {200: MinutesOut, 400: Error, 409: Error}


def _minutes_for_reading(request, region, meeting_id):
    from django.http import Http404

    from meetings.scope import can_edit_meeting

    meeting = get_meeting(region, meeting_id)
    minutes = Minutes.objects.filter(meeting=meeting).select_related("approved_by").first()
    if minutes is None or (not minutes.is_approved and not can_edit_meeting(request.user, meeting)):
        raise Http404("No minutes")
    return minutes


@router.get("/regions/{code}/meetings/{meeting_id}/minutes", response=MinutesOut)
def get_minutes(request, code: str, meeting_id: int):
    """The minutes: approved ones for everyone in scope, drafts for the organiser's editors."""
    region = get_region(request.user, code)
    return _minutes_for_reading(request, region, meeting_id)


@router.put("/regions/{code}/meetings/{meeting_id}/minutes", response=CHANGED)
def save_minutes(request, code: str, meeting_id: int, payload: MinutesIn):
    """Write the minutes (HTML is sanitised to the safe subset). `decisions`, when given, becomes
    the exact list (existing ones by `id`). Approved minutes are refused (400)."""
    meeting = editable_meeting(request, code, meeting_id)
    text = payload.dict(exclude={"version"})  # body, chair and secretary, decisions
    return services.save_minutes(
        meeting=meeting, by=request.user, expected_version=payload.version, **text
    )


def _editable_minutes(request, code, meeting_id):
    meeting = editable_meeting(request, code, meeting_id)
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Minutes, meeting=meeting)


@router.post("/regions/{code}/meetings/{meeting_id}/minutes/approve", response=CHANGED)
def approve_minutes(request, code: str, meeting_id: int, payload: VersionIn):
    """Approve the minutes as chair; they are locked from then on."""
    minutes = _editable_minutes(request, code, meeting_id)
    return services.approve_minutes(
        minutes=minutes, by=request.user, expected_version=payload.version
    )


@router.post("/regions/{code}/meetings/{meeting_id}/minutes/withdraw", response=CHANGED)
def withdraw_minutes_approval(request, code: str, meeting_id: int, payload: WithdrawIn):
    """Withdraw the approval (with a reason, kept in the audit trail) so the minutes can be corrected."""
    minutes = _editable_minutes(request, code, meeting_id)
    return services.withdraw_approval(
        minutes=minutes, by=request.user, reason=payload.reason, expected_version=payload.version
    )
