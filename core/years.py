"""The one default year of every page that takes a year (`?year=`): the open assessment year,
the calendar year whose Pokja work is under way and can still be submitted and verified (not
last year). Pages say which year they show; links carry `?year=`.

    from core.years import open_year, selected_year, year_choices
"""

from django.http import Http404
from django.utils import timezone

# The first year with assessment criteria (the Sulsel 2023 criteria applied back to 2021).
FIRST_YEAR = 2021


def open_year() -> int:
    """The open assessment year: the current calendar year (local time)."""
    return timezone.localdate().year


def selected_year(request, default=None) -> int:
    """`?year=` (or a posted `year`), else `default`, else the open year; 404 outside
    FIRST_YEAR … next year."""
    try:
        year = int(request.GET.get("year") or request.POST.get("year") or default or open_year())
    except ValueError:
        raise Http404 from None
    if not FIRST_YEAR <= year <= open_year() + 1:
        raise Http404
    return year


def year_choices() -> list[int]:
    """The years offered in the year pickers of assessment, dashboards and reports: newest
    first."""
    return list(range(open_year(), FIRST_YEAR - 1, -1))
