"""HTML pages of the forum, by area: meetings (list, form, page, programme, materials),
invitations, attendance, minutes, documents (PDF, ICS), follow-up actions and the region
agenda, announcements and the letterhead. Views parse input and go through accounts.crud (region
resolved once, permission checked, service called with the actor); meetings/scope.py adds the
meeting-level rights. meetings/urls.py names them as `views.<name>`."""

from meetings.views.actions import (
    item_create,
    item_detail,
    item_edit,
    item_evidence,
    item_list,
    item_progress,
    items_done,
    region_agenda,
)
from meetings.views.announcements import (
    announcement_create,
    announcement_detail,
    announcement_list,
)
from meetings.views.attendance import attendance, attendance_report
from meetings.views.documents import attendance_sheet, calendar_ics, invitation_pdf, minutes_pdf
from meetings.views.invitations import (
    guest_add,
    invite_group,
    meeting_invitees,
    participant_delete,
    send_invitations,
)
from meetings.views.letterhead import letterhead_edit, letterhead_logo
from meetings.views.meetings import (
    agenda_add,
    agenda_delete,
    material_add,
    material_delete,
    material_download,
    meeting_create,
    meeting_detail,
    meeting_edit,
    meeting_list,
)
from meetings.views.minutes import minutes_approve, minutes_edit, minutes_view, minutes_withdraw

__all__ = [
    "agenda_add", "agenda_delete", "announcement_create", "announcement_detail",
    "announcement_list", "attendance", "attendance_report", "attendance_sheet", "calendar_ics",
    "guest_add", "invitation_pdf", "item_create", "item_detail", "item_edit", "item_evidence",
    "invite_group", "item_list", "item_progress", "items_done", "letterhead_edit", "letterhead_logo", "material_add",
    "material_delete", "material_download", "meeting_create", "meeting_detail", "meeting_edit",
    "meeting_invitees", "meeting_list", "minutes_approve", "minutes_edit", "minutes_pdf",
    "minutes_view", "minutes_withdraw", "participant_delete", "region_agenda", "send_invitations",
]  # fmt: skip
