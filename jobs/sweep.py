"""The sweep: what every worker does every few seconds besides running tasks. It is safe to run
in any number of workers at once: each step claims rows with conditional UPDATEs.

1. Hand over queued jobs that are due and not with the engine: a retry whose back-off has
   passed (when the engine cannot defer), or a job whose on-commit hand-over was lost because
   the process stopped right after its transaction committed.
2. Take back jobs whose worker went silent (killed, machine lost): no heartbeat for
   SIPOKJA_JOBS_STALE_MINUTES. They are queued again (their work was written all-or-nothing, so
   nothing of the lost attempt is kept), or failed with a reason after their last attempt.
3. Hand over again queued jobs whose task was lost (claimed by a worker that died before the
   attempt started).
"""

import datetime
import logging

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from jobs import engine
from jobs.models import Job

log = logging.getLogger(__name__)


def stale_after() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.SIPOKJA_JOBS_STALE_MINUTES)


def _pending_task_ids(task_ids) -> set[str]:
    """Of these engine task ids, those still waiting or running in the database backend."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover
        return set()
    ids = [task_id for task_id in task_ids if task_id]
    if not ids:
        return set()
    return {
        str(pk)
        for pk in DBTaskResult.objects.filter(pk__in=ids, status="READY").values_list(
            "pk", flat=True
        )
    }


def _mark_task_lost(task_id: str) -> None:
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover
        return
    if task_id:
        DBTaskResult.objects.filter(pk=task_id, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path="jobs.sweep.WorkerLost",
            traceback="The worker stopped while running this task (taken back by the sweep).",
        )


def hand_over_due(now=None) -> int:
    now = now or timezone.now()
    due = Job.objects.filter(state=Job.State.QUEUED, enqueued_at__isnull=True).filter(
        Q(run_after__isnull=True) | Q(run_after__lte=now)
    )
    return sum(engine.hand_over(pk, now) for pk in due.values_list("pk", flat=True)[:500])


def recover_stale(now=None) -> int:
    """Queue again (or fail) running jobs without a heartbeat for too long."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    recovered = 0
    stale = Job.objects.filter(state=Job.State.RUNNING, heartbeat_at__lt=cutoff)
    for job in stale[:500]:
        with override(job.language):
            lost = _(
                "The worker stopped during attempt %(attempt)d (no sign of life since %(time)s)."
            ) % {
                "attempt": job.attempts,
                "time": timezone.localtime(job.heartbeat_at).strftime("%d-%m-%Y %H:%M:%S"),
            }
            if job.attempts >= job.max_attempts:
                fields = {
                    "state": Job.State.FAILED,
                    "finished_at": now,
                    "messages": [*job.messages, engine.message(lost)],
                }
            else:
                when = now + engine.backoff(job.attempts)
                fields = {
                    "state": Job.State.QUEUED,
                    "run_after": when,
                    "enqueued_at": None,
                    "heartbeat_at": None,
                    "messages": [
                        *job.messages,
                        engine.message(
                            lost + " " + _("Nothing of it was kept; it will be tried again."),
                            level="warning",
                        ),
                    ],
                }
        claimed = Job.objects.filter(
            pk=job.pk,
            state=Job.State.RUNNING,
            attempts=job.attempts,
            heartbeat_at=job.heartbeat_at,
        ).update(**fields)
        if not claimed:
            continue
        recovered += 1
        log.warning("Job %s: worker lost during attempt %s", job.pk, job.attempts)
        _mark_task_lost(job.task_id)
        if fields["state"] == Job.State.QUEUED:
            engine.hand_over(job.pk)
        else:
            engine._announce(job.pk)
    return recovered


def requeue_lost(now=None) -> int:
    """Queued jobs handed over long ago whose task is no longer waiting: hand over again."""
    now = now or timezone.now()
    cutoff = now - stale_after()
    candidates = list(
        Job.objects.filter(state=Job.State.QUEUED, enqueued_at__lt=cutoff)
        .filter(Q(run_after__isnull=True) | Q(run_after__lt=cutoff))
        .values_list("pk", "task_id", "attempts")[:500]
    )
    waiting = _pending_task_ids([task_id for _pk, task_id, _a in candidates])
    count = 0
    for pk, task_id, attempts in candidates:
        if task_id in waiting:
            continue
        if Job.objects.filter(
            pk=pk, state=Job.State.QUEUED, attempts=attempts, enqueued_at__lt=cutoff
        ).update(enqueued_at=None):
            _mark_task_lost(task_id)
            count += engine.hand_over(pk)
    return count


def sweep(now=None) -> dict:
    return {
        "stale": recover_stale(now),
        "lost": requeue_lost(now),
        "due": hand_over_due(now),
    }
