"""Printed documents on the organiser's letterhead (kop surat), A4, always in Indonesian:
the invitation letter (undangan) with its list of invitees, the attendance sheet (daftar hadir)
and the minutes (notulen). Rendered by core.pdf; it may load nothing but `data:` URIs and Sipokja's static files, so a
document can never reach the network or the file system."""

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core import pdf
from core.formats import format_date_id
from meetings.attendance import attendance_summary
from meetings.formats import day_date, meeting_dates, meeting_days, meeting_times
from meetings.kop import kop

NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}


def letterhead_context(region) -> dict:
    """The organiser's kop surat with its logo (or the province's, or the neutral default) and
    the city of the place-and-date line (meetings.kop)."""
    return kop(region)


def render_pdf(template: str, context: dict) -> bytes:
    with translation.override("id"):
        html = render_to_string(template, context)
    return pdf.render_pdf(html)


def invitees(meeting) -> list[dict]:
    """The attachment of the letter: invited regions (to the head of their Pokja), institutions
    (to their head) and persons."""
    rows = []
    for invited in meeting.invited_regions.select_related("region"):
        rows.append(
            {"name": _("Chair of the Pokja Bangga Kencana"), "where": invited.region.display_name}
        )
    for invited in meeting.invited_institutions.select_related("institution__region"):
        rows.append(
            {
                "name": _("Head of %(institution)s") % {"institution": invited.institution.name},
                "where": invited.institution.region.display_name,
            }
        )
    for participant in meeting.participants.filter(invited=True).select_related("region"):
        name = participant.name + (f", {participant.position}" if participant.position else "")
        where = participant.institution_name or (
            participant.region.display_name if participant.region_id else ""
        )
        rows.append({"name": name, "where": where})
    return rows


def invitation_pdf(meeting) -> bytes:
    with translation.override("id"):
        rows = invitees(meeting)
        attachment = (
            _("%(count)s (%(words)s) document") % {"count": 1, "words": NUMBER_WORDS[1]}
            if rows
            else "–"
        )
        context = {
            **letterhead_context(meeting.region),
            "meeting": meeting,
            "dates": meeting_dates(meeting),
            "times": meeting_times(meeting),
            "letter_date": format_date_id(meeting.letter_date or timezone.localdate()),
            "nature": {"biasa": "Biasa", "penting": "Penting", "segera": "Segera"}.get(
                meeting.letter_nature, ""
            ),
            "subject": meeting.letter_subject or _("Invitation"),
            "attachment": attachment,
            "invitees": rows,
            "agenda": meeting.agenda_items.all(),
        }
    return render_pdf("meetings/pdf/invitation.html", context)


def attendance_sheet_pdf(meeting, *, blank_rows: int = 10) -> bytes:
    """One sheet per day of the meeting: the invited list, then empty rows for walk-ins."""
    participants = list(meeting.participants.select_related("region"))
    rows = [
        {
            "name": p.name,
            "institution": " / ".join(x for x in (p.institution_name, p.position) if x),
        }
        for p in participants
    ]
    rows += [{"name": "", "institution": ""} for _i in range(blank_rows)]
    context = {
        **letterhead_context(meeting.region),
        "meeting": meeting,
        "days": [day_date(day) for day in meeting_days(meeting)],
        "times": meeting_times(meeting),
        "rows": rows,
    }
    return render_pdf("meetings/pdf/attendance.html", context)


def minutes_pdf(meeting) -> bytes:
    minutes = meeting.minutes
    with translation.override("id"):
        context = {
            **letterhead_context(meeting.region),
            "meeting": meeting,
            "minutes": minutes,
            "decisions": list(minutes.decisions.all()),
            "items": list(
                meeting.action_items.select_related(
                    "assigned_region", "assigned_institution", "assigned_member"
                )
            ),
            "dates": meeting_dates(meeting),
            "times": meeting_times(meeting),
            "summary": attendance_summary(meeting),
            "approved_on": day_date(timezone.localtime(minutes.approved_at, meeting.tz))
            if minutes.approved_at
            else "",
            "approver": (minutes.approved_by.get_full_name() or minutes.approved_by.get_username())
            if minutes.approved_by
            else "",
        }
    return render_pdf("meetings/pdf/minutes.html", context)
