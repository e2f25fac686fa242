"""Indicator imports as background jobs: the page always queues one, the API does for a large
file or with `?background=1` (jobs.imports has the pattern)."""

from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import region_view
from accounts.permissions import Permission
from core.years import open_year
from indicators.forms import ImportForm
from indicators.models import DataSource, Indicator
from indicators.services import import_file
from jobs.engine import InputMissing
from jobs.imports import import_kind, start_import
from jobs.models import Job

KIND = "indicators.import"


@import_kind(KIND, label=gettext_lazy("Indicator import"))
def run_import(ctx, uploaded) -> None:
    """Read every row (progress: rows read), then write them all with the job's success."""
    if ctx.region is None:
        raise InputMissing(_("The region of this job no longer exists."))
    import_file(
        by=ctx.user,
        fileobj=uploaded,
        filename=uploaded.name,
        scope_region=ctx.region,
        progress=ctx.progress,
        atomic=ctx.atomic,
        saved=lambda result: ctx.message(result.summary(), level="info"),
    )


def checked_upload(uploaded):
    """The upload, checked by content as the page's form does (size, a workbook passing the
    spreadsheet guard or a text file); ValidationError (400 in the API) otherwise."""
    form = ImportForm(data={}, files={"file": uploaded})
    if not form.is_valid():
        raise ValidationError(form.errors.as_data()["file"])
    return form.cleaned_data["file"]


def start(*, by, region, uploaded) -> Job:
    """Queue the import of `uploaded` (checked by the form or the API) for `region`."""
    title = _("Indicator import: %(file)s (%(region)s)")
    link = reverse("indicators:region", args=[region.code])
    return start_import(kind=KIND, by=by, region=region, uploaded=uploaded, title=title, link=link)


@region_view(Permission.INDICATOR_EDIT)
def import_view(request, region):
    """Upload a spreadsheet of targets and realisations for the region (and, for a province, its
    kab/kota). The file is checked by content here and imported by a job: its page shows the
    progress, the errors by row and column (all or nothing) and a link to the indicators."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = start(by=request.user, region=region, uploaded=form.cleaned_data["file"])
        return redirect("jobs:detail", job.pk)
    return render(
        request,
        "indicators/import.html",
        {
            "region": region,
            "form": form,
            "indicators": Indicator.objects.filter(is_active=True),
            "sources": DataSource.choices,
            "year": open_year(),
        },
    )
