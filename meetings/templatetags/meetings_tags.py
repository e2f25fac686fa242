from django import template

from core.formats import format_date_id
from meetings.formats import day_date, local_date, meeting_when, session_when, time_of_day

register = template.Library()
# `Senin, 24 Juli 2023 s.d. Selasa, 25 Juli 2023, 09.00 WITA s.d. 16.00 WITA`
register.filter("when", meeting_when)
register.filter("hari", day_date)  # `Senin, 24 Juli 2023`
register.filter("sesi", session_when)  # an agenda item's day and time in the meeting's zone


@register.filter
def jam(value, meeting):
    """A datetime as `09.00 WITA` in the meeting's zone."""
    if value is None:
        return ""
    return time_of_day(value, meeting.region)


@register.filter
def persen(value):
    return "–" if value is None else f"{value}%"


@register.filter
def lookup(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def tanggal_lokal(value):
    """A datetime's date in the current zone: `25 Juli 2023`."""
    return "–" if value is None else format_date_id(local_date(value))
