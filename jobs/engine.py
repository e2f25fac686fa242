"""The jobs engine: start a job, run one attempt of it, retry with back-off, finish it.

Life of a job (states are what users and the API see):

    start()  ->  queued  --(a worker claims attempt n)-->  running  -->  succeeded
                   ^                                          |     \\->  failed (with a reason)
                   +---- retryable failure, after back-off ---+

- `start()` writes the Job in the caller's transaction and hands it to the engine (Django's
  Tasks API) only after that transaction commits.
- An attempt claims the job with one conditional UPDATE (state queued, attempts n-1 -> running,
  attempts n): a duplicate or late task finds nothing to claim and does nothing. Every later
  write of the attempt (progress, result, success) is conditional on still owning attempt n, so
  an attempt that the sweep took back (its worker went silent) cannot write anything more.
- A kind that writes domain data does so inside `job.atomic()`: its writes and the job's success
  commit together, so a retried or killed job never imports twice or half.
"""

import datetime
import logging
import time
from contextlib import contextmanager
from functools import partial

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile, File
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.context import acting_as
from audit.registry import record
from core import requestid
from core.errors import DomainError
from core.uploads import stored_name
from jobs import registry
from jobs.models import Job
from jobs.signals import job_finished, job_progressed

log = logging.getLogger(__name__)

# Progress is written at most this often (seconds), and always at the end.
PROGRESS_INTERVAL = 0.5
MAX_BACKOFF = datetime.timedelta(hours=1)


class JobFailed(Exception):
    """Raised by a kind: the job fails for good with this (translated) reason and messages."""

    def __init__(self, reason, messages=None):
        super().__init__(str(reason))
        self.reason = reason
        self.messages = messages or []


class InputMissing(JobFailed):
    """What the job was started on (a record, an uploaded file) was deleted since."""


class Superseded(Exception):
    """This attempt no longer owns the job (the sweep gave it to another attempt)."""


def backoff(attempt: int) -> datetime.timedelta:
    """The wait after failed attempt `attempt`: SIPOKJA_JOBS_RETRY_SECONDS, doubling, ≤ 1 hour."""
    seconds = settings.SIPOKJA_JOBS_RETRY_SECONDS * 2 ** max(0, attempt - 1)
    return min(datetime.timedelta(seconds=seconds), MAX_BACKOFF)


def message(text, *, level="error", row=None, column=None, field=None) -> dict:
    item = {"level": level, "message": str(text)}
    if row is not None:
        item["row"] = row
    if column:
        item["column"] = column
    if field:
        item["field"] = field
    return item


def _messages_from_errors(errors) -> list[dict]:
    """DomainError.errors (row-numbered import errors) as job messages."""
    result = []
    for error in errors:
        if isinstance(error, dict):
            item = {k: (str(v) if k == "message" else v) for k, v in error.items()}
            item.setdefault("level", "error")
            item.setdefault("message", "")
            result.append(item)
        else:
            result.append(message(error))
    return result


# --- Starting ---------------------------------------------------------------------------------


def _create(*, kind, by, region, title, params, total, key, input_file, input_name):
    spec = registry.get(kind)
    job = Job(
        kind=kind,
        title=str(title or spec.label)[:200],
        params=params or {},
        total=total,
        key=key,
        created_by=by if getattr(by, "pk", None) else None,
        region=region,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        max_attempts=spec.max_attempts,
        request_id=requestid.get(),
    )
    if input_file is not None:
        extension = (input_name.rsplit(".", 1)[-1] if "." in input_name else "bin").lower()
        job.input.save(stored_name("jobs/input", extension[:8]), File(input_file), save=False)
        job.input_name = input_name[:200]
    try:
        with transaction.atomic():
            job.save()
    except IntegrityError:
        if key is None:
            raise
        if job.input:
            job.input.delete(save=False)
        return Job.objects.get(key=key), False
    if job.created_by is not None:
        record(
            action="other",
            code="jobs.started",
            instance=job,
            region_code=region.code if region else "",
            changes={"kind": [None, kind], "title": [None, job.title]},
            actor=by,
        )
    transaction.on_commit(partial(hand_over, job.pk), robust=True)
    return job, True


