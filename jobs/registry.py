"""Job kinds: what a job does, registered by the app that owns the work.

A domain app registers its kinds in a module imported from its `AppConfig.ready()` (so every
process, web or worker, knows them); `jobs` never imports the apps above it:

    # reports/jobs.py
    @job_kind("reports.profiles_zip", label=_("Pokja profiles (ZIP)"))
    def profiles_zip(ctx):          # ctx: jobs.engine.JobContext
        ...

See docs/DEVELOPING.md ("Background jobs") for the whole pattern.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import InterfaceError, OperationalError
from django.utils.translation import gettext_lazy as _

# Failures worth another attempt for every kind: the database was briefly unreachable or locked.
TRANSIENT = (OperationalError, InterfaceError)


@dataclass(frozen=True)
class JobKind:
    key: str
    label: str
    run: Callable
    # Exceptions after which the job is tried again later (with back-off), up to max_attempts.
    retry_on: tuple = ()
    max_attempts: int = 3

    @property
    def retryable(self) -> tuple:
        return (*TRANSIENT, *self.retry_on)


_kinds: dict[str, JobKind] = {}


def register(kind: JobKind) -> JobKind:
    existing = _kinds.get(kind.key)
    if existing is not None and existing.run is not kind.run:
        raise ValueError(f"Job kind {kind.key!r} is already registered by {existing.run!r}.")
    _kinds[kind.key] = kind
    return kind


def job_kind(key: str, *, label, retry_on: tuple = (), max_attempts: int = 3):
    """Decorator registering `function(ctx)` as the kind `key` (`<app>.<what>`)."""

    def decorator(function):
        register(JobKind(key, label, function, tuple(retry_on), max_attempts))
        return function

    return decorator


def get(key: str) -> JobKind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"Unknown job kind {key!r}: is its module imported in ready()?") from None


def kind_label(key: str):
    kind = _kinds.get(key)
    return kind.label if kind else _("Job")


def keys() -> list[str]:
    return sorted(_kinds)
