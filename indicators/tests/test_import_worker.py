"""Indicator imports on real worker processes (`manage.py db_worker`, as `make worker` runs it)
against the test database, SQLite or PostgreSQL: a background import started through the API
goes from queued to succeeded with done == total; a worker killed with SIGKILL while it writes
the rows leaves no partial import, and the retry imports every row once."""

import datetime
import os
import sqlite3
from contextlib import closing

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from audit.models import AuditEvent
from indicators.models import Target, Value
from indicators.tests.helpers import SULSEL_KABKOTA, csv_bytes
from jobs import sweep
from jobs.models import Job
from jobs.tests import workers

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

URL = "/api/v1/regions/73/indicators/import?background=1"
PERIODS = ["", *[f"{month:02d}" for month in range(1, 13)]]


def _rows(years):
    """Sulsel and its 24 kab/kota: stunting realisations for every month and year, a target a
    year: 25 × len(years) × 14 rows."""
    for code in ["73", *SULSEL_KABKOTA]:
        for year in years:
            yield [code, "stunting", year, "", "target", "14", "", "RPJMD"]
            for period in PERIODS:
                label = f"{year}-{period}" if period else ""
                yield [code, "stunting", year, label, "realisasi", "21,5", "SSGI", ""]


def _start(personas, years, name="nilai.csv") -> tuple:
    client = personas.api_client("sulsel_admin")
    content = csv_bytes(list(_rows(years)))
    response = client.post(URL, {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 202, response.content
    assert response["Location"] == f"/api/v1/jobs/{response.json()['id']}"
    return client, Job.objects.get(pk=response.json()["id"])


def test_a_worker_imports_a_background_import_from_queued_to_succeeded(
    personas, database_queue, tmp_path
):
    client, job = _start(personas, range(2020, 2024))  # 25 × 4 × 14 = 1,400 rows
    data = client.get(f"/api/v1/jobs/{job.pk}").json()
    assert data["state"] == "queued" and job.enqueued_at is not None

    with workers.worker_database(tmp_path) as url:
        workers.run_batch(url)

    data = client.get(f"/api/v1/jobs/{job.pk}").json()
    assert data["state"] == "succeeded" and data["done"] == data["total"] == 1401  # rows read
    assert "1400 baris diimpor" in data["messages"][-1]["message"]
    assert Value.objects.count() == 25 * 4 * 13 and Target.objects.count() == 25 * 4
    job.refresh_from_db()
    assert not job.input  # the upload is deleted once the job finished
    assert personas.api_client("sultra_admin").get(f"/api/v1/jobs/{job.pk}").status_code == 404
    assert personas.api_client("gowa_operator").get(f"/api/v1/jobs/{job.pk}").status_code == 404


def _job_state(url, job_id):
    """(state, done, total) of the job as the worker's database has it now (None if locked)."""
    if connection.vendor == "postgresql":
        return Job.objects.filter(pk=job_id).values_list("state", "done", "total").first()
    try:
        with closing(sqlite3.connect(workers.sqlite_path(url), timeout=0.05)) as db:
            return db.execute(
                "SELECT state, done, total FROM jobs_job WHERE id = ?", [job_id]
            ).fetchone()
    except sqlite3.OperationalError:
        return None


def _writing_rows(url, job_id) -> bool:
    """Every row is read (done == total while running) and the attempt is inside its write
    transaction: on PostgreSQL it holds the job's row lock, on SQLite its rollback journal
    exists."""
    state = _job_state(url, job_id)
    if state is None:
        return False
    assert state[0] not in Job.FINISHED, f"the job finished before the kill: {state}"
    if state[0] != Job.State.RUNNING or not state[2] or state[1] < state[2]:
        return False
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                Job.objects.select_for_update(nowait=True).filter(pk=job_id).exists()
        except DatabaseError:
            return True
        return False
    return os.path.exists(workers.sqlite_path(url) + "-journal")


def test_a_worker_killed_while_writing_an_import_leaves_nothing_and_the_retry_imports_once(
    personas, database_queue, tmp_path, settings
):
    years = range(2000, 2100)
    rows = 25 * len(years) * 14  # 35,000
    client, job = _start(personas, years)

    with workers.worker_database(tmp_path) as url:
        worker = workers.start(url, tmp_path / "worker.log", "--sweep-interval", "0")
        try:
            workers.wait_for(
                lambda: _writing_rows(url, job.pk),
                interval=0.01,
                message="the import writing its rows",
            )
        finally:
            workers.stop(worker, kill=True)  # SIGKILL: no clean-up of any kind

    job.refresh_from_db()
    assert job.state == Job.State.RUNNING and job.attempts == 1
    assert job.done == job.total  # every row had been read
    assert not Value.objects.exists() and not Target.objects.exists()
    assert not AuditEvent.objects.filter(code="indicators.imported").exists()
    assert job.input  # kept for the next attempt

    # The sweep of any worker takes it back once it has been silent for too long.
    settings.SIPOKJA_JOBS_RETRY_SECONDS = 0
    silent = timezone.now() - datetime.timedelta(minutes=settings.SIPOKJA_JOBS_STALE_MINUTES + 1)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=silent)
    assert sweep.recover_stale() == 1
    assert client.get(f"/api/v1/jobs/{job.pk}").json()["state"] == "queued"

    with workers.worker_database(tmp_path) as url:
        workers.run_batch(url)

    data = client.get(f"/api/v1/jobs/{job.pk}").json()
    assert data["state"] == "succeeded" and data["done"] == data["total"]
    assert any("Pekerja berhenti pada percobaan 1" in m["message"] for m in data["messages"])
    assert f"{rows} baris diimpor" in data["messages"][-1]["message"]
    assert Value.objects.count() == 25 * len(years) * 13
    assert Target.objects.count() == 25 * len(years)
    assert AuditEvent.objects.filter(code="indicators.imported").count() == 1
    job.refresh_from_db()
    assert job.attempts == 2 and not job.input
