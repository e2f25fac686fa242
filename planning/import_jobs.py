"""Activity imports (a work plan's activities) as background jobs (jobs.imports has the
pattern): the page checks the file by content and queues it; the job adds every activity, or
none, with its success."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import region_view
from accounts.permissions import Permission
from jobs.imports import import_kind, save_at_once, start_import
from jobs.models import Job
from planning import services
from planning.forms import ImportForm
from planning.models import WorkPlan

KIND = "planning.activities_import"


def summary(created) -> str:
    return _("%(count)d activities were imported.") % {"count": len(created)}


@import_kind(KIND, label=gettext_lazy("Activity import"))
def run_import(ctx, uploaded) -> None:
    plan = ctx.input(WorkPlan, ctx.params["plan"], what=_("The work plan"))
    save_at_once(ctx, summary, services.import_activities, plan=plan, uploaded=uploaded)


def start(*, by, plan, region, uploaded) -> Job:
    title = _("Activity import: %(file)s (work plan %(year)s, %(region)s)")
    return start_import(
        kind=KIND,
        by=by,
        region=region,
        uploaded=uploaded,
        title=title,
        title_values={"year": plan.year},
        params={"plan": plan.pk},
        link=reverse("planning:detail", args=[region.code, plan.year]),
    )


@region_view(Permission.PLAN_EDIT)
def activity_import(request, region, year):
    """Upload the filled-in template: checked by content here, imported by a job whose page
    shows the progress, the problems by row and column (all rows are added, or none) and a link
    to the work plan."""
    plan = services.plan_for_region(region, year)
    if plan is None:
        raise Http404("No work plan for this year")
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start(by=request.user, plan=plan, region=region, uploaded=form.cleaned_data["file"])
        return redirect("jobs:detail", job.pk)
    return render(
        request,
        "planning/activity_import.html",
        {"region": region, "form": form, "plan": plan},
    )
