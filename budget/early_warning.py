"""The province's early warning: per kab/kota, the risks that the Pokja falls out of the next
regional budget or stops working, each with its reason, its date and the action that clears it.

Flags (issue 24, docs/budget-calendar.md):
- `no_workgroup`: the kab/kota has no active Pokja;
- `budget`: no Pokja budget recorded for the budget year in preparation, from `warn_weeks`
  before the KUA-PPAS until the RAPBD is approved (high once the KUA-PPAS date has passed);
- `decree`: the SK has expired (high) or expires within 90 days (medium);
- `work_plan`: this year's work plan not approved by the end of the first quarter;
- `meeting`: no meeting held (organised or attended by invitation) in six months;
- `actions`: follow-up actions assigned to the kab/kota past their due date;
- `indicators`: capaian below 70 or worse two years running (budget.indicator_flags).

Everything is read live, so a flag clears as soon as its cause is fixed; the daily job
(budget.warning_jobs) tells people about the budget flag.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from budget.calendar import budget_year_in_preparation, calendars_for
from budget.indicator_flags import indicator_flag, off_track
from budget.models import BudgetAllocation

HIGH, MEDIUM, LOW = 3, 2, 1
DECREE_DAYS = 90
MEETING_DAYS = 183


@dataclass
class Flag:
    region: object
    code: str
    severity: int
    reason: str
    date: datetime.date | None
    action: str
    url: str

    @property
    def severity_label(self) -> str:
        return {HIGH: _("High"), MEDIUM: _("Medium"), LOW: _("Low")}[self.severity]

    @property
    def severity_key(self) -> str:
        return {HIGH: "high", MEDIUM: "medium", LOW: "low"}[self.severity]


def _fmt(date) -> str:
    return date.strftime("%d-%m-%Y")


def _url(name, region) -> str:
    return reverse(name, kwargs={"code": region.code})


# The flags whose words do not depend on more than a date and a number: severity, reason,
# action and the page that clears them. A reason's `%(date)s` is the flag's date.
_SIMPLE = {
    "no_workgroup": (
        HIGH,
        gettext_lazy("The kab/kota has no active Pokja."),
        gettext_lazy("Form the Pokja and record its SK."),
        "workgroups:profile",
    ),
    "work_plan": (
        MEDIUM,
        gettext_lazy("The work plan for %(year)s was not approved by %(date)s."),
        gettext_lazy("Approve the work plan and record its approval."),
        "planning:list",
    ),
    "meeting": (
        LOW,
        gettext_lazy("No Pokja or forum meeting held in the last six months."),
        gettext_lazy("Hold a Pokja meeting and record it."),
        "meetings:list",
    ),
    "actions": (
        MEDIUM,
        gettext_lazy("%(count)d follow-up actions are overdue (the oldest since %(date)s)."),
        gettext_lazy("Finish the overdue actions or update their status."),
        "meetings:items",
    ),
}


def _flag(region, code, date=None, **values) -> Flag:
    severity, reason, action, view = _SIMPLE[code]
    if date is not None:
        reason = reason % {**values, "date": _fmt(date)}
    return Flag(
        region=region,
        code=code,
        severity=severity,
        reason=str(reason),
        date=date,
        action=str(action),
        url=_url(view, region),
    )


def budget_flag(region, calendar, budgeted: bool, today) -> Flag | None:
    """The budget flag of one kab/kota, or None (outside the window, or budget recorded)."""
    if budgeted:
        return None
    warn_from = calendar.kua_ppas - datetime.timedelta(weeks=calendar.warn_weeks)
    if not warn_from <= today <= calendar.rapbd:
        return None
    values = {"year": calendar.budget_year, "date": _fmt(calendar.kua_ppas)}
    if today > calendar.kua_ppas:
        reason = (
            _("No Pokja budget recorded for %(year)s and the KUA-PPAS was due on %(date)s.")
            % values
        )
    else:
        reason = _("No Pokja budget recorded for %(year)s; the KUA-PPAS is due on %(date)s.") % (
            values
        )
    return Flag(
        region=region,
        code="budget",
        severity=HIGH if today > calendar.kua_ppas else MEDIUM,
        reason=reason,
        date=calendar.kua_ppas,
        action=_("Record the Pokja budget proposed for %(year)s, or send an advocacy letter.")
        % values,
        url=_url("budget:list", region),
    )


def flags_for(regions, *, today: datetime.date | None = None) -> list[Flag]:
    """All flags of `regions` (kab/kota), most severe first, then by date and region code."""
    from meetings.models import ActionItem, Meeting
    from planning.models import WorkPlan
    from workgroups.services import active_workgroups, current_decrees

    today = today or timezone.localdate()
    regions = list(regions)
    ids = [r.pk for r in regions]
    workgroups = active_workgroups(ids)
    wg_ids = [wg.pk for wg in workgroups.values()]
    budget_year = budget_year_in_preparation(today)
    calendars = calendars_for(regions, budget_year)
    budgeted = set(
        BudgetAllocation.objects.filter(workgroup_id__in=wg_ids, year=budget_year).values_list(
            "workgroup_id", flat=True
        )
    )
    decrees = current_decrees(wg_ids, on=today)
    last_decrees = _last_ends(wg_ids)
    approved = set(
        WorkPlan.objects.filter(
            workgroup_id__in=wg_ids, year=today.year, status=WorkPlan.Status.APPROVED
        ).values_list("workgroup_id", flat=True)
    )
    moment = timezone.make_aware(datetime.datetime.combine(today, datetime.time.max))
    held = Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED,
        starts_at__gte=moment - datetime.timedelta(days=MEETING_DAYS),
        starts_at__lte=moment,
    )
    met = set(held.filter(region_id__in=ids).values_list("region_id", flat=True)) | set(
        held.filter(invited_regions__region_id__in=ids).values_list(
            "invited_regions__region_id", flat=True
        )
    )
    overdue = dict(
        (row["assigned_region_id"], (row["n"], row["oldest"]))
        for row in ActionItem.objects.filter(
            assigned_region_id__in=ids,
            status__in=ActionItem.OPEN_STATUSES,
            due_date__lt=today,
        )
        .values("assigned_region_id")
        .annotate(n=Count("pk"), oldest=Min("due_date"))
    )
    indicator_problems = off_track(ids)
    quarter_end = datetime.date(today.year, 3, 31)
    flags: list[Flag] = []
    for region in regions:
        workgroup = workgroups.get(region.pk)
        if workgroup is None:
            flags.append(_flag(region, "no_workgroup"))
        else:
            flag = budget_flag(region, calendars[region.pk], workgroup.pk in budgeted, today)
            if flag:
                flags.append(flag)
            flags.extend(
                _decree_flag(region, decrees.get(workgroup.pk), last_decrees, workgroup, today)
            )
            if today > quarter_end and workgroup.pk not in approved:
                flags.append(_flag(region, "work_plan", quarter_end, year=today.year))
        if region.pk not in met:
            flags.append(_flag(region, "meeting"))
        if region.pk in indicator_problems:
            flags.append(indicator_flag(region, indicator_problems[region.pk], Flag, MEDIUM))
        if region.pk in overdue:
            count, oldest = overdue[region.pk]
            flags.append(_flag(region, "actions", oldest, count=count))
    flags.sort(key=lambda f: (-f.severity, f.date or datetime.date.max, f.region.code, f.code))
    return flags


def _last_ends(wg_ids) -> dict:
    from workgroups.models import Decree

    return dict(
        Decree.objects.filter(workgroup_id__in=wg_ids, valid_until__isnull=False)
        .values("workgroup_id")
        .annotate(last=Max("valid_until"))
        .values_list("workgroup_id", "last")
    )


def _decree_flag(region, decree, last_ends, workgroup, today) -> list[Flag]:
    url = _url("workgroups:decrees", region)
    if decree is None:
        ended = last_ends.get(workgroup.pk)
        return [
            Flag(
                region=region,
                code="decree",
                severity=HIGH,
                reason=(
                    _("The Pokja SK expired on %(date)s.") % {"date": _fmt(ended)}
                    if ended and ended < today
                    else _("The Pokja has no SK in force.")
                ),
                date=ended,
                action=_("Record the new SK of the Pokja."),
                url=url,
            )
        ]
    if decree.valid_until and (decree.valid_until - today).days <= DECREE_DAYS:
        return [
            Flag(
                region=region,
                code="decree",
                severity=MEDIUM,
                reason=_("The Pokja SK %(number)s expires on %(date)s.")
                % {"number": decree.number, "date": _fmt(decree.valid_until)},
                date=decree.valid_until,
                action=_("Renew the SK before it expires and record it."),
                url=url,
            )
        ]
    return []


def province_flags(province, *, today=None) -> list[Flag]:
    """The flags of every kab/kota of `province`."""
    return flags_for(province.children.order_by("code"), today=today)
