"""Writes of attendance: who came, in person or represented."""

from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from meetings.models import Participant
from meetings.services.common import _error, _raise, service


@service
def remove_participant(*, participant, by) -> None:
    participant.delete()


def _check_attendance_allowed(meeting):
    """Attendance may be prepared before the meeting (who is expected, who sends a
    representative) and saved at any time after; only a cancelled meeting has none."""
    if meeting.is_cancelled:
        raise DomainError(_("The meeting was cancelled: there is no attendance to record."))


@service
def record_attendance(*, meeting, by, entries) -> int:
    """Record attendance for several participants at once: `entries` is a list of
    `{"participant_id", "attendance", "represented_by"}`. All rows are saved or none; errors name
    the row. Returns the number of participants whose record changed."""
    _check_attendance_allowed(meeting)
    participants = {p.pk: p for p in meeting.participants.all()}
    errors, changes = [], []
    for row, entry in enumerate(entries, start=1):
        try:
            participant = participants[int(entry.get("participant_id"))]
        except (KeyError, TypeError, ValueError):
            errors.append(
                _error("participant_id", _("This person is not on the meeting's list."), row)
            )
            continue
        status = entry.get("attendance") or Participant.Attendance.UNKNOWN
        if status not in Participant.Attendance.values:
            errors.append(
                _error(
                    "attendance",
                    _("Unknown attendance value “%(value)s”.") % {"value": status},
                    row,
                )
            )
            continue
        represented_by = (entry.get("represented_by") or "").strip()
        if status != Participant.Attendance.REPRESENTED:
            represented_by = ""
        elif not represented_by:
            errors.append(
                _error(
                    "represented_by",
                    _("Write who represented %(name)s.") % {"name": participant.name},
                    row,
                )
            )
            continue
        if (participant.attendance, participant.represented_by) != (status, represented_by):
            changes.append((participant, status, represented_by))
    _raise(errors, _("The attendance was not saved. Correct the rows marked below."))
    now = timezone.now()
    for participant, status, represented_by in changes:
        participant.attendance = status
        participant.represented_by = represented_by
        participant.recorded_at = now
        participant.recorded_by = by
        participant.save(
            update_fields=["attendance", "represented_by", "recorded_at", "recorded_by"]
        )
    return len(changes)
