"""The province ↔ kab/kota loop told through the inbox and e-mail (issue 20): a returned
assessment reaches the operator as an unread notification with the reason and as an e-mail
through a real SMTP server (aiosmtpd); a submission reaches the province's admins; each user's
choice per kind is honoured; with the SMTP server down the change is saved and the e-mail leaves
once the server is back."""

import datetime

import pytest
from django.core import mail as django_mail
from django.utils import timezone

from assessment.models import Assessment, Criterion
from assessment.tests.factories import make_pokja
from jobs import sweep
from jobs.models import Job, OutgoingEmail
from jobs.tests.smtp import Recorder, free_port, smtp_server, subject_of, use_smtp
from notifications import kinds
from notifications.models import Notification

YEAR = 2025
REASON = "PDF SK tidak terbaca, unggah ulang hasil pindaian yang jelas."
CRITERIA = ["sk", "rencana_kerja", "indikator", "anggaran"]


@pytest.fixture
def gowa(personas):
    make_pokja("73.06", YEAR)
    for name in ("gowa_operator", "sulsel_admin", "sultra_admin", "national_admin"):
        user = personas.users[name]
        user.email = f"{name}@example.org"
        user.save()
    return personas


def _submit(personas, capture):
    with capture(execute=True):
        response = personas.client("gowa_operator").post(
            f"/r/73.06/assessment/{YEAR}/submit/", {"note": "Lengkap"}
        )
    assert response.status_code == 302


def _return_with_reason(personas, capture):
    admin = personas.client("sulsel_admin")
    with capture(execute=True):
        for code in CRITERIA:
            pk = Criterion.objects.get(year=YEAR, code=code, province__isnull=True).pk
            rejected = code == "sk"
            response = admin.post(
                f"/r/73.06/assessment/{YEAR}/verify/",
                {
                    "criterion": pk,
                    "decision": "rejected" if rejected else "accepted",
                    "reason": REASON if rejected else "",
                },
            )
            assert response.status_code == 302


def _text_and_html(message):
    parts = {part.get_content_type(): part for part in message.walk()}
    text = parts["text/plain"].get_payload(decode=True).decode()
    html = parts["text/html"].get_payload(decode=True).decode()
    return text, html


def test_a_returned_assessment_reaches_the_operator_in_the_inbox_and_by_smtp(
    gowa, settings, django_capture_on_commit_callbacks
):
    port = free_port()
    use_smtp(settings, port)
    settings.SIPOKJA_BASE_URL = "https://sipokja.example.org"
    _submit(gowa, django_capture_on_commit_callbacks)
    with smtp_server(port, Recorder()) as recorder:
        _return_with_reason(gowa, django_capture_on_commit_callbacks)
    assert Assessment.objects.get().status == "returned"

    notification = Notification.objects.get(user=gowa.gowa_operator, kind=kinds.ASSESSMENT_RETURNED)
    assert not notification.read and REASON in notification.title
    assert notification.url == f"/r/73.06/assessment/{YEAR}/resubmit/"

    operator = gowa.client("gowa_operator")
    inbox = operator.get("/notifications/").content.decode()
    assert REASON in inbox and "dikembalikan" in inbox
    badge = operator.get("/accounts/profile/").content.decode()
    assert 'data-unread="1"' in badge

    (message,) = [m for m in recorder.messages if m["To"] == "gowa_operator@example.org"]
    assert "dikembalikan" in subject_of(message) and "Kabupaten Gowa" in subject_of(message)
    text, html = _text_and_html(message)
    link = f"https://sipokja.example.org/r/73.06/assessment/{YEAR}/resubmit/"
    assert REASON in text and link in text
    assert REASON in html and f'href="{link}"' in html

    # Opening it marks it read and goes straight to what must be put right and resubmitted.
    response = operator.post(f"/notifications/{notification.pk}/read/")
    assert response.status_code == 302 and response["Location"] == notification.url
    notification.refresh_from_db()
    assert notification.read
    page = operator.get(notification.url)
    assert page.status_code == 200 and REASON in page.content.decode()
    assert 'name="answer_' in page.content.decode()
    assert 'data-unread="' not in operator.get("/accounts/profile/").content.decode()


def test_submitting_notifies_the_province_admins_only(gowa, django_capture_on_commit_callbacks):
    _submit(gowa, django_capture_on_commit_callbacks)
    told = Notification.objects.filter(kind=kinds.ASSESSMENT_SUBMITTED)
    assert [n.user for n in told] == [gowa.sulsel_admin]
    assert "Kabupaten Gowa" in told[0].title and str(YEAR) in told[0].title
    (sent,) = django_mail.outbox
    assert sent.to == ["sulsel_admin@example.org"]
    assert sent.alternatives[0][1] == "text/html"


def test_preferences_are_honoured_and_the_language_is_the_recipients(
    gowa, django_capture_on_commit_callbacks
):
    # The province admin keeps submissions in the inbox only.
    admin = gowa.client("sulsel_admin")
    kept = [k for k in kinds.KINDS if k != kinds.ASSESSMENT_SUBMITTED]
    assert admin.post("/notifications/preferences/", {"email": kept}).status_code == 302
    # The operator reads English.
    operator = gowa.client("gowa_operator")
    operator.post(
        "/accounts/profile/contact/",
        {"email": "operator.baru@example.org", "language": "en"},
    )
    profile = admin.get("/accounts/profile/").content.decode()
    assert f'value="{kinds.ASSESSMENT_SUBMITTED}">' in profile  # unticked
    assert f'value="{kinds.ASSESSMENT_RETURNED}" checked>' in profile

    _submit(gowa, django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=gowa.sulsel_admin).count() == 1
    assert django_mail.outbox == []

    _return_with_reason(gowa, django_capture_on_commit_callbacks)
    (sent,) = django_mail.outbox
    assert sent.to == ["operator.baru@example.org"]
    assert "was returned" in sent.subject and REASON in sent.body
    assert "Open it in Sipokja" in sent.body

    from audit.models import AuditEvent

    codes = set(AuditEvent.objects.values_list("code", flat=True))
    assert {"notifications.preference", "accounts.contact"} <= codes


def test_with_the_smtp_server_down_the_change_is_saved_and_the_e_mail_leaves_later(
    gowa, settings, django_capture_on_commit_callbacks
):
    port = free_port()
    use_smtp(settings, port)  # nothing listens on the port yet
    _submit(gowa, django_capture_on_commit_callbacks)
    _return_with_reason(gowa, django_capture_on_commit_callbacks)
    assert Assessment.objects.get().status == "returned"
    assert Notification.objects.filter(kind=kinds.ASSESSMENT_RETURNED).count() == 1
    pending = OutgoingEmail.objects.filter(to=["gowa_operator@example.org"], sent_at=None)
    assert pending.count() == 1
    job = pending.get().job
    assert job.state == Job.State.QUEUED and job.run_after is not None

    with smtp_server(port, Recorder()) as recorder:
        with django_capture_on_commit_callbacks(execute=True):
            sweep.hand_over_due(timezone.now() + datetime.timedelta(hours=2))
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED
    assert sorted(m["To"] for m in recorder.messages) == [
        "gowa_operator@example.org",
        "sulsel_admin@example.org",
    ]
