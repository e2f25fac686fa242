"""The one way Sipokja sends e-mail: `send(messages)`.

The messages are written to the outbox (OutgoingEmail rows of one mail job) in the caller's
transaction; a worker sends them after that transaction commits, through Django's mail settings
(`EMAIL_BACKEND`, `EMAIL_HOST`, …). So an e-mail is never sent for a change that was rolled
back, never lost when the SMTP server is down (the job is retried with back-off, from
SIPOKJA_JOBS_RETRY_SECONDS doubling up to an hour, MAIL_ATTEMPTS times; then it fails
visibly and an admin can restart it), and never blocks the request. Each e-mail is marked sent on its own
right after the server accepted it, so a retried job sends only what was not sent yet; each
keeps one Message-ID across attempts.

    from jobs.mail import send
    send([EmailMessage(subject, body, to=[address])], by=request.user, region=region)
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import make_msgid
from django.db import transaction
from django.template import loader
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobs import engine
from jobs.models import OutgoingEmail
from jobs.registry import job_kind

KIND = "mail.send"
# About 5½ hours of retries with the default back-off (30 s doubling, at most an hour apart).
MAIL_ATTEMPTS = 12


def _domain() -> str:
    return urlsplit(settings.SIPOKJA_BASE_URL).hostname or "sipokja.local"


def send(messages, *, by=None, region=None, title=""):
    """Queue `messages` (Django EmailMessage objects with their attachments) as one mail job.
    Returns the job, or None when no message has a recipient."""
    messages = [m for m in messages if m.recipients()]
    if not messages:
        return None
    if not title:
        title = _("E-mail: %(subject)s") % {"subject": messages[0].subject}
        if len(messages) > 1:
            title += " " + _("(%(count)d e-mails)") % {"count": len(messages)}
    with transaction.atomic():
        job = engine.start(kind=KIND, by=by, region=region, title=title, total=len(messages))
        emails = []
        for message in messages:
            message.extra_headers.setdefault("Message-ID", make_msgid(domain=_domain()))
            emails.append(OutgoingEmail.from_message(job, message))
        OutgoingEmail.objects.bulk_create(emails)
    return job


@job_kind(KIND, label=gettext_lazy("E-mail"), retry_on=(OSError,), max_attempts=MAIL_ATTEMPTS)
def deliver(ctx) -> None:
    """Send the job's e-mails that are not sent yet, one by one; an SMTP failure (OSError) ends
    the attempt and the job is retried later with what is left."""
    sent = ctx.job.emails.filter(sent_at__isnull=False).count()
    pending = list(ctx.job.emails.filter(sent_at__isnull=True))
    ctx.progress(sent, sent + len(pending), force=True)
    if not pending:
        return
    with get_connection(fail_silently=False) as connection:
        for email in pending:
            connection.send_messages([email.to_message()])
            OutgoingEmail.objects.filter(pk=email.pk, sent_at__isnull=True).update(
                sent_at=timezone.now(), body="", alternatives=[], attachments=[]
            )
            sent += 1
            ctx.progress(sent)


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's password reset form, with its e-mail sent through the mail job."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        send([message], title=_("E-mail: password reset"))
