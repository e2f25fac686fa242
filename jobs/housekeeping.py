"""Housekeeping, once a day: finished jobs older than SIPOKJA_JOBS_KEEP_DAYS are deleted with
their files, the engine's finished task rows after a week, the uploads that failed forms
kept (core.kept_uploads) once they expired, and the PDFs kept for older data versions
(core.pdf.prune_cache)."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit import version
from core import pdf
from core.kept_uploads import sweep
from jobs.models import Job
from jobs.registry import job_kind
from jobs.schedule import periodic

KIND = "jobs.prune"
TASK_ROWS_KEPT = datetime.timedelta(days=7)


def prune(now=None) -> int:
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.SIPOKJA_JOBS_KEEP_DAYS)
    old = Job.objects.filter(state__in=Job.FINISHED, finished_at__lt=cutoff)
    count = 0
    for job in old.iterator():
        for field in (job.input, job.result):
            if field:
                field.storage.delete(field.name)
        job.delete()
        count += 1
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover
        return count
    DBTaskResult.objects.finished().filter(finished_at__lt=now - TASK_ROWS_KEPT).delete()
    return count


def prune_pdfs() -> int:
    """Delete the PDFs kept for data versions before the current one (never served again)."""
    return pdf.prune_cache(version.token())


@job_kind(KIND, label=_("Housekeeping: delete old jobs"))
def run(ctx) -> None:
    sweep()
    count = prune()
    ctx.message(_("%(count)d old jobs deleted.") % {"count": count}, level="info")
    count = prune_pdfs()
    ctx.message(
        _("%(count)d kept PDFs of older data versions deleted.") % {"count": count}, level="info"
    )


periodic(KIND, every=datetime.timedelta(days=1))
