"""The engine: states, progress, messages, idempotency, retries with back-off, lost workers,
inputs that were deleted. Jobs run with the immediate backend here (right after commit, in this
process); test_worker.py runs real worker processes."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEvent
from jobs import engine, sweep
from jobs.housekeeping import prune
from jobs.models import Job
from jobs.tests import kinds
from jobs.tests.kinds import written
from regions.models import Region

pytestmark = pytest.mark.django_db


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def test_a_job_runs_after_commit_and_reports_progress(personas, start_job):
    job = start_job(
        kind="tests.import",
        by=personas.gowa_operator,
        region=Region.objects.get(code="73.06"),
        params={"rows": ["a", "b", "c"], "tag": "ok"},
    )
    assert job.state == Job.State.SUCCEEDED
    assert (job.done, job.total) == (3, 3)
    assert job.attempts == 1 and job.finished_at is not None and job.messages == []
    assert written("ok") == 3
    started = AuditEvent.objects.get(code="jobs.started")
    assert started.actor_username == "gowa_operator" and started.region_code == "73.06"


def test_a_job_whose_transaction_rolls_back_does_not_exist(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        engine.start(kind="tests.import", params={"rows": ["a"], "tag": "rolled-back"})
        raise RuntimeError("the change failed")
    assert not Job.objects.exists() and written("rolled-back") == 0


def test_the_job_waits_in_the_queue_until_its_transaction_commits(db):
    with transaction.atomic():
        job = engine.start(kind="tests.import", params={"rows": ["a"], "tag": "waiting"})
        # Not committed yet (the test's own transaction): nothing ran.
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED and job.attempts == 0 and written("waiting") == 0


def test_a_duplicate_or_late_attempt_does_nothing(start_job):
    job = start_job(kind="tests.import", params={"rows": ["a", "b"], "tag": "once"})
    assert engine.run(job.pk, 1) == "skipped"
    assert engine.run(job.pk, 2) == "skipped"
    assert written("once") == 2
    job.refresh_from_db()
    assert job.attempts == 1 and job.state == Job.State.SUCCEEDED


def test_a_broken_file_fails_with_row_numbered_messages_and_writes_nothing(start_job):
    job = start_job(kind="tests.import", params={"rows": ["a", "bad", "c", "bad"], "tag": "bad"})
    assert job.state == Job.State.FAILED
    assert job.messages[0] == {
        "level": "error",
        "message": "Berkas berisi kesalahan; tidak ada yang disimpan.",
    }
    assert [(m["row"], m["column"]) for m in job.messages[1:]] == [(3, "B"), (5, "B")]
    assert job.messages[1]["message"] == "Nilai tidak valid: bad"
    assert written("bad") == 0


def test_an_error_half_way_through_the_writes_keeps_none_of_them(start_job):
    job = start_job(kind="tests.import", params={"rows": ["a", "b", "crash", "d"], "tag": "half"})
    assert job.state == Job.State.FAILED
    assert "kesalahan tak terduga (RuntimeError)" in job.messages[-1]["message"]
    assert written("half") == 0


def test_a_retryable_failure_is_tried_again_after_a_back_off(settings, start_job, committed):
    settings.SIPOKJA_JOBS_RETRY_SECONDS = 30
    kinds.FLAKY["failures"] = 2
    before = timezone.now()
    job = start_job(kind="tests.flaky", params={"tag": "flaky"})
    assert job.state == Job.State.QUEUED and job.attempts == 1
    assert before + datetime.timedelta(seconds=30) <= job.run_after <= later(seconds=31)
    assert job.messages[-1]["level"] == "warning"
    assert "ConnectionRefusedError: server down" in job.messages[-1]["message"]

    # Not due yet: the sweep leaves it alone.
    assert committed(sweep.hand_over_due) == 0
    # Due: attempt 2 fails again, and waits twice as long.
    committed(sweep.hand_over_due, later(seconds=31))
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED and job.attempts == 2
    assert job.run_after >= later(seconds=59)
    committed(sweep.hand_over_due, later(seconds=100))
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 3
    assert written("flaky") == 1


def test_a_job_gives_up_after_its_last_attempt(start_job, committed):
    kinds.FLAKY["failures"] = 5
    job = start_job(kind="tests.flaky", params={"tag": "never"})
    for minutes in (5, 10):
        committed(sweep.hand_over_due, later(minutes=minutes))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.attempts == 3
    assert "Menyerah setelah 3 percobaan" in job.messages[-1]["message"]
    assert written("never") == 0


def test_an_admin_can_restart_a_failed_job(personas, start_job, committed):
    kinds.FLAKY["failures"] = 3
    job = start_job(kind="tests.flaky", params={"tag": "restarted"})
    for minutes in (5, 10):
        committed(sweep.hand_over_due, later(minutes=minutes))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert committed(engine.restart, job, by=personas.national_admin)
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 4 and written("restarted") == 1
    assert AuditEvent.objects.filter(code="jobs.restarted").exists()


def test_a_job_whose_worker_died_is_taken_back_and_its_late_writes_are_refused(
    start_job, committed
):
    with transaction.atomic():
        job = engine.start(kind="tests.import", params={"rows": ["a", "b"], "tag": "lost"})
    # Attempt 1 is claimed by a worker that then goes silent (killed).
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.RUNNING, attempts=1, heartbeat_at=timezone.now(), enqueued_at=None
    )
    job.refresh_from_db()
    lost_attempt = engine.JobContext(job, 1)

    assert committed(sweep.recover_stale) == 0  # still within SIPOKJA_JOBS_STALE_MINUTES
    assert committed(sweep.recover_stale, later(minutes=11)) == 1
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED
    assert "Tidak ada yang disimpan darinya" in job.messages[-1]["message"]
    committed(sweep.hand_over_due, later(minutes=12))
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 2 and written("lost") == 2

    # The first attempt comes back to life: none of its writes are accepted.
    with pytest.raises(engine.Superseded):
        lost_attempt.progress(1, 2, force=True)
    with pytest.raises(engine.Superseded), lost_attempt.atomic():
        pass
    assert written("lost") == 2


def test_a_job_lost_on_its_last_attempt_fails_with_the_reason(committed):
    with transaction.atomic():
        job = engine.start(kind="tests.import", params={"rows": ["a"], "tag": "dead"})
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.RUNNING, attempts=3, heartbeat_at=timezone.now()
    )
    committed(sweep.recover_stale, later(hours=1))
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and job.finished_at is not None
    assert "Pekerja berhenti pada percobaan 3" in job.messages[-1]["message"]


def test_a_job_whose_uploaded_file_was_deleted_fails_cleanly(start_job, committed):
    with transaction.atomic():
        job = engine.start(
            kind="tests.read_input",
            input_file=ContentFile(b"a;b\n"),
            input_name="nilai.csv",
        )
        job.input.storage.delete(job.input.name)
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert job.messages == [
        {"level": "error", "message": "Berkas pekerjaan ini (nilai.csv) sudah tidak ada."}
    ]


def test_a_job_reads_its_uploaded_file_and_stores_a_result(start_job):
    job = start_job(kind="tests.read_input", input_file=ContentFile(b"a;b\n"), input_name="x.csv")
    assert job.state == Job.State.SUCCEEDED and job.result_name == "copy.csv"
    with job.result.open("rb") as handle:
        assert handle.read() == b"A;B\n"
    assert job.input.name.startswith("jobs/input/") and job.input.name.endswith(".csv")


def test_a_job_whose_record_was_deleted_fails_with_a_reason(regions, committed):
    region = Region.objects.create(code="99", name="Uji", level=Region.Level.PROVINCE)
    with transaction.atomic():
        job = engine.start(kind="tests.record", params={"region_id": region.pk})
    region.delete()
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED
    assert "The region sudah tidak ada" in job.messages[0]["message"]


def test_an_unknown_kind_cannot_be_started_and_a_vanished_one_fails(db, committed):
    with pytest.raises(LookupError):
        engine.start(kind="tests.nothing")
    job = Job.objects.create(kind="tests.gone")
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "tests.gone" in job.messages[0]["message"]


def test_a_key_starts_a_job_once(db):
    first, created = engine.start_once(key="k-1", kind="tests.import", params={"rows": []})
    again, created_again = engine.start_once(key="k-1", kind="tests.import", params={"rows": []})
    assert created and not created_again and again.pk == first.pk
    assert Job.objects.count() == 1


def test_a_lost_hand_over_is_made_good_by_the_sweep(committed):
    # The process stopped right after the commit, before handing the job over.
    job = Job.objects.create(kind="tests.import", params={"rows": ["a"], "tag": "swept"})
    committed(sweep.sweep)
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and written("swept") == 1


def test_housekeeping_deletes_old_finished_jobs_with_their_files(settings, start_job):
    settings.SIPOKJA_JOBS_KEEP_DAYS = 30
    old = start_job(kind="tests.read_input", input_file=ContentFile(b"x"), input_name="a.csv")
    recent = start_job(kind="tests.read_input", input_file=ContentFile(b"y"), input_name="b.csv")
    waiting = Job.objects.create(kind="tests.import", created_at=later(days=-90))
    Job.objects.filter(pk=old.pk).update(finished_at=later(days=-31))
    storage, files = old.result.storage, [old.input.name, old.result.name]
    assert prune() == 1
    assert set(Job.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not any(storage.exists(name) for name in files)
    assert storage.exists(recent.result.name)
