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

pytestmark = pytest.mark.django_db


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


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