def start(
    *,
    kind: str,
    by=None,
    region=None,
    title="",
    params=None,
    total=0,
    key=None,
    input_file=None,
    input_name="",
) -> Job:
    """Record a job of `kind` (registered in jobs.registry) and queue it once the current
    transaction commits. `by` is the person who starts it (None for the system), `region` the
    region it belongs to (its admins may follow it), `params` plain JSON for the kind,
    `input_file` a file the kind reads (stored with the job, e.g. an uploaded spreadsheet).
    With `key`, a job with that key that already exists is returned instead of a new one."""
    job, _created = _create(
        kind=kind,
        by=by,
        region=region,
        title=title,
        params=params,
        total=total,
        key=key,
        input_file=input_file,
        input_name=input_name,
    )
    return job


def start_once(*, key: str, **kwargs) -> tuple[Job, bool]:
    """`start` with an idempotency key; returns (job, created). Two processes racing for the
    same key: the database's unique constraint lets exactly one create it."""
    return _create(
        key=key,
        **{
            "by": None,
            "region": None,
            "title": "",
            "params": None,
            "total": 0,
            "input_file": None,
            "input_name": "",
            **kwargs,
        },
    )


def _backend():
    from jobs.tasks import run_job

    return run_job.get_backend()


def hand_over(job_id: int, now=None) -> bool:
    """Give the job's next attempt to the engine, once: the conditional UPDATE of `enqueued_at`
    is the claim (the on-commit hand-over and the sweep may race). With the database backend
    the task row is written in the same transaction, so a job is never marked handed over
    without its task. `now` is when the caller (the sweep) found it due. Returns True when
    this call handed it over."""
    from jobs.tasks import run_job

    job = Job.objects.filter(pk=job_id, state=Job.State.QUEUED, enqueued_at__isnull=True).first()
    if job is None:
        return False
    now = now or timezone.now()
    if job.run_after and job.run_after > now and not _backend().supports_defer:
        return False  # the sweep hands it over when it is due
    attempt = job.attempts + 1
    task = run_job
    if job.run_after and job.run_after > now:
        task = run_job.using(run_after=job.run_after)
    claim = Job.objects.filter(
        pk=job_id, state=Job.State.QUEUED, attempts=job.attempts, enqueued_at__isnull=True
    )
    if not _backend().supports_get_result:
        # The immediate backend runs the attempt right here: claim, then run outside any lock.
        if not claim.update(enqueued_at=timezone.now()):
            return False
        task.enqueue(job_id, attempt)
        return True
    with transaction.atomic():
        if not claim.update(enqueued_at=timezone.now()):
            return False
        result = task.enqueue(job_id, attempt)
        Job.objects.filter(pk=job_id).update(task_id=str(result.id))
    return True


def restart(job: Job, *, by) -> bool:
    """Queue a failed job again (an admin's decision, e.g. after the SMTP server was fixed)."""
    with transaction.atomic():
        updated = Job.objects.filter(pk=job.pk, state=Job.State.FAILED).update(
            state=Job.State.QUEUED,
            finished_at=None,
            run_after=None,
            enqueued_at=None,
            heartbeat_at=None,
            max_attempts=job.attempts + registry.get(job.kind).max_attempts,
        )
        if not updated:
            return False
        record(
            action="other",
            code="jobs.restarted",
            instance=job,
            region_code=job.region.code if job.region_id else "",
            changes={"state": [Job.State.FAILED, Job.State.QUEUED]},
            actor=by,
        )
        transaction.on_commit(partial(hand_over, job.pk), robust=True)
    return True


# --- Running ----------------------------------------------------------------------------------


