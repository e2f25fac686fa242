"""REST API of the forum: meetings (with attendance and minutes), action items and
announcements, under `/api/v1/regions/{code}/…`. Same scope rules as the HTML pages
(meetings/scope.py); updates carry the `version` they were based on and get 409 when stale."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from accounts.access import get_region
from accounts.permissions import Permission
from core.api_types import choices
from core.errors import DomainError
from meetings import services
from meetings.attendance import attendance_summary
from meetings.models import (
    ActionItem,
    Announcement,
    AnnouncementRead,
    Meeting,
    Minutes,
    Participant,
)
from meetings.scope import (
    announcements_in,
    get_announcement,
    get_item,
    get_meeting,
    items_in,
    meetings_in,
    require_item_manage,
    require_item_update,
    require_meeting_edit,
)
from regions.codes import normalize_code
from regions.models import Region
from workgroups.models import Institution, Member

router = Router(tags=["meetings"])


class Error(Schema):
    detail: str
    errors: list[dict] = []


# --- helpers ----------------------------------------------------------------------------------


def _regions(codes, field="invited_regions") -> list[Region]:
    try:
        normalized = [normalize_code(code) for code in codes]
    except ValueError:
        normalized = None
    found = list(Region.objects.filter(code__in=normalized or []))
    if normalized is None or len(found) != len(set(normalized)):
        message = _("Unknown region code in %(field)s.") % {"field": field}
        raise DomainError(message, errors=[{"field": field, "message": message}])
    return found


def _region(code, field):
    return _regions([code], field)[0] if code else None


def _aware(value, region):
    if value is not None and timezone.is_naive(value):
        from meetings.timezones import region_timezone

        return timezone.make_aware(value, region_timezone(region))
    return value


def _instance(model, pk, field):
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        message = _("Unknown %(field)s.") % {"field": field}
        raise DomainError(message, errors=[{"field": field, "message": message}])
    return obj


# --- Meetings ---------------------------------------------------------------------------------


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
    region = get_region(request.user, code)
    return get_meeting(region, meeting_id)


@router.patch(
    "/regions/{code}/meetings/{meeting_id}",
    response={200: MeetingDetailOut, 400: Error, 409: Error},
)
def update_meeting(request, code: str, meeting_id: int, payload: MeetingPatch):
    """Change a meeting (organiser's MEETING_EDIT). Send the `version` you read: 409 if stale."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    meeting = get_meeting(region, meeting_id)
    require_meeting_edit(request.user, meeting)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
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


# --- Attendance -------------------------------------------------------------------------------


class ParticipantOut(Schema):
    id: int
    name: str
    position: str
    institution: str
    region: str | None
    member_id: int | None
    invited: bool
    attendance: str
    represented_by: str

    @staticmethod
    def resolve_institution(obj):
        return obj.institution_name

    @staticmethod
    def resolve_region(obj):
        return obj.region.code if obj.region_id else None


class AttendanceOut(Schema):
    summary: AttendanceSummary
    participants: list[ParticipantOut]


class AttendanceEntry(Schema):
    participant_id: int
    attendance: Participant.Attendance
    represented_by: str = ""


class AttendanceIn(Schema):
    entries: list[AttendanceEntry]


class GuestIn(Schema):
    name: str
    position: str = ""
    institution_name: str = ""
    email: str = ""
    phone: str = ""  # stored as E.164 (+62…); local forms such as 0812-3456-7890 accepted
    region: str | None = None
    invited: bool = True
    attendance: Participant.Attendance = Participant.Attendance.UNKNOWN
    represented_by: str = ""


def _attendance(meeting):
    return {
        "summary": attendance_summary(meeting),
        "participants": list(meeting.participants.select_related("region")),
    }


@router.get("/regions/{code}/meetings/{meeting_id}/attendance", response=AttendanceOut)
def get_attendance(request, code: str, meeting_id: int):
    region = get_region(request.user, code)
    return _attendance(get_meeting(region, meeting_id))


@router.put(
    "/regions/{code}/meetings/{meeting_id}/attendance", response={200: AttendanceOut, 400: Error}
)
def record_attendance(request, code: str, meeting_id: int, payload: AttendanceIn):
    """Record attendance (present, represented, absent) for several participants: all or none."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    meeting = get_meeting(region, meeting_id)
    require_meeting_edit(request.user, meeting)
    services.record_attendance(
        meeting=meeting, by=request.user, entries=[e.dict() for e in payload.entries]
    )
    return _attendance(meeting)


@router.post(
    "/regions/{code}/meetings/{meeting_id}/participants", response={201: ParticipantOut, 400: Error}
)
def add_participant(request, code: str, meeting_id: int, payload: GuestIn):
    """Write in a guest by name: invited (`invited=true`) or a walk-in."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    meeting = get_meeting(region, meeting_id)
    require_meeting_edit(request.user, meeting)
    data = payload.dict()
    data["region"] = _region(data["region"], "region")
    return Status(201, services.add_guest(meeting=meeting, by=request.user, **data))


# --- Minutes ----------------------------------------------------------------------------------


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


@router.put(
    "/regions/{code}/meetings/{meeting_id}/minutes",
    response={200: MinutesOut, 400: Error, 409: Error},
)
def save_minutes(request, code: str, meeting_id: int, payload: MinutesIn):
    """Write the minutes (HTML is sanitised to the safe subset). `decisions`, when given, becomes
    the exact list (existing ones by `id`). Approved minutes are refused (400)."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    meeting = get_meeting(region, meeting_id)
    require_meeting_edit(request.user, meeting)
    data = payload.dict()
    return services.save_minutes(
        meeting=meeting,
        by=request.user,
        body=data["body"],
        chair_name=data["chair_name"],
        secretary_name=data["secretary_name"],
        decisions=data["decisions"],
        expected_version=data["version"],
    )


def _editable_minutes(request, code, meeting_id):
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    meeting = get_meeting(region, meeting_id)
    require_meeting_edit(request.user, meeting)
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Minutes, meeting=meeting)


@router.post(
    "/regions/{code}/meetings/{meeting_id}/minutes/approve",
    response={200: MinutesOut, 400: Error, 409: Error},
)
def approve_minutes(request, code: str, meeting_id: int, payload: VersionIn):
    """Approve the minutes as chair; they are locked from then on."""
    minutes = _editable_minutes(request, code, meeting_id)
    return services.approve_minutes(
        minutes=minutes, by=request.user, expected_version=payload.version
    )


@router.post(
    "/regions/{code}/meetings/{meeting_id}/minutes/withdraw",
    response={200: MinutesOut, 400: Error, 409: Error},
)
def withdraw_minutes_approval(request, code: str, meeting_id: int, payload: WithdrawIn):
    """Withdraw the approval (with a reason, kept in the audit trail) so the minutes can be corrected."""
    minutes = _editable_minutes(request, code, meeting_id)
    return services.withdraw_approval(
        minutes=minutes, by=request.user, reason=payload.reason, expected_version=payload.version
    )


# --- Action items -----------------------------------------------------------------------------


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


class ActionItemPatch(Schema):
    version: int
    kind: choices(ActionItem.Kind) | None = None
    title: str | None = None
    description: str | None = None
    due_date: datetime.date | None = None
    assigned_region: str | None = None
    assigned_institution_id: int | None = None
    assigned_member_id: int | None = None


class ProgressIn(Schema):
    version: int
    text: str
    status: choices(ActionItem.Status) | None = None


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
    fields = _assignment(data)
    item = services.create_action_item(
        region=region,
        by=request.user,
        kind=data["kind"],
        title=data["title"],
        description=data["description"],
        due_date=data["due_date"],
        **fields,
    )
    return Status(201, item)


@router.get("/regions/{code}/action-items/{item_id}", response=ActionItemDetailOut)
def get_action_item(request, code: str, item_id: int):
    region = get_region(request.user, code)
    return get_item(region, item_id)


@router.patch(
    "/regions/{code}/action-items/{item_id}",
    response={200: ActionItemDetailOut, 400: Error, 409: Error},
)
def update_action_item(request, code: str, item_id: int, payload: ActionItemPatch):
    """Change title, assignment or due date (MEETING_EDIT in the region that set it)."""
    region = get_region(request.user, code, Permission.MEETING_EDIT)
    item = get_item(region, item_id)
    require_item_manage(request.user, item)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    fields = _assignment(data)
    for name in ("kind", "title", "description", "due_date"):
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
    region = get_region(request.user, code, Permission.ACTION_ITEM_UPDATE)
    item = get_item(region, item_id)
    require_item_update(request.user, item)
    note = services.report_progress(
        item=item,
        by=request.user,
        text=payload.text,
        status=payload.status,
        expected_version=payload.version,
    )
    return Status(201, note)


# --- Announcements ----------------------------------------------------------------------------


class AnnouncementOut(Schema):
    id: int
    region: str
    title: str
    body: str
    published_at: datetime.datetime
    recipients: list[str]

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_recipients(obj):
        return [r.region.code for r in obj.recipients.select_related("region")]


class ReadOut(Schema):
    region: str
    read_at: datetime.datetime | None
    read_by: str | None


class AnnouncementDetailOut(Schema):
    id: int
    region: str
    title: str
    body: str
    published_at: datetime.datetime
    recipients: list[str]
    reads: list[ReadOut] | None = None


class AnnouncementIn(Schema):
    title: str
    body: str
    recipients: list[str] | None = None


def _reads(announcement) -> list[dict]:
    first = {}
    for read in (
        AnnouncementRead.objects.filter(announcement=announcement)
        .select_related("user")
        .order_by("read_at")
    ):
        first.setdefault(read.region_id, read)
    return [
        {
            "region": r.region.code,
            "read_at": first[r.region_id].read_at if r.region_id in first else None,
            "read_by": first[r.region_id].user.get_username() if r.region_id in first else None,
        }
        for r in announcement.recipients.select_related("region")
    ]


@router.get("/regions/{code}/announcements", response=list[AnnouncementOut])
def list_announcements(request, code: str):
    """Announcements the province sent, or the kab/kota received."""
    region = get_region(request.user, code)
    return list(announcements_in(region)[:500])


@router.post("/regions/{code}/announcements", response={201: AnnouncementDetailOut, 400: Error})
def send_announcement(request, code: str, payload: AnnouncementIn):
    """Send an announcement from a province to its kab/kota (all unless `recipients`)."""
    region = get_region(request.user, code, Permission.ANNOUNCEMENT_SEND)
    recipients = (
        _regions(payload.recipients, "recipients") if payload.recipients is not None else None
    )
    announcement = services.send_announcement(
        region=region,
        by=request.user,
        title=payload.title,
        body=payload.body,
        recipients=recipients,
    )
    return Status(201, _announcement_detail(announcement, with_reads=True))


def _announcement_detail(announcement: Announcement, *, with_reads: bool) -> dict:
    return {
        "id": announcement.pk,
        "region": announcement.region.code,
        "title": announcement.title,
        "body": announcement.body,
        "published_at": announcement.published_at,
        "recipients": [r.region.code for r in announcement.recipients.select_related("region")],
        "reads": _reads(announcement) if with_reads else None,
    }


@router.get("/regions/{code}/announcements/{announcement_id}", response=AnnouncementDetailOut)
def get_announcement_detail(request, code: str, announcement_id: int):
    """One announcement. Opening it as a user of a receiving kab/kota records a read receipt; the
    sending province gets `reads` (which kab/kota have read it)."""
    region = get_region(request.user, code)
    announcement = get_announcement(region, announcement_id)
    services.record_read(announcement=announcement, region=region, by=request.user)
    return _announcement_detail(announcement, with_reads=region.pk == announcement.region_id)
