from django.urls import path

from core.routes import crud, plain
from meetings import views

app_name = "meetings"

MEETINGS = "r/<str:code>/meetings/"
_M = MEETINGS + "<int:pk>/"
AGENDA = _M + "agenda/"
MATERIALS = _M + "materials/"
ITEMS = "r/<str:code>/action-items/"
ANNOUNCEMENTS = "r/<str:code>/announcements/"
DELETE = {"actions": ("delete",), "named": True}  # only the record's `<stem>_delete` route

urlpatterns = [
    *crud(MEETINGS, views, "meeting", actions=("list", "create", "detail", "edit")),
    path(MEETINGS + "attendance/", views.attendance_report, name="attendance_report"),
    # Invitations: who is invited, the agenda and materials, the letter and the calendar entry
    path(_M + "invitees/", views.meeting_invitees, name="invitees"),
    path(_M + "invitees/group/", views.invite_group, name="invite_group"),
    path(_M + "guests/", views.guest_add, name="guest_add"),
    *crud(_M + "participants/", views, "participant", key="<int:participant_pk>", **DELETE),
    path(AGENDA, views.agenda_add, name="agenda_add"),
    *crud(AGENDA, views, "agenda", key="<int:item_pk>", **DELETE),
    path(MATERIALS, views.material_add, name="material_add"),
    path(MATERIALS + "<int:material_pk>/", views.material_download, name="material_download"),
    *crud(MATERIALS, views, "material", key="<int:material_pk>", **DELETE),
    path(_M + "invitation.pdf", views.invitation_pdf, name="invitation_pdf"),
    path(_M + "calendar.ics", views.calendar_ics, name="calendar"),
    path(_M + "invitations/send/", views.send_invitations, name="send_invitations"),
    # Attendance and minutes
    *plain(_M, views, "attendance"),
    path(_M + "attendance.pdf", views.attendance_sheet, name="attendance_sheet"),
    path(_M + "minutes/", views.minutes_view, name="minutes"),
    *plain(_M + "minutes/", views, "edit", "approve", "withdraw", stem="minutes"),
    path(_M + "minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    # Follow-up actions
    *crud(ITEMS, views, "item", actions=("list", "create", "edit"), more=("progress",), named=True),
    path(ITEMS + "done/", views.items_done, name="items_done"),
    path(ITEMS + "<int:pk>/", views.item_detail, name="item_detail"),
    path(
        ITEMS + "<int:pk>/notes/<int:note_pk>/evidence/", views.item_evidence, name="item_evidence"
    ),
    path("r/<str:code>/agenda/", views.region_agenda, name="agenda"),
    # Announcements and the office's letterhead
    *crud(ANNOUNCEMENTS, views, "announcement", actions=("list", "create"), named=True),
    path(ANNOUNCEMENTS + "<int:pk>/", views.announcement_detail, name="announcement_detail"),
    path("r/<str:code>/letterhead/", views.letterhead_edit, name="letterhead"),
    path("r/<str:code>/letterhead/logo/", views.letterhead_logo, name="letterhead_logo"),
]
