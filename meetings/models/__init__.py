"""Forum Komunikasi: meetings with their invitations, agenda, materials and attendance; minutes
(notulen) with decisions; action items and commitments with their follow-up; announcements from
the province; the reminder log; and each region's letterhead (kop surat) for printed letters.

A meeting belongs to the region that organises it and is reached through that region or through
a region it invites (`/r/<code>/meetings/<pk>/`). An action item belongs to the region that set it
and is also reached through the region it is assigned to.

The models live in three modules: `meeting` (meetings, invitations, agenda, materials, uploads,
letterhead), `outcomes` (attendance, minutes and decisions, action items and their follow-up) and
`announcements` (announcements and the reminder log). This package names them all, so
`from meetings.models import Meeting` keeps working and the app label stays `meetings`.
"""

# Imported in the order the models were declared in one module, which is the order Django lists
# them in (backup and restore follow it).
# ruff: noqa: I001
from meetings.models.meeting import (
    AgendaItem,
    FileType,
    InvitedInstitution,
    InvitedRegion,
    Letterhead,
    Material,
    Meeting,
    TypedUploadTo,
)
from meetings.models.outcomes import ActionItem, Decision, Minutes, Participant, ProgressNote
from meetings.models.announcements import (
    Announcement,
    AnnouncementRead,
    AnnouncementRecipient,
    ReminderLog,
)

__all__ = [
    "ActionItem",
    "AgendaItem",
    "Announcement",
    "AnnouncementRead",
    "AnnouncementRecipient",
    "Decision",
    "FileType",
    "InvitedInstitution",
    "InvitedRegion",
    "Letterhead",
    "Material",
    "Meeting",
    "Minutes",
    "Participant",
    "ProgressNote",
    "ReminderLog",
    "TypedUploadTo",
]
