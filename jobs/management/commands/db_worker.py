"""`manage.py db_worker`: django-tasks-db's worker, plus what Sipokja's jobs need from every
worker: every few seconds (`--sweep-interval`) it ticks the schedule (jobs/schedule.py) and
sweeps (jobs/sweep.py: retries that are due, jobs whose worker died). Both are safe with any
number of workers on any number of machines.

This command replaces django-tasks-db's own `db_worker` because the `jobs` app comes before
`django_tasks_db` in INSTALLED_APPS (jobs/tests/test_worker.py checks it)."""

import logging
import os
import threading

from django.db import close_old_connections, connection
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker as upstream

log = logging.getLogger("jobs.worker")

# Options of the upstream command handed to the worker unchanged.
WORKER_OPTIONS = ("interval", "backend_name", "startup_delay", "max_tasks", "worker_id")


def maintain() -> None:
    """One round of the schedule and the sweep (errors are logged, never fatal)."""
    from jobs import schedule, sweep

    close_old_connections()
    try:
        started = schedule.tick()
        swept = sweep.sweep()
        if started or any(swept.values()):
            log.info("Scheduled %d job(s); swept %s", len(started), swept)
    except Exception:
        log.exception("Schedule or sweep failed; trying again next round")
    finally:
        connection.close()


class Worker(upstream.Worker):
    def __init__(self, *, sweep_interval: float, **kwargs):
        super().__init__(**kwargs)
        self.sweep_interval = sweep_interval
        self._stopped = threading.Event()

    def _maintenance_loop(self) -> None:
        while not self._stopped.is_set():
            maintain()
            self._stopped.wait(self.sweep_interval)

    def run(self) -> None:
        if self.sweep_interval:
            threading.Thread(
                target=self._maintenance_loop, name="jobs-maintenance", daemon=True
            ).start()
        try:
            super().run()
        finally:
            self._stopped.set()


class Command(upstream.Command):
    help = (
        "Run a Sipokja worker: background jobs from the database queue, the schedule and the "
        "sweep. Run one or more, on any machine sharing the database."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--sweep-interval",
            type=upstream.valid_interval,
            default=15,
            help="Seconds between two rounds of the schedule and the sweep; 0 turns them off "
            "in this worker (default: %(default)r).",
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        batch,
        reload,
        exclude_queues,
        sweep_interval,
        **options,
    ):
        self.configure_logging(verbosity)
        if verbosity:
            log.setLevel(logging.INFO)
            if not log.hasHandlers():
                log.addHandler(logging.StreamHandler(self.stdout))
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise upstream.CommandError("--exclude-queues can only be used with --queue-name=*")
        if batch:
            # A batch run (tests, one-off catch-up): one round first, then the queue.
            maintain()
            sweep_interval = 0
        worker = Worker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            batch=batch,
            sweep_interval=sweep_interval,
            **{name: options[name] for name in WORKER_OPTIONS},
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
