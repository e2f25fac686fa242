"""The assessment app's scheduled work: once a day (however many workers run), acceptances whose
verified SK has expired become stale (assessment/staleness.py)."""

import datetime

from django.utils.translation import gettext_lazy as _

from assessment.staleness import stale_decrees
from jobs.registry import job_kind
from jobs.schedule import periodic

STALE_DECREES = "assessment.stale_decrees"


@job_kind(STALE_DECREES, label=_("Verifications whose SK expired"))
def expire_verified_decrees(ctx) -> None:
    count = stale_decrees()
    ctx.progress(count, count, force=True)
    ctx.message(
        _("%(count)d verified criteria need verifying again (SK expired).") % {"count": count},
        level="info",
    )


periodic(STALE_DECREES, every=datetime.timedelta(days=1))
