"""The regional budget calendar (APBD cycle) of each region and budget year, and its writes.

The budget of year Y is prepared in year Y-1: the RKPD (regional government work plan) is
drafted January–May, the KUA-PPAS (general budget policy and provisional priorities and
ceilings) is agreed with the DPRD in July, and the RAPBD is approved by 30 November. Those are
the defaults (docs/budget-calendar.md gives the regulations); a region may record its own dates
per budget year, e.g. when its DPRD agreed the KUA-PPAS on another day.
"""

import datetime

from django.db import transaction

from audit.context import acting_as
from budget.models import BudgetCalendar
from core.concurrency import known_fields, save_record
from planning.common import full_clean_or_raise

CALENDAR_FIELDS = ("rkpd_from", "rkpd_until", "kua_ppas", "rapbd", "warn_weeks", "note")
DEFAULT_WARN_WEEKS = 8


def default_calendar(region, budget_year: int) -> BudgetCalendar:
    """The default milestones (unsaved) for `budget_year`, all in the year before it."""
    year = budget_year - 1
    return BudgetCalendar(
        region=region,
        budget_year=budget_year,
        rkpd_from=datetime.date(year, 1, 1),
        rkpd_until=datetime.date(year, 5, 31),
        kua_ppas=datetime.date(year, 7, 31),
        rapbd=datetime.date(year, 11, 30),
        warn_weeks=DEFAULT_WARN_WEEKS,
    )


def calendar_for(region, budget_year: int) -> BudgetCalendar:
    """The region's own calendar for `budget_year`, or the defaults (unsaved, pk None)."""
    return BudgetCalendar.objects.filter(region=region, budget_year=budget_year).first() or (
        default_calendar(region, budget_year)
    )


def calendars_for(regions, budget_year: int) -> dict[int, BudgetCalendar]:
    """{region_id: calendar} for many regions in one query (defaults where none is saved)."""
    saved = {
        c.region_id: c
        for c in BudgetCalendar.objects.filter(region__in=regions, budget_year=budget_year)
    }
    return {r.pk: saved.get(r.pk) or default_calendar(r, budget_year) for r in regions}


def budget_year_in_preparation(today: datetime.date) -> int:
    """The budget year whose cycle runs in `today`'s year: next year's."""
    return today.year + 1


@transaction.atomic
def save_calendar(*, by, region, budget_year, expected_version=None, **fields) -> BudgetCalendar:
    """Record or change `region`'s calendar for `budget_year` (audited)."""
    known_fields(fields, CALENDAR_FIELDS, "calendar")
    with acting_as(by):
        calendar = (
            BudgetCalendar.objects.select_for_update()
            .filter(region=region, budget_year=budget_year)
            .first()
        )
        creating = calendar is None
        if creating:
            calendar = BudgetCalendar(region=region, budget_year=budget_year)
        for name, value in fields.items():
            setattr(calendar, name, value)
        calendar.note = (calendar.note or "").strip()
        full_clean_or_raise(calendar, exclude=["region"])
        save_record(calendar, expected_version=expected_version)
        return calendar