class JobContext:
    """What a kind's function gets: the job's inputs, and the only ways to change the job."""

    def __init__(self, job: Job, attempt: int):
        self.job = job
        self.attempt = attempt
        self.params = job.params
        self.region = job.region
        self.user = job.created_by
        self._done = job.done
        self._total = job.total
        self._messages = list(job.messages)
        self._written_at = 0.0
        self.finished = False

    # Ownership: every write of this attempt is conditional on still owning the job.
    def _mine(self):
        return Job.objects.filter(pk=self.job.pk, state=Job.State.RUNNING, attempts=self.attempt)

    def _write(self, **fields) -> None:
        fields.setdefault("heartbeat_at", timezone.now())
        if not self._mine().update(**fields):
            raise Superseded(self.job.pk)

    # Progress and messages.
    @property
    def done(self) -> int:
        return self._done

    @property
    def total(self) -> int:
        return self._total

    def progress(self, done: int, total: int | None = None, *, force=False) -> None:
        """Set how far the job is (`done` of `total`). Written at most twice a second; raises
        Superseded when this attempt no longer owns the job (stop working then)."""
        self._done = done
        if total is not None:
            self._total = total
        now = time.monotonic()
        if force or now - self._written_at >= PROGRESS_INTERVAL or self._done >= self._total:
            self._written_at = now
            self._write(done=self._done, total=self._total, messages=self._messages)
            job_progressed.send(Job, job_id=self.job.pk, done=self._done, total=self._total)

    def complete(self, counts) -> int:
        """Show a job that did its work in one call as done: the progress at the sum of `counts`
        (what it handled, per kind), which is returned."""
        total = sum(counts.values())
        self.progress(total, total, force=True)
        return total

    def advance(self, step: int = 1) -> None:
        self.progress(self._done + step)

    def message(self, text, *, level="error", row=None, column=None, field=None) -> None:
        """Add a message (row-numbered for imports); written with the next progress or the end."""
        self._messages.append(message(text, level=level, row=row, column=column, field=field))

    # Inputs.
    def input(self, model, pk, *, what=None):
        """The record `pk` of `model`; InputMissing (the job fails with a reason) when deleted."""
        obj = model._default_manager.filter(pk=pk).first()
        if obj is None:
            raise InputMissing(
                _("%(what)s no longer exists: it was deleted after the job was started.")
                % {"what": what or model._meta.verbose_name}
            )
        return obj

    @contextmanager
    def open_input(self):
        """The uploaded input file, open for reading; InputMissing when it was deleted."""
        missing = InputMissing(
            _("The file of this job (%(name)s) no longer exists.")
            % {"name": self.job.input_name or "-"}
        )
        if not self.job.input:
            raise missing
        try:
            handle = self.job.input.open("rb")
        except FileNotFoundError:
            raise missing from None
        try:
            yield handle
        finally:
            self.job.input.close()

    # Results and completion.
    def save_result(self, name: str, content) -> None:
        """Store the job's downloadable result (bytes or a file) under the download `name`."""
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else "bin"
        if isinstance(content, bytes):
            content = ContentFile(content)
        previous = self.job.result.name if self.job.result else ""
        self.job.result.save(stored_name("jobs/result", extension), File(content), save=False)
        try:
            self._write(result=self.job.result.name, result_name=name[:200])
        except Superseded:
            self.job.result.delete(save=False)
            raise
        if previous:
            self.job.result.storage.delete(previous)

    @contextmanager
    def atomic(self):
        """Everything written inside commits together with the job's success, or not at all:
        if the worker dies, the attempt was taken back, or an error is raised, none of it is
        kept. Use it for every write of domain data (imports)."""
        with transaction.atomic():
            # Lock the job row: the sweep cannot take the job back until this commits.
            if not self._mine().select_for_update().exists():
                raise Superseded(self.job.pk)
            yield
            self._finish(Job.State.SUCCEEDED)

    def _finish(self, state, extra_messages=()) -> None:
        now = timezone.now()
        self._messages.extend(extra_messages)
        done = self._total if state == Job.State.SUCCEEDED and self._total else self._done
        self._write(
            state=state,
            done=done,
            total=self._total,
            messages=self._messages,
            finished_at=now,
            run_after=None,
        )
        self.finished = True
        self._done = done
        job_id = self.job.pk
        transaction.on_commit(lambda: _announce(job_id), robust=True)


