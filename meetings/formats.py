"""Indonesian dates and times as letters print them: `Senin, 24 Juli 2023`, `09.00 WITA`."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone
from django.utils.translation import gettext as _

from core.longdates import long_date
from meetings.timezones import ABBREVIATIONS, zone_name


def day_date(value) -> str:
    """`2023-07-24` → `Senin, 24 Juli 2023`."""
    if value is None:
        return "–"
    return long_date(local_date(value), language="id", weekday=True)


def local_date(value, tz=None) -> datetime.date:
    """The calendar date of a date or datetime; aware datetimes in `tz` (default: the current
    zone), so 07.00 WITA is never shown as the previous day (23.00 UTC)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value, tz)
        return value.date()
    return value


def time_of_day(value: datetime.datetime, region) -> str:
    """An aware datetime → `09.00 WITA` in the region's zone."""
    zone = zone_name(region)
    local = timezone.localtime(value, ZoneInfo(zone))
    return f"{local:%H.%M} {ABBREVIATIONS[zone]}"


def meeting_dates(meeting) -> str:
    """`Senin, 24 Juli 2023` or `Senin, 24 Juli 2023 s.d. Selasa, 25 Juli 2023`."""
    start, end = meeting.local_start().date(), meeting.local_end().date()
    if start == end:
        return day_date(start)
    return _("%(start)s to %(end)s") % {"start": day_date(start), "end": day_date(end)}


def meeting_times(meeting) -> str:
    """`09.00 WITA s.d. 16.00 WITA` (from the first day's start to the last day's end)."""
    return _("%(start)s to %(end)s") % {
        "start": time_of_day(meeting.starts_at, meeting.region),
        "end": time_of_day(meeting.ends_at, meeting.region),
    }


def meeting_when(meeting) -> str:
    """Dates and times on one line, for lists and e-mails."""
    return f"{meeting_dates(meeting)}, {meeting_times(meeting)}"


def meeting_days(meeting) -> list[datetime.date]:
    """Every calendar day the meeting spans, in the organiser's zone."""
    start, end = meeting.local_start().date(), meeting.local_end().date()
    return [start + datetime.timedelta(days=i) for i in range((end - start).days + 1)]


def session_when(item, meeting) -> str:
    """An agenda item's time in the meeting's zone: `Senin, 24 Juli 2023, 09.00–10.00 WITA`."""
    if item.starts_at is None:
        return ""
    tz = meeting.tz
    text = f"{day_date(local_date(item.starts_at, tz))}, {timezone.localtime(item.starts_at, tz):%H.%M}"
    if item.ends_at:
        text += f"–{timezone.localtime(item.ends_at, tz):%H.%M}"
    return f"{text} {ABBREVIATIONS[zone_name(meeting.region)]}"
