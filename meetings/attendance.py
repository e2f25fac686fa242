"""Attendance figures: per meeting (invited, present, represented, absent, rate), per
institution (one meeting or all meetings of a region) and, for a forum, per invited region."""

from collections import OrderedDict

from django.utils.translation import gettext as _

from meetings.models import Participant


def attendance_summary(meeting) -> dict:
    """Counts for one meeting: invited, present, represented, absent, not recorded, walk-ins,
    and the attendance rate (present or represented, over those invited)."""
    counts = {status: 0 for status in Participant.Attendance.values}
    invited = walk_ins = attended_invited = 0
    for participant in meeting.participants.all():
        counts[participant.attendance] += 1
        if participant.invited:
            invited += 1
            attended_invited += participant.attended
        else:
            walk_ins += 1
    return {
        "invited": invited,
        "walk_ins": walk_ins,
        "present": counts["present"],
        "represented": counts["represented"],
        "absent": counts["absent"],
        "unknown": counts["unknown"],
        "rate": round(100 * attended_invited / invited) if invited else None,
    }


def rates_by_institution(participants) -> list[dict]:
    """Attendance per institution over `participants` (one meeting or many): invited, attended
    (present or represented) and the rate. Walk-ins count as attended but not as invited."""
    groups = OrderedDict()
    for p in sorted(participants, key=lambda p: (p.institution_name or "~").lower()):
        key = p.institution_name or _("(no institution)")
        group = groups.setdefault(
            key, {"institution": key, "invited": 0, "attended": 0, "invited_attended": 0}
        )
        group["invited"] += p.invited
        group["attended"] += p.attended
        group["invited_attended"] += p.invited and p.attended
    result = []
    for group in groups.values():
        group["rate"] = (
            round(100 * group["invited_attended"] / group["invited"]) if group["invited"] else None
        )
        result.append(group)
    return result


def regions_attendance(meeting) -> list[dict]:
    """For a forum: did each invited region send someone?"""
    attended = set(
        meeting.participants.filter(
            attendance__in=[Participant.Attendance.PRESENT, Participant.Attendance.REPRESENTED]
        ).values_list("region_id", flat=True)
    )
    return [
        {"region": invited.region, "attended": invited.region_id in attended}
        for invited in meeting.invited_regions.select_related("region")
    ]
