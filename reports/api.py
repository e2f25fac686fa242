"""Report batches in the API."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router

from accounts.access import get_region
from accounts.permissions import Permission
from core.errors import DomainError
from core.years import FIRST_YEAR, open_year
from jobs.api import JobOut, accepted
from reports.jobs import start_profiles

router = Router(tags=["reports"])


@router.post("/regions/{code}/reports/profiles", response={202: JobOut})
def profiles_batch(request, code: str, response: HttpResponse, year: int | None = None):
    """Start the ZIP of the Pokja profile PDF of the region and of every region below it (a
    province and its kab/kota; a region without a Pokja gets a PDF that says so), for `year`
    (default: the last assessed year). Answers 202 with the job and `Location:
    /api/v1/jobs/{id}`; follow it there until `state` is `succeeded`, then download
    `result_url`."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    year = year or open_year()
    if not FIRST_YEAR <= year <= open_year() + 1:
        raise DomainError(
            _("Choose a year from %(first)d to %(last)d.")
            % {"first": FIRST_YEAR, "last": open_year() + 1}
        )
    return accepted(start_profiles(region=region, year=year, by=request.user), response)
