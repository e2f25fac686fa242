"""Member imports as background jobs (jobs.imports has the pattern): the page checks the file
by content and queues it; the job writes every member, or none, with its success."""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from accounts.access import region_view
from accounts.permissions import Permission
from jobs.imports import import_kind, save_at_once, start_import
from jobs.models import Job
from workgroups import services
from workgroups.forms import MemberImportForm
from workgroups.models import WorkGroup
from workgroups.views.common import with_workgroup

KIND = "workgroups.members_import"


def summary(result) -> str:
    text = ngettext(
        "%(count)d member was imported.",
        "%(count)d members were imported.",
        len(result.members),
    ) % {"count": len(result.members)}
    if result.institutions:
        text += " " + ngettext(
            "%(count)d new institution was added.",
            "%(count)d new institutions were added.",
            len(result.institutions),
        ) % {"count": len(result.institutions)}
    return text


@import_kind(KIND, label=gettext_lazy("Member import"))
def run_import(ctx, uploaded) -> None:
    workgroup = ctx.input(WorkGroup, ctx.params["workgroup"], what=_("The Pokja"))
    save_at_once(ctx, summary, services.import_members, workgroup=workgroup, uploaded=uploaded)


def start(*, by, workgroup, uploaded, next_url="") -> Job:
    """Queue the import; `next_url` (the guided path's "Lanjut →") is offered once it succeeds."""
    region = workgroup.region
    title = _("Member import: %(file)s (%(region)s)")
    params = {"workgroup": workgroup.pk, **({"next": next_url} if next_url else {})}
    link = reverse("workgroups:members", args=[region.code])
    return start_import(
        kind=KIND, by=by, region=region, uploaded=uploaded, title=title, params=params, link=link
    )


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def members_import(request, region, workgroup):
    """Upload a filled-in template: checked by content here, imported by a job whose page shows
    the progress, the problems by row and column (one bad row and nothing is saved) and a link
    to the members."""
    form = MemberImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        next_url = reverse("regions:next_step", args=[region.code])
        year = request.GET.get("year", "")
        job = start(
            by=request.user,
            workgroup=workgroup,
            uploaded=form.cleaned_data["file"],
            next_url=next_url + (f"?year={int(year)}" if year.isdigit() else ""),
        )
        return redirect("jobs:detail", job.pk)
    return render(
        request,
        "workgroups/member_import.html",
        {"region": region, "workgroup": workgroup, "form": form},
    )
