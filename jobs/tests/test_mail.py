"""Every e-mail goes through the mail job: after the commit, retried with back-off while the
SMTP server is down or refuses, each e-mail sent once. The SMTP server is real (aiosmtpd)."""

import datetime

import pytest
from django.core import mail as django_mail
from django.core.mail import EmailMessage, EmailMultiAlternatives
from django.db import transaction
from django.test import Client
from django.utils import timezone

from jobs import mail, sweep
from jobs.models import Job, OutgoingEmail
from jobs.tests.smtp import Recorder, free_port, smtp_server, subject_of, use_smtp
from meetings import services
from meetings.models import Participant
from meetings.tests import helpers as h

pytestmark = pytest.mark.django_db


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def attachments_of(message) -> dict:
    return {
        part.get_filename(): part.get_content_type()
        for part in message.walk()
        if part.get_filename()
    }


def test_invitations_survive_an_smtp_outage_and_leave_once_it_is_back(
    personas, settings, committed
):
    port = free_port()
    use_smtp(settings, port)  # nothing listens there yet: the server is down
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06", started=False, title="Rapat koordinasi")
    services.set_invitees(
        meeting=meeting, by=None, members=workgroup.members.all(), institutions=[]
    )

    count = committed(services.send_invitations, meeting=meeting, by=personas.gowa_operator)

    # The change is saved and the request was not blocked; the e-mails wait for a retry.
    assert count == 2
    assert (
        Participant.objects.filter(meeting=meeting, invitation_sent_at__isnull=False).count() == 2
    )
    job = Job.objects.get(kind=mail.KIND)
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


def test_a_retry_sends_only_the_e_mails_not_sent_yet(settings, committed, db):
    port = free_port()
    use_smtp(settings, port)
    recorder = Recorder()
    recorder.refuse = {"Kedua"}  # the server refuses the second e-mail once (451)
    messages = [
        EmailMessage(s, "Isi", to=[f"{s.lower()}@example.org"]) for s in ("Pertama", "Kedua")
    ]
    with smtp_server(port, recorder):
        job = committed(mail.send, messages)
        job.refresh_from_db()
        assert job.state == Job.State.QUEUED and job.done == 1
        assert "SMTPDataError" in job.messages[-1]["message"]
        committed(sweep.hand_over_due, later(minutes=1))
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.attempts == 2
    assert recorder.subjects == ["Pertama", "Kedua"]
    second = OutgoingEmail.objects.get(job=job, subject="Kedua")
    assert recorder.messages[1]["Message-ID"] == second.headers["Message-ID"]


def test_an_e_mail_of_a_change_that_rolls_back_is_never_sent(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send([EmailMessage("Batal", "Isi", to=["a@example.org"])])
        raise RuntimeError("the change failed")
    assert not Job.objects.exists() and not OutgoingEmail.objects.exists()
    assert django_mail.outbox == []


def test_messages_keep_their_html_and_attachments(committed, db):
    message = EmailMultiAlternatives(
        "Laporan", "Teks", "Pokja <pokja@example.org>", ["a@example.org"], cc=["b@example.org"],
        reply_to=["balas@example.org"],
    )  # fmt: skip
    message.attach_alternative("<p>Teks</p>", "text/html")
    message.attach("data.bin", b"\x00\x01\xff", "application/octet-stream")
    message.attach("undangan.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    committed(mail.send, [message], title="Laporan")
    (sent,) = django_mail.outbox
    assert (sent.subject, sent.body, sent.from_email) == ("Laporan", "Teks", message.from_email)
    assert (sent.to, sent.cc, sent.reply_to) == (
        ["a@example.org"],
        ["b@example.org"],
        ["balas@example.org"],
    )
    assert sent.alternatives[0][0] == "<p>Teks</p>"
    assert [tuple(a) for a in sent.attachments] == [
        ("data.bin", b"\x00\x01\xff", "application/octet-stream"),
        ("undangan.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
    ]
    assert sent.extra_headers["Message-ID"].endswith("@127.0.0.1>")


def test_nothing_to_send_starts_no_job(db):
    assert mail.send([EmailMessage("Kosong", "Isi", to=[])]) is None
    assert not Job.objects.exists()


def test_a_password_reset_leaves_through_the_mail_job(personas, settings, committed):
    port = free_port()
    use_smtp(settings, port)
    personas.gowa_operator.email = "operator@gowakab.go.id"
    personas.gowa_operator.save()
    with smtp_server(port, Recorder()) as server:
        response = committed(
            Client().post, "/accounts/password-reset/", {"email": "operator@gowakab.go.id"}
        )
        assert response.status_code == 302
        (message,) = server.messages
    assert message["To"] == "operator@gowakab.go.id"
    assert "/accounts/reset/" in message.get_payload(decode=True).decode()
    assert subject_of(message)
    job = Job.objects.get(kind=mail.KIND)
    assert job.state == Job.State.SUCCEEDED and job.created_by is None
    # The reset link is not kept once sent.
    assert OutgoingEmail.objects.get(job=job).body == ""
