"""Writes of the meetings app. Every function is keyword-only, takes the acting user as `by`,
runs in one transaction (all or nothing) and raises `DomainError` with translated messages when
the input breaks a rule. E-mail goes out only after the transaction commits.

One module per area (letterhead, meetings, invitations, attendance, minutes, action items,
announcements); this package names every service, so `from meetings import services` and
`services.create_meeting(...)` keep working.
"""

from meetings.services.actions import (
    create_action_item,
    mark_items_done,
    report_progress,
    update_action_item,
)
from meetings.services.announcements import record_read, send_announcement
from meetings.services.attendance import record_attendance, remove_participant
from meetings.services.common import service
from meetings.services.invitations import (
    add_guest,
    invite_members,
    send_invitations,
    set_invitees,
)
from meetings.services.letterhead import save_letterhead
from meetings.services.meetings import (
    add_agenda_item,
    add_material,
    create_meeting,
    delete_agenda_item,
    delete_material,
    eligible_institutions,
    eligible_members,
    eligible_regions,
    update_meeting,
)
from meetings.services.minutes import approve_minutes, save_minutes, withdraw_approval

__all__ = [
    "add_agenda_item",
    "add_guest",
    "add_material",
    "approve_minutes",
    "create_action_item",
    "create_meeting",
    "delete_agenda_item",
    "delete_material",
    "eligible_institutions",
    "eligible_members",
    "eligible_regions",
    "invite_members",
    "mark_items_done",
    "record_attendance",
    "record_read",
    "remove_participant",
    "report_progress",
    "save_letterhead",
    "save_minutes",
    "send_announcement",
    "send_invitations",
    "service",
    "set_invitees",
    "update_action_item",
    "update_meeting",
    "withdraw_approval",
]
