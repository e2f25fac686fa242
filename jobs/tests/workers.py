"""Real worker processes (`manage.py db_worker`) for the tests, against the test database.

On PostgreSQL the workers connect to the test database itself. The SQLite test database lives
in this process's memory, so `worker_database` copies it to a file for the workers and, when
they are done, copies the file back (SQLite's backup API): the test then reads what the workers
wrote through the ORM as usual. Tests using these run with `django_db(transaction=True)`.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing, contextmanager
from urllib.parse import quote

from django.conf import settings
from django.db import connection


def postgres_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "")
    if db["PASSWORD"]:
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@contextmanager
def worker_database(tmp_path):
    """Yields the DATABASE_URL a worker process uses to see this test's database."""
    if connection.vendor == "postgresql":
        yield postgres_url()
        return
    path = tmp_path / "worker.sqlite3"
    connection.ensure_connection()
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
    try:
        yield f"sqlite:///{path}"
    finally:
        with closing(sqlite3.connect(path, timeout=30)) as source:
            source.backup(connection.connection)


def sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")


def worker_env(database_url: str, **extra) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SIPOKJA_JOBS_BACKEND": "database",
        "SIPOKJA_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DEBUG": "false",
        "PYTHONUNBUFFERED": "1",
    }
    env.update({key: str(value) for key, value in extra.items()})
    return env


def command(*args) -> list[str]:
    return [sys.executable, "manage.py", "db_worker", "--no-startup-delay", *args]


def run_batch(database_url: str, *args, timeout=240, **env) -> subprocess.CompletedProcess:
    """One worker that runs what is queued (after one round of schedule and sweep) and exits."""
    result = subprocess.run(
        command("--batch", *args),
        cwd=settings.BASE_DIR,
        env=worker_env(database_url, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def start(database_url: str, log_path, *args, **env) -> subprocess.Popen:
    log = open(log_path, "w")  # noqa: SIM115 - closed by stop()
    process = subprocess.Popen(
        command(*args),
        cwd=settings.BASE_DIR,
        env=worker_env(database_url, **env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    process.log = log
    return process


def stop(process: subprocess.Popen, *, kill=False) -> int:
    if process.poll() is None:
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    process.log.close()
    return process.returncode


def wait_for(predicate, *, timeout=120, interval=0.25, message="condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")
