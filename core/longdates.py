"""Dates and times written out in full, in the interface language: `4 Desember 2026`,
`Kamis, 4 Desember 2026 pukul 09.00 WITA` (English: `Thursday, 4 December 2026 at 09:00 WITA`).

The zone is the caller's (a region's WIB/WITA/WIT, see regions.zones); this module knows none."""

import datetime

from django.utils import translation

from core.formats import MONTHS_ID

DAYS_ID = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _english(language=None) -> bool:
    return (language or translation.get_language() or "id").startswith("en")


def long_date(value, *, language=None, weekday=False) -> str:
    """`4 Desember 2026` (with `weekday`: `Kamis, 4 Desember 2026`); None → `–`."""
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        value = value.date()
    english = _english(language)
    months, days = (MONTHS_EN, DAYS_EN) if english else (MONTHS_ID, DAYS_ID)
    text = f"{value.day} {months[value.month - 1]} {value.year}"
    return f"{days[value.weekday()]}, {text}" if weekday else text


def long_datetime(value, zone, abbreviation: str, *, language=None) -> str:
    """`Kamis, 4 Desember 2026 pukul 09.00 WITA`: an aware datetime in `zone`."""
    if value is None:
        return "–"
    if isinstance(value, str):
        value = datetime.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.UTC)
    local = value.astimezone(zone)
    english = _english(language)
    day = long_date(local, language=language, weekday=True)
    if english:
        return f"{day} at {local:%H:%M} {abbreviation}"
    return f"{day} pukul {local:%H.%M} {abbreviation}"


def place_and_date(city: str, value, *, language="id") -> str:
    """The line above a signature: `Makassar, 4 Desember 2026`."""
    date = long_date(value, language=language)
    return f"{city}, {date}" if city else date
