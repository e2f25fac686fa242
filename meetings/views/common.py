"""What the meetings pages share: the meeting one may edit, the way back to a meeting's page and
file responses."""

from django.http import HttpResponse
from django.urls import reverse

from core.uploads import download, safe_filename
from meetings.scope import get_meeting, require_meeting_edit


def detail_url(region, meeting, anchor="") -> str:
    url = reverse("meetings:detail", kwargs={"code": region.code, "pk": meeting.pk})
    return url + (f"#{anchor}" if anchor else "")


def meeting_page_url(name, region, meeting) -> str:
    """`meetings:<name>` of a meeting (invitees, attendance, minutes…) seen from `region`."""
    return reverse(f"meetings:{name}", kwargs={"code": region.code, "pk": meeting.pk})


def editable_meeting(request, region, pk):
    meeting = get_meeting(region, pk)
    require_meeting_edit(request.user, meeting)
    return meeting


def pdf_response(data: bytes, filename: str) -> HttpResponse:
    return download(data, "application/pdf", safe_filename(filename))
