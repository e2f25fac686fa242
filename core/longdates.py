"""Dates and times written out in full, in the interface language: `4 Desember 2026`,
`Kamis, 4 Desember 2026 pukul 09.00 WITA` (English: `Thursday, 4 December 2026 at 09:00 WITA`).

One source for the wording: the full-date formats of core/locale_formats (DATE_FORMAT,
DATETIME_FORMAT), which the `date` filter and `localize` use too. The zone is the caller's (a
region's WIB/WITA/WIT, see regions.zones); this module knows none."""

import datetime

from django.utils import dateformat, formats, translation

WEEKDAY = "l, "  # the weekday in front of DATE_FORMAT, as DATETIME_FORMAT writes it


def _format(value, name: str, language=None, prefix: str = "") -> str:
    with translation.override(language or translation.get_language() or "id"):
        return dateformat.format(value, prefix + formats.get_format(name))


def long_date(value, *, language=None, weekday=False) -> str:
    """`4 Desember 2026` (with `weekday`: `Kamis, 4 Desember 2026`); None → `–`."""
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        value = value.date()
    return _format(value, "DATE_FORMAT", language, WEEKDAY if weekday else "")


def long_datetime(value, zone, abbreviation: str, *, language=None) -> str:
    """`Kamis, 4 Desember 2026 pukul 09.00 WITA`: an aware datetime in `zone`."""
    if value is None:
        return "–"
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    # DATETIME_FORMAT ends in the zone (`T`); the caller's abbreviation is written instead.
    text = _format(value.astimezone(zone), "DATETIME_FORMAT", language)
    return f"{text.rsplit(' ', 1)[0]} {abbreviation}"


def place_and_date(city: str, value, *, language="id") -> str:
    """The line above a signature: `Makassar, 4 Desember 2026`."""
    date = long_date(value, language=language)
    return f"{city}, {date}" if city else date
