"""API of meetings: list, create, read and change."""

import datetime

from ninja import Schema, Status

from accounts.access import get_region
from accounts.permissions import Permission
from core.api_types import choices
from meetings import services
from meetings.api.common import (
    MEETINGS,
    Error,
    _aware,
    _regions,
    editable_meeting,
    patch_data,
    router,
)
from meetings.attendance import attendance_summary
from meetings.models import Meeting
from meetings.scope import meetings_in


class AgendaItemOut(Schema):
    id: int
    title: str
    speaker: str
    starts_at: datetime.datetime | None
    ends_at: datetime.datetime | None


class MeetingOut(Schema):
    id: int
    region: str
    title: str
    kind: str
    status: str
    description: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue: str
    online_url: str
    letter_number: str
    letter_nature: str
    letter_subject: str
    letter_date: datetime.date | None
    invited_regions: list[str]
    version: int

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_invited_regions(obj):
        return [ir.region.code for ir in obj.invited_regions.select_related("region")]


class AttendanceSummary(Schema):
    invited: int
    walk_ins: int
    present: int
    represented: int
    absent: int
    unknown: int
    rate: int | None


class MeetingDetailOut(MeetingOut):
    agenda: list[AgendaItemOut]
    attendance: AttendanceSummary

    @staticmethod
    def resolve_agenda(obj):
        return list(obj.agenda_items.all())

    @staticmethod
    def resolve_attendance(obj):
        return attendance_summary(obj)


class MeetingIn(Schema):
    title: str
    kind: choices(Meeting.Kind) = Meeting.Kind.COORDINATION
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    venue: str = ""
    online_url: str = ""
    description: str = ""
    letter_number: str = ""
    letter_nature: Meeting.LetterNature = Meeting.LetterNature.IMPORTANT
    letter_subject: str = ""
    letter_date: datetime.date | None = None
    invited_regions: list[str] = []
    invite_all_children: bool = False


class MeetingPatch(Schema):
    version: int
    title: str | None = None
    kind: choices(Meeting.Kind) | None = None
    status: choices(Meeting.Status) | None = None
    starts_at: datetime.datetime | None = None
    ends_at: datetime.datetime | None = None
    venue: str | None = None
    online_url: str | None = None
    description: str | None = None
    letter_number: str | None = None
    letter_nature: Meeting.LetterNature | None = None
    letter_subject: str | None = None
    letter_date: datetime.date | None = None
    invited_regions: list[str] | None = None
    invite_all_children: bool = False


@router.get("/regions/{code}/meetings", response=list[MeetingOut])
def list_meetings(request, code: str, since: datetime.date | None = None):
    """Meetings organised by the region or to which it is invited, newest first."""
    region = get_region(request.user, code)
    qs = meetings_in(region).prefetch_related("invited_regions__region")
    if since:
        qs = qs.filter(ends_at__date__gte=since)
    return list(qs.order_by("-starts_at")[:500])


@router.post("/regions/{code}/meetings", response={201: MeetingDetailOut, 400: Error})
def create_meeting(request, code: str, payload: MeetingIn):
    """Create a meeting; a province may invite some of its kab/kota or all (`invite_all_children`).
    Times without a zone are read in the region's zone (WIB/WITA/WIT)."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    data = payload.dict()
    invited = _regions(data.pop("invited_regions"))
    invite_all = data.pop("invite_all_children")
    data["starts_at"], data["ends_at"] = (
        _aware(data["starts_at"], region),
        _aware(data["ends_at"], region),
    )
    if not data["letter_subject"]:
        data.pop("letter_subject")
    meeting = services.create_meeting(
        region=region,
        by=request.user,
        invited_regions=invited,
        invite_all_children=invite_all,
        **data,
    )
    return Status(201, meeting)


@router.get("/regions/{code}/meetings/{meeting_id}", response=MeetingDetailOut)
def get_meeting_detail(request, code: str, meeting_id: int):
    return MEETINGS.get(request, code, meeting_id)


@router.patch(
    "/regions/{code}/meetings/{meeting_id}",
    response={200: MeetingDetailOut, 400: Error, 409: Error},
)
def update_meeting(request, code: str, meeting_id: int, payload: MeetingPatch):
    """Change a meeting (organiser's MEETING_EDIT). Send the `version` you read: 409 if stale."""
    meeting = editable_meeting(request, code, meeting_id)
    data, version = patch_data(payload)
    codes = data.pop("invited_regions", None)
    invite_all = data.pop("invite_all_children", False)
    for name in ("starts_at", "ends_at"):
        if data.get(name) is not None:
            data[name] = _aware(data[name], meeting.region)
    services.update_meeting(
        meeting=meeting,
        by=request.user,
        expected_version=version,
        invited_regions=_regions(codes) if codes is not None else None,
        invite_all_children=invite_all,
        **{k: v for k, v in data.items() if v is not None or k == "letter_date"},
    )
    return meeting
