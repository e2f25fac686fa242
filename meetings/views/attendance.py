"""Who came: recording attendance of a meeting, and the region's attendance rates."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from meetings import services
from meetings.attendance import attendance_summary, rates_by_institution, regions_attendance
from meetings.forms import GuestForm
from meetings.models import Meeting, Participant
from meetings.views.common import editable_meeting


@region_view(Permission.MEETING_EDIT)
def attendance(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    participants = list(meeting.participants.select_related("region"))
    errors = []
    if request.method == "POST":
        entries = [
            {
                "participant_id": p.pk,
                "attendance": request.POST.get(f"attendance-{p.pk}", p.attendance),
                "represented_by": request.POST.get(f"represented_by-{p.pk}", ""),
            }
            for p in participants
        ]
        try:
            changed = services.record_attendance(meeting=meeting, by=request.user, entries=entries)
        except DomainError as exc:
            errors = [exc.message, *[e["message"] for e in exc.errors]]
            posted = {e["participant_id"]: e for e in entries}
            for p in participants:
                p.attendance = posted[p.pk]["attendance"]
                p.represented_by = posted[p.pk]["represented_by"]
        else:
            messages.success(
                request, _("Attendance saved (%(count)s changes).") % {"count": changed}
            )
            return redirect("meetings:attendance", code=region.code, pk=meeting.pk)
    return render(
        request,
        "meetings/attendance.html",
        {
            "region": region,
            "meeting": meeting,
            "participants": participants,
            "choices": Participant.Attendance.choices,
            "errors": errors,
            "summary": attendance_summary(meeting),
            "by_institution": rates_by_institution(participants),
            "by_region": regions_attendance(meeting),
            "guest_form": GuestForm(regions=services.eligible_regions(meeting), walk_in=True),
            "started": meeting.has_started,
        },
    )


@region_view(Permission.REGION_VIEW)
def attendance_report(request, region):
    """Attendance rates of the meetings organised by this region: per meeting and per institution."""
    meetings = list(
        Meeting.objects.filter(
            region=region, status=Meeting.Status.SCHEDULED, starts_at__lte=timezone.now()
        )
        .select_related("region")
        .order_by("-starts_at")[:100]
    )
    participants = list(Participant.objects.filter(meeting__in=meetings))
    rows = [{"meeting": m, "summary": attendance_summary(m)} for m in meetings]
    return render(
        request,
        "meetings/attendance_report.html",
        {"region": region, "rows": rows, "by_institution": rates_by_institution(participants)},
    )
