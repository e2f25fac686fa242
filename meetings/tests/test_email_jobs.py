"""The meetings app's e-mail through jobs (jobs.mail): invitations survive an SMTP outage, the
reminders run on the hourly schedule, and two real workers on PostgreSQL send a scheduled
reminder once. The SMTP server is real (aiosmtpd)."""

import datetime
import time

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from jobs import engine, schedule, sweep
from jobs import mail as job_mail
from jobs.models import Job, OutgoingEmail
from jobs.tests import workers
from jobs.tests.smtp import Recorder, free_port, smtp_server, use_smtp
from meetings import services
from meetings.models import Participant, ReminderLog
from meetings.tests import helpers as h


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def attachments_of(message) -> dict:
    return {
        part.get_filename(): part.get_content_type()
        for part in message.walk()
        if part.get_filename()
    }


@pytest.mark.django_db
def test_invitations_survive_an_smtp_outage_and_leave_once_it_is_back(
    personas, settings, committed
):
    port = free_port()
    use_smtp(settings, port)  # nothing listens there yet: the server is down
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06", started=False, title="Rapat koordinasi")
    h.invite_pokja(meeting, workgroup)

    count = committed(services.send_invitations, meeting=meeting, by=personas.gowa_operator)

    # The change is saved and the request was not blocked; the e-mails wait for a retry.
    assert count == 2
    assert (
        Participant.objects.filter(meeting=meeting, invitation_sent_at__isnull=False).count() == 2
    )
    job = Job.objects.get(kind=job_mail.KIND)
    assert job.state == Job.State.QUEUED and job.attempts == 1 and job.done == 0
    assert job.created_by == personas.gowa_operator and job.region.code == "73.06"
    assert job.messages[-1]["level"] == "warning"
    assert "ConnectionRefusedError" in job.messages[-1]["message"]

    with smtp_server(port, Recorder()) as server:
        committed(sweep.hand_over_due, later(minutes=1))
        job.refresh_from_db()
        assert job.state == Job.State.SUCCEEDED and (job.done, job.total) == (2, 2)
        assert sorted(m["To"] for m in server.messages) == sorted(
            m.email for m in workgroup.members.all()
        )
        assert set(server.subjects) == {"Undangan: Rapat koordinasi"}
        assert all(attachments_of(m) == {"undangan.ics": "text/calendar"} for m in server.messages)
        # Sweeping again sends nothing twice.
        committed(sweep.sweep, later(minutes=5))
        assert len(server.messages) == 2
    sent = OutgoingEmail.objects.filter(job=job)
    assert all(e.sent_at and e.body == "" and e.attachments == [] for e in sent)


@pytest.mark.django_db
def test_the_scheduled_reminders_are_e_mailed_through_mail_jobs(personas, committed):
    workgroup = h.pokja("73.06", members=1)
    meeting = h.meeting("73.06", started=False, title="Rapat besok")
    start = h.when(1)
    services.update_meeting(
        meeting=meeting, by=None, expected_version=1, starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )  # fmt: skip
    h.invite_pokja(meeting, workgroup)
    (run,) = [job for job in committed(schedule.tick) if job.kind == "meetings.reminders"]
    run.refresh_from_db()
    assert run.state == Job.State.SUCCEEDED and run.created_by is None
    assert run.messages == [
        {"level": "info", "message": "1 pengingat diantrekan untuk dikirim lewat e-mail."}
    ]
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Pengingat: Rapat besok besok", [workgroup.members.get().email])
    ]
    assert Job.objects.filter(kind="mail.send", state=Job.State.SUCCEEDED).count() == 1
    # Started again (another worker, a manual run): nothing new is sent.
    committed(engine.start, kind="meetings.reminders")
    assert len(mail.outbox) == 1


def _reminder_setup():
    workgroup = h.pokja("73.06", members=2)
    h.meeting_tomorrow("73.06", workgroup)
    return sorted(m.email for m in workgroup.members.all())


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_two_workers_run_the_scheduled_reminders_once_and_send_each_e_mail_once(
    personas, settings, database_queue, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip("two worker processes need PostgreSQL (CI runs this on PostgreSQL)")
    recipients = _reminder_setup()
    port = free_port()
    smtp = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": port,
        "SIPOKJA_JOBS_RETRY_SECONDS": 1,
    }
    entry = next(e for e in schedule.entries() if e.kind == "meetings.reminders")
    begun = timezone.now()
    url = workers.postgres_url()
    with smtp_server(port, Recorder()) as server:
        pool = [
            workers.start(url, tmp_path / f"worker{n}.log", "--interval", "0.2",
                          "--sweep-interval", "1", "--worker-id", f"w{n}", **smtp)
            for n in (1, 2)
        ]  # fmt: skip
        try:
            workers.wait_for(
                lambda: (
                    len(server.messages) >= 2
                    and not Job.objects.exclude(state__in=Job.FINISHED).exists()
                ),
                message="the reminder e-mails",
            )
            time.sleep(4)  # both workers keep ticking the schedule for a few more rounds
        finally:
            codes = [workers.stop(worker) for worker in pool]
        ended = timezone.now()
    logs = [(tmp_path / f"worker{n}.log").read_text() for n in (1, 2)]
    assert all("Starting worker" in log for log in logs), logs
    assert codes == [0, 0], logs

    assert sorted(m["To"] for m in server.messages) == recipients
    assert {m["Subject"] for m in server.messages} == {"Pengingat: Rapat besok besok"}
    assert ReminderLog.objects.count() == 2
    periods = {entry.key(begun), entry.key(ended)}
    runs = Job.objects.filter(kind="meetings.reminders")
    assert runs.count() == len(periods)  # one per period, though two workers tick every second
    assert set(runs.values_list("key", flat=True)) == periods
    assert all(job.state == Job.State.SUCCEEDED for job in runs)
