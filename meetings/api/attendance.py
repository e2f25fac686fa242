"""API of a meeting's attendance and guests."""

from ninja import Schema, Status

from accounts.access import get_region
from meetings import services
from meetings.api.common import Error, _region, editable_meeting, router
from meetings.api.meetings import AttendanceSummary
from meetings.attendance import attendance_summary
from meetings.models import Participant
from meetings.scope import get_meeting


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
    meeting = editable_meeting(request, code, meeting_id)
    services.record_attendance(
        meeting=meeting, by=request.user, entries=[e.dict() for e in payload.entries]
    )
    return _attendance(meeting)


@router.post(
    "/regions/{code}/meetings/{meeting_id}/participants", response={201: ParticipantOut, 400: Error}
)
def add_participant(request, code: str, meeting_id: int, payload: GuestIn):
    """Write in a guest by name: invited (`invited=true`) or a walk-in."""
    meeting = editable_meeting(request, code, meeting_id)
    data = payload.dict()
    data["region"] = _region(data["region"], "region")
    return Status(201, services.add_guest(meeting=meeting, by=request.user, **data))
