"""Real worker processes (`manage.py db_worker`, as `make worker` runs it) against the test
database: a job queued by the web process is run by a worker; a worker killed with SIGKILL in
the middle of a job loses nothing that the next attempt does not redo; two workers on
PostgreSQL start a scheduled job once per period and send its e-mail once
(meetings/tests/test_email_jobs.py, with the reminders)."""

import datetime
import io
import sqlite3
import zipfile
from contextlib import closing

import pytest
from django.core.management import get_commands
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from jobs import sweep
from jobs.models import Job
from jobs.tests import workers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def test_db_worker_is_the_jobs_worker():
    assert get_commands()["db_worker"] == "jobs"


def _zip_of_pdfs(job) -> list[str]:
    with job.result.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    for name in archive.namelist():
        assert len(PdfReader(io.BytesIO(archive.read(name))).pages) >= 1
    return archive.namelist()


def test_a_worker_process_runs_a_job_queued_by_the_web(personas, database_queue, tmp_path):
    from django_tasks_db.models import DBTaskResult

    client = personas.api_client("national_admin")
    started = client.post("/api/v1/regions/65/reports/profiles?year=2025").json()
    job = Job.objects.get(pk=started["id"])
    assert job.state == Job.State.QUEUED and job.enqueued_at is not None
    assert DBTaskResult.objects.get(pk=job.task_id).status == "READY"

    with workers.worker_database(tmp_path) as url:
        workers.run_batch(url)

    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 1
    assert job.done == job.total == 6  # Kalimantan Utara and its 5 kab/kota
    assert len(_zip_of_pdfs(job)) == 6
    assert DBTaskResult.objects.get(pk=job.task_id).status == "SUCCESSFUL"
    data = client.get(f"/api/v1/jobs/{job.pk}").json()
    assert data["state"] == "succeeded" and data["done"] == data["total"] == 6
    download = client.get(data["result_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"


def _progress(url, job_id):
    if connection.vendor == "postgresql":
        return Job.objects.filter(pk=job_id).values_list("done", flat=True).first()
    try:
        with closing(sqlite3.connect(workers.sqlite_path(url), timeout=1)) as db:
            row = db.execute("SELECT done FROM jobs_job WHERE id = ?", [job_id]).fetchone()
    except sqlite3.OperationalError:  # locked by the worker for a moment
        return 0
    return row[0] if row else 0


def test_a_worker_killed_in_the_middle_loses_nothing_the_next_attempt_does_not_redo(
    personas, database_queue, tmp_path, settings
):
    from django_tasks_db.models import DBTaskResult

    started = personas.api_client("sulsel_admin").post("/api/v1/regions/73/reports/profiles")
    job = Job.objects.get(pk=started.json()["id"])
    first_task = job.task_id
    with workers.worker_database(tmp_path) as url:
        worker = workers.start(url, tmp_path / "worker.log", "--sweep-interval", "0")
        try:
            workers.wait_for(lambda: _progress(url, job.pk) >= 2, message="two profiles done")
        finally:
            workers.stop(worker, kill=True)  # SIGKILL: no clean-up of any kind
        # Nothing was stored: the ZIP is written only at the end.
    job.refresh_from_db()
    assert job.state == Job.State.RUNNING and job.attempts == 1 and not job.result
    assert 2 <= job.done < job.total

    # The sweep of any worker takes it back once it has been silent for too long.
    settings.SIPOKJA_JOBS_RETRY_SECONDS = 0
    assert sweep.recover_stale() == 0
    silent = timezone.now() - datetime.timedelta(minutes=settings.SIPOKJA_JOBS_STALE_MINUTES + 1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=silent)
    assert sweep.recover_stale() == 1
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED and job.task_id != first_task
    assert "Pekerja berhenti pada percobaan 1" in job.messages[-1]["message"]
    assert DBTaskResult.objects.get(pk=first_task).status == "FAILED"
    with workers.worker_database(tmp_path) as url:
        workers.run_batch(url)
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 2 and job.done == job.total == 25
    assert len(_zip_of_pdfs(job)) == 25
