"""The meetings app's scheduled work: reminders, every hour, once however many workers run."""

import datetime

from django.utils.translation import gettext_lazy as _

from jobs.registry import job_kind
from jobs.schedule import periodic
from meetings.reminders import run_reminders

REMINDERS = "meetings.reminders"


@job_kind(REMINDERS, label=_("Meeting and action item reminders"))
def reminders(ctx) -> None:
    total = ctx.complete(run_reminders())
    ctx.message(
        _("%(count)d reminders queued for e-mail.") % {"count": total},
        level="info",
    )


periodic(REMINDERS, every=datetime.timedelta(hours=1))