def _announce(job_id):
    job = Job.objects.filter(pk=job_id).first()
    if job is not None and job.is_finished:
        job_finished.send(Job, job=job)


def _retry_or_fail(ctx: JobContext, kind, exc) -> str:
    reason = f"{type(exc).__name__}: {exc}"[:500]
    if ctx.attempt >= ctx.job.max_attempts:
        ctx._finish(
            Job.State.FAILED,
            [
                message(
                    _("Gave up after %(attempts)d attempts. Last error: %(reason)s")
                    % {"attempts": ctx.attempt, "reason": reason}
                )
            ],
        )
        return "failed"
    when = timezone.now() + backoff(ctx.attempt)
    ctx._messages.append(
        message(
            _("Attempt %(attempt)d failed (%(reason)s); trying again at %(time)s.")
            % {
                "attempt": ctx.attempt,
                "reason": reason,
                "time": timezone.localtime(when).strftime("%H:%M:%S"),
            },
            level="warning",
        )
    )
    ctx._write(
        state=Job.State.QUEUED,
        messages=ctx._messages,
        done=ctx._done,
        total=ctx._total,
        run_after=when,
        enqueued_at=None,
        heartbeat_at=None,
    )
    hand_over(ctx.job.pk)
    return "retrying"


def run(job_id: int, attempt: int) -> str:
    """`_run` with its log lines carrying the id of the request that started the job (until the
    job is read: `job-<id>`)."""
    with requestid.bound(f"job-{job_id}"):
        return _run(job_id, attempt)


def _run(job_id: int, attempt: int) -> str:
    """Run attempt `attempt` of the job (called by the task on a worker). Returns what happened:
    skipped (nothing to claim: done already, or another attempt has it), succeeded, failed,
    retrying or superseded."""
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=Job.State.QUEUED, attempts=attempt - 1).update(
        state=Job.State.RUNNING, attempts=attempt, started_at=now, heartbeat_at=now, run_after=None
    )
    if not claimed:
        return "skipped"
    job = Job.objects.select_related("created_by", "region").get(pk=job_id)
    if job.request_id:
        requestid.rebind(job.request_id)  # undone when run() leaves its bound()
    ctx = JobContext(job, attempt)
    try:
        kind = registry.get(job.kind)
    except LookupError:
        ctx._finish(Job.State.FAILED, [message(_("This kind of job is not known: %s") % job.kind)])
        return "failed"
    try:
        with translation.override(job.language), acting_as(job.created_by):
            try:
                kind.run(ctx)
                if not ctx.finished:
                    ctx._finish(Job.State.SUCCEEDED)
                return "succeeded"
            except Superseded:
                raise
            except JobFailed as exc:
                ctx._finish(
                    Job.State.FAILED, [message(exc.reason), *_messages_from_errors(exc.messages)]
                )
            except DomainError as exc:
                ctx._finish(
                    Job.State.FAILED, [message(exc.message), *_messages_from_errors(exc.errors)]
                )
            except (ObjectDoesNotExist, FileNotFoundError) as exc:
                ctx._finish(
                    Job.State.FAILED,
                    [message(_("Something this job needs no longer exists (%s).") % exc)],
                )
            except kind.retryable as exc:
                log.warning("Job %s attempt %s failed: %r", job_id, attempt, exc)
                return _retry_or_fail(ctx, kind, exc)
            except Exception as exc:
                log.exception("Job %s (%s) failed", job_id, job.kind)
                ctx._finish(
                    Job.State.FAILED,
                    [
                        message(
                            _("The job stopped on an unexpected error (%(error)s).")
                            % {"error": type(exc).__name__}
                        )
                    ],
                )
            return "failed"
    except Superseded:
        log.warning("Job %s attempt %s was taken over by a later attempt", job_id, attempt)
        return "superseded"
