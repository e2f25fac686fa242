from django.urls import path

from meetings import views

app_name = "meetings"

_M = "r/<str:code>/meetings/<int:pk>/"

urlpatterns = [
    path("r/<str:code>/meetings/", views.meeting_list, name="list"),
    path("r/<str:code>/meetings/new/", views.meeting_create, name="create"),
    path("r/<str:code>/meetings/attendance/", views.attendance_report, name="attendance_report"),
    path(_M, views.meeting_detail, name="detail"),
    path(_M + "edit/", views.meeting_edit, name="edit"),
    path(_M + "invitees/", views.meeting_invitees, name="invitees"),
    path(_M + "invitees/group/", views.invite_group, name="invite_group"),
    path(_M + "guests/", views.guest_add, name="guest_add"),
    path(
        _M + "participants/<int:participant_pk>/delete/",
        views.participant_delete,
        name="participant_delete",
    ),
    path(_M + "agenda/", views.agenda_add, name="agenda_add"),
    path(_M + "agenda/<int:item_pk>/delete/", views.agenda_delete, name="agenda_delete"),
    path(_M + "materials/", views.material_add, name="material_add"),
    path(_M + "materials/<int:material_pk>/", views.material_download, name="material_download"),
    path(_M + "materials/<int:material_pk>/delete/", views.material_delete, name="material_delete"),
    path(_M + "invitation.pdf", views.invitation_pdf, name="invitation_pdf"),
    path(_M + "calendar.ics", views.calendar_ics, name="calendar"),
    path(_M + "invitations/send/", views.send_invitations, name="send_invitations"),
    path(_M + "attendance/", views.attendance, name="attendance"),
    path(_M + "attendance.pdf", views.attendance_sheet, name="attendance_sheet"),
    path(_M + "minutes/", views.minutes_view, name="minutes"),
    path(_M + "minutes/edit/", views.minutes_edit, name="minutes_edit"),
    path(_M + "minutes/approve/", views.minutes_approve, name="minutes_approve"),
    path(_M + "minutes/withdraw/", views.minutes_withdraw, name="minutes_withdraw"),
    path(_M + "minutes.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("r/<str:code>/action-items/", views.item_list, name="items"),
    path("r/<str:code>/action-items/new/", views.item_create, name="item_create"),
    path("r/<str:code>/action-items/done/", views.items_done, name="items_done"),
    path("r/<str:code>/action-items/<int:pk>/", views.item_detail, name="item_detail"),
    path("r/<str:code>/action-items/<int:pk>/edit/", views.item_edit, name="item_edit"),
    path("r/<str:code>/action-items/<int:pk>/progress/", views.item_progress, name="item_progress"),
    path(
        "r/<str:code>/action-items/<int:pk>/notes/<int:note_pk>/evidence/",
        views.item_evidence,
        name="item_evidence",
    ),
    path("r/<str:code>/agenda/", views.region_agenda, name="agenda"),
    path("r/<str:code>/announcements/", views.announcement_list, name="announcements"),
    path("r/<str:code>/announcements/new/", views.announcement_create, name="announcement_create"),
    path(
        "r/<str:code>/announcements/<int:pk>/",
        views.announcement_detail,
        name="announcement_detail",
    ),
    path("r/<str:code>/letterhead/", views.letterhead_edit, name="letterhead"),
    path("r/<str:code>/letterhead/logo/", views.letterhead_logo, name="letterhead_logo"),
]
