"""Spreadsheet imports as jobs: the pattern the domain apps follow (indicators, members, work
plans), so an upload from a page or the API is queued, shown with its progress and row-numbered
messages, written all at once, and its file kept only while the job needs it.

    # indicators/import_jobs.py
    @import_kind("indicators.import", label=_("Indicator import"))
    def run(ctx, uploaded):             # uploaded: the stored file, open, with .name and .size
        parsed = parse(uploaded, progress=ctx.progress)   # outside the transaction: visible
        with ctx.atomic():              # the rows and the job's success commit together
            save(parsed)

    job = start_import(kind="indicators.import", by=user, region=region, uploaded=file,
                       title=_("… %(file)s (%(region)s)"), link=reverse(…))  # after the check

- The uploaded file is stored with the job (the private media storage, a random name) and
  deleted once the job has finished, succeeded or failed for good (`job_finished`); an attempt
  that will be retried keeps it. A finished job whose file could not be deleted then (the worker
  stopped right after the commit) loses it with the job (`jobs.prune`).
- Idempotent: the rows commit together with the job's success (`ctx.atomic()`); an attempt of a
  finished job finds nothing to claim, so a retried job never imports twice. A worker killed in
  the middle leaves nothing: its transaction never committed, the sweep retries the job.
- `link` is where the imported records are listed: the job's box shows it once succeeded.
"""

from django.conf import settings
from django.core.files import File
from django.dispatch import receiver

from core.uploads import safe_filename
from jobs import engine
from jobs.models import Job
from jobs.registry import job_kind
from jobs.signals import job_finished

# Kinds whose input file is deleted once they finished.
_IMPORT_KINDS: set[str] = set()


def background_bytes() -> int:
    """Uploads larger than this always run as a job, also through the API (SIPOKJA_IMPORT_BACKGROUND_KB)."""
    return settings.SIPOKJA_IMPORT_BACKGROUND_KB * 1024


def import_kind(key: str, *, label, max_attempts: int = 3):
    """Register `function(ctx, uploaded)` as the import kind `key`: it gets the stored upload,
    open for reading (InputMissing, the job fails cleanly, when the file was deleted)."""

    def decorator(function):
        def run(ctx):
            with ctx.open_input() as handle:
                function(ctx, File(handle, name=ctx.job.input_name))

        run.__name__ = run.__qualname__ = function.__name__
        run.__module__ = function.__module__
        job_kind(key, label=label, max_attempts=max_attempts)(run)
        _IMPORT_KINDS.add(key)
        return function

    return decorator


def start_import(
    *, kind, by, region, uploaded, title, title_values=None, params=None, link=""
) -> Job:
    """Queue the import of `uploaded` (already checked by content) as a job of `kind`, started
    by `by` in `region`; runs after the current transaction commits. `title` names the file
    and the region as `%(file)s` and `%(region)s` (other values from `title_values`)."""
    title %= {"file": uploaded.name, "region": region.display_name, **(title_values or {})}
    uploaded.seek(0)
    job = engine.start(
        kind=kind,
        by=by,
        region=region,
        title=title,
        params={**(params or {}), **({"link": str(link)} if link else {})},
        input_file=uploaded,
        input_name=safe_filename(getattr(uploaded, "name", ""), "berkas"),
    )
    uploaded.seek(0)
    return job


def save_at_once(ctx, summary, service, **arguments) -> None:
    """For an import whose service checks and writes the whole file in one call:
    `service(by=<the job's user>, **arguments)` commits with the job's success (the progress
    shows that one step), and `summary(result)` becomes the job's message."""
    ctx.progress(0, 1, force=True)
    with ctx.atomic():
        result = service(by=ctx.user, **arguments)
        ctx.message(summary(result), level="info")


def delete_input(job: Job) -> None:
    if job.input:
        job.input.storage.delete(job.input.name)
        Job.objects.filter(pk=job.pk).update(input="")


@receiver(job_finished, dispatch_uid="jobs.imports.delete_input")
def _finished(sender, job, **kwargs):
    if job.kind in _IMPORT_KINDS:
        delete_input(job)
