"""A meeting's documents as files: the invitation letter, the attendance sheet and the minutes
(PDF), and the calendar entry (ICS)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import region_view
from accounts.permissions import Permission
from core.uploads import download
from meetings.calendar import meeting_ics
from meetings.links import meeting_url
from meetings.models import Minutes
from meetings.scope import can_edit_meeting, get_meeting
from meetings.views.common import pdf_response


@region_view(Permission.REGION_VIEW)
def invitation_pdf(request, region, pk):
    from meetings.pdf import invitation_pdf as build

    meeting = get_meeting(region, pk)
    return pdf_response(build(meeting), f"Undangan-{meeting.pk}.pdf")


@region_view(Permission.REGION_VIEW)
def calendar_ics(request, region, pk):
    meeting = get_meeting(region, pk)
    return download(
        meeting_ics(meeting, url=meeting_url(meeting, region)),
        "text/calendar; charset=utf-8",
        f"rapat-{meeting.pk}.ics",
    )


@region_view(Permission.REGION_VIEW)
def attendance_sheet(request, region, pk):
    from meetings.pdf import attendance_sheet_pdf

    meeting = get_meeting(region, pk)
    try:
        blank = max(0, min(int(request.GET.get("blank", 10)), 60))
    except ValueError:
        blank = 10
    return pdf_response(
        attendance_sheet_pdf(meeting, blank_rows=blank), f"Daftar-hadir-{meeting.pk}.pdf"
    )


@region_view(Permission.REGION_VIEW)
def minutes_pdf(request, region, pk):
    from meetings.pdf import minutes_pdf as build

    meeting = get_meeting(region, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise Http404("No minutes")
    if not minutes.is_approved and not can_edit_meeting(request.user, meeting):
        raise PermissionDenied
    return pdf_response(build(meeting), f"Notulen-{meeting.pk}.pdf")
