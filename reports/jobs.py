"""Report batches as background jobs: every Pokja profile PDF of a region and the regions below
it (a province and its kab/kota), as one ZIP."""

import tempfile
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobs import engine
from jobs.models import Job
from jobs.registry import job_kind
from reports import builders, exports

PROFILES = "reports.profiles_zip"


def profile_regions(region, year: int) -> list:
    """The region first, then the kab/kota below it as they were in `year`, by code."""
    return region.with_children_in(year)


def profile_name(region, year) -> str:
    return f"profil-pokja-{region.code}-{year}.pdf"


def start_profiles(*, region, year: int, by) -> Job:
    """Start the ZIP of every Pokja profile of `region` and below for `year`; while the same
    person's batch for the same region and year is still queued or running, that one is
    returned (a double click starts nothing twice)."""
    unfinished = Job.objects.filter(
        kind=PROFILES,
        created_by=by,
        region=region,
        params__year=year,
        state__in=[Job.State.QUEUED, Job.State.RUNNING],
    ).first()
    if unfinished is not None:
        return unfinished
    return engine.start(
        kind=PROFILES,
        by=by,
        region=region,
        title=_("Pokja profiles of %(region)s, %(year)s (ZIP)")
        % {"region": region.display_name, "year": year},
        params={"year": year},
        total=len(profile_regions(region, year)),
    )


@job_kind(PROFILES, label=gettext_lazy("Pokja profiles (ZIP)"))
def profiles_zip(ctx) -> None:
    region = ctx.region
    if region is None:
        raise engine.InputMissing(_("The region of this job no longer exists."))
    year = int(ctx.params["year"])
    regions = profile_regions(region, year)
    ctx.progress(0, len(regions), force=True)
    with tempfile.SpooledTemporaryFile(max_size=32 * 1024 * 1024) as buffer:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for each in regions:
                pdf = exports.profile_pdf(builders.profile(each, year))
                archive.writestr(profile_name(each, year), pdf)
                ctx.advance()
        buffer.seek(0)
        ctx.save_result(f"profil-pokja-{region.code}-{year}.zip", buffer)
