"""The .ics calendar file of a meeting (RFC 5545), for calendar apps and e-mail attachments."""

import datetime

from django.conf import settings
from django.utils import timezone


def meeting_uid(meeting) -> str:
    host = (
        settings.SIPOKJA_BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "sipokja"
    )
    return f"meeting-{meeting.pk}@{host}"


def meeting_ics(meeting, *, url: str = "") -> bytes:
    """One VEVENT from the first day's start to the last day's end, in the organiser's zone."""
    import icalendar  # here, not at start-up: every process would pay 3 MB for it

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Sipokja//Forum Komunikasi Pokja Bangga Kencana//ID")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", datetime.datetime.now(datetime.UTC))
    event.add("dtstart", meeting.local_start())
    event.add("dtend", meeting.local_end())
    event.add("summary", meeting.title)
    # Every save bumps the version, so calendars replace an older copy of the event.
    event.add("sequence", meeting.version)
    event.add("last-modified", (meeting.updated_at or timezone.now()).astimezone(datetime.UTC))
    location = ", ".join(part for part in (meeting.venue, meeting.online_url) if part)
    if location:
        event.add("location", location)
    description = meeting.description or ""
    if meeting.online_url:
        description = f"{description}\n\n{meeting.online_url}".strip()
    if description:
        event.add("description", description)
    if url:
        event.add("url", url)
    if meeting.region.office_email:
        organizer = icalendar.vCalAddress(f"mailto:{meeting.region.office_email}")
        organizer.params["cn"] = icalendar.vText(
            meeting.region.office_name or meeting.region.display_name
        )
        event.add("organizer", organizer)
    event.add("status", "CANCELLED" if meeting.is_cancelled else "CONFIRMED")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
