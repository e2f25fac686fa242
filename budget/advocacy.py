"""The advocacy letter to the Bupati/Wali Kota of a kab/kota with a budget flag: the region's
own figures (indicator values against targets, what the Pokja did, the budget asked), issued by
the province as a numbered letter from its register with its verification QR code and, when
asked, its electronic signature (letters.services.issue_letter)."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from budget.calendar import budget_year_in_preparation, calendar_for
from budget.models import BudgetAllocation
from letters.models import LetterType
from letters.pdf import render_pdf
from letters.services import issue_letter


@dataclass
class Figures:
    region: object
    province: object
    budget_year: int
    kua_ppas: datetime.date
    asked: int | None
    indicators: list = field(default_factory=list)
    meetings_held: int = 0
    actions_done: int = 0
    actions_open: int = 0
    work_plan_approved: bool = False
    last_allocation: object = None


def head_title(region) -> str:
    return "Wali Kota" if region.name.lower().startswith("kota") else "Bupati"


def figures(region, *, asked=None, today=None) -> Figures:
    from indicators.models import Target, Value
    from meetings.models import ActionItem, Meeting
    from planning.models import WorkPlan
    from workgroups.services import active_workgroup

    today = today or timezone.localdate()
    budget_year = budget_year_in_preparation(today)
    result = Figures(
        region=region,
        province=region.parent,
        budget_year=budget_year,
        kua_ppas=calendar_for(region, budget_year).kua_ppas,
        asked=asked or None,
    )
    latest = {}
    for value in (
        Value.objects.filter(region=region, period="")
        .select_related("indicator")
        .order_by("indicator__order", "-year", "source")
    ):
        latest.setdefault(value.indicator_id, value)
    targets = {
        (t.indicator_id, t.year): t.value
        for t in Target.objects.filter(
            region=region, indicator_id__in=latest, year__in={v.year for v in latest.values()}
        )
    }
    result.indicators = [
        {"value": v, "target": targets.get((v.indicator_id, v.year))} for v in latest.values()
    ]
    year_ago = timezone.now() - datetime.timedelta(days=365)
    result.meetings_held = (
        Meeting.objects.filter(
            status=Meeting.Status.SCHEDULED, starts_at__gte=year_ago, starts_at__lte=timezone.now()
        )
        .filter(region=region)
        .count()
    )
    items = ActionItem.objects.filter(assigned_region=region)
    result.actions_done = items.filter(status=ActionItem.Status.DONE).count()
    result.actions_open = items.filter(status__in=ActionItem.OPEN_STATUSES).count()
    workgroup = active_workgroup(region)
    if workgroup is not None:
        result.work_plan_approved = WorkPlan.objects.filter(
            workgroup=workgroup, year=today.year, status=WorkPlan.Status.APPROVED
        ).exists()
        result.last_allocation = (
            BudgetAllocation.objects.filter(workgroup=workgroup).order_by("-year", "pk").first()
        )
    return result


def subject(region, budget_year) -> str:
    return f"Dukungan Anggaran Pokja Bangga Kencana {region.display_name} Tahun {budget_year}"


def issue_advocacy_letter(*, by, province, region, asked=None, sign=False):
    """Number, render (and sign) the advocacy letter of `province` to `region`'s head."""
    data = figures(region, asked=asked)
    return issue_letter(
        by=by,
        office=province,
        letter_type=LetterType.ADVOCACY,
        subject=subject(region, data.budget_year),
        title=subject(region, data.budget_year),
        recipient=f"{head_title(region)} {region.display_name}",
        sign=sign,
        location=province.name,
        render=lambda letter, stamp: render_pdf(
            "budget/advocacy_letter.html",
            {
                "f": data,
                "letter": letter,
                "stamp": stamp,
                "head": head_title(region),
                "today": timezone.localdate(),
            },
        ),
    )
