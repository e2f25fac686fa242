"""Scheduled work, kept in the project: apps register periodic jobs here (from their
`AppConfig.ready()`), and every worker ticks the schedule. Each (job, period) runs once however
many workers tick: the job for a period carries the key `schedule:<name>:<period start>`, and
the database's unique constraint on the key lets exactly one worker create it.

    # meetings/apps.py, in ready():
    from jobs.schedule import periodic
    periodic("meetings.reminders", every=datetime.timedelta(hours=1))

The kind `meetings.reminders` must be registered (jobs.registry.job_kind). Periods are aligned
to local midnight (TIME_ZONE): `every=timedelta(hours=1)` runs in each clock hour,
`timedelta(days=1)` once per local day. A period in which no worker ran is not made up later.
"""

import datetime
import logging
from dataclasses import dataclass

from django.utils import timezone

from jobs import engine, registry

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Periodic:
    kind: str
    every: datetime.timedelta

    def period_start(self, now: datetime.datetime) -> datetime.datetime:
        local = timezone.localtime(now)
        midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
        periods = (local - midnight) // self.every
        return midnight + periods * self.every

    def key(self, now) -> str:
        return f"schedule:{self.kind}:{self.period_start(now).isoformat(timespec='minutes')}"


_schedule: dict[str, Periodic] = {}


def periodic(kind: str, *, every: datetime.timedelta) -> Periodic:
    if every < datetime.timedelta(minutes=1) or datetime.timedelta(days=1) % every:
        raise ValueError("A period must divide a day and be at least a minute.")
    entry = Periodic(kind, every)
    _schedule[kind] = entry
    return entry


def daily(kind: str, *, label, run) -> Periodic:
    """A job kind `kind` that calls `run()` once a day; the number it returns (notices sent,
    rows changed…) is the job's progress."""

    def job(ctx) -> None:
        done = run()
        ctx.progress(done, done, force=True)

    registry.job_kind(kind, label=label)(job)
    return periodic(kind, every=datetime.timedelta(days=1))


def entries() -> list[Periodic]:
    return [_schedule[kind] for kind in sorted(_schedule)]


def tick(now=None) -> list:
    """Start the jobs of the current period that no worker has started yet; returns those this
    call started."""
    now = now or timezone.now()
    started = []
    for entry in entries():
        spec = registry.get(entry.kind)
        job, created = engine.start_once(
            key=entry.key(now),
            kind=entry.kind,
            title=f"{spec.label} ({entry.period_start(now):%d-%m-%Y %H:%M})",
        )
        if created:
            log.info("Scheduled job %s started (%s)", entry.kind, job.key)
            started.append(job)
    return started
