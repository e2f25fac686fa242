"""A job is work that runs off the request, on a worker, with progress people can see.

The engine (Django's Tasks API, database backend) moves `jobs.tasks.run_job(job_id, attempt)`
from the web process to a worker; this record is what users, admins and the API see.
"""

import base64

from django.core.mail import EmailMultiAlternatives
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import link
from core.privacy import SystemLog
from core.provenance import user_field


class Job(models.Model):
    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    FINISHED = (State.SUCCEEDED, State.FAILED)

    kind = models.CharField(_("kind"), max_length=64)
    title = models.CharField(_("title"), max_length=200, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED, db_index=True
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    # [{"level": "error"|"warning"|"info", "message": "…", "row": 5, "column": "C", "field": …}]
    messages = models.JSONField(_("messages"), default=list, blank=True)
    # What the kind needs to run (ids, codes, the year): plain JSON, never model instances.
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    # Starting a job with a key that exists returns the existing job (schedules: one per period).
    key = models.CharField(_("idempotency key"), max_length=200, null=True, blank=True, unique=True)
    input = models.FileField(_("input file"), blank=True, max_length=200)
    input_name = models.CharField(_("input file name"), max_length=200, blank=True)
    result = models.FileField(_("result file"), blank=True, max_length=200)
    result_name = models.CharField(_("result file name"), max_length=200, blank=True)
    created_by = user_field(_("started by"), related_name="jobs")
    region = link("regions.Region", _("region"), "jobs", models.SET_NULL, optional=True)
    # The language of the person who started it: messages and files are written in it.
    language = models.CharField(_("language"), max_length=10, default="id")
    created_at = models.DateTimeField(_("created at"), default=timezone.now, db_index=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    # Attempts claimed so far; the running attempt's number is its ownership token.
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    max_attempts = models.PositiveSmallIntegerField(_("maximum attempts"), default=3)
    # Not before this time (back-off after a failed attempt).
    run_after = models.DateTimeField(_("run after"), null=True, blank=True)
    # When the next attempt was handed to the engine (empty: the sweep hands it over).
    enqueued_at = models.DateTimeField(_("enqueued at"), null=True, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    # The id of the request that started the job (core.requestid): its log lines on the worker
    # carry it too.
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    # Last sign of life of the running attempt; a stale one is taken back by the sweep.
    heartbeat_at = models.DateTimeField(_("heartbeat"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        indexes = [
            models.Index(fields=["created_by", "-created_at"], name="jobs_by_user_idx"),
            models.Index(fields=["state", "run_after"], name="jobs_state_idx"),
        ]

    def __str__(self):
        return self.title or self.kind

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINISHED

    @property
    def percent(self) -> int:
        if self.state == self.State.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    @property
    def kind_label(self):
        from jobs.registry import kind_label

        return kind_label(self.kind)


class OutgoingEmail(models.Model):
    """One e-mail waiting for its mail job (the outbox): written in the transaction of the change
    that causes it, sent by a worker after that commits. Once sent, only the envelope (to,
    subject, time) is kept: the text is deleted."""

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="emails")
    from_email = models.CharField(_("from"), max_length=254, blank=True)
    to = models.JSONField(_("to"), default=list)
    cc = models.JSONField(_("cc"), default=list, blank=True)
    bcc = models.JSONField(_("bcc"), default=list, blank=True)
    reply_to = models.JSONField(_("reply to"), default=list, blank=True)
    subject = models.CharField(_("subject"), max_length=400)
    body = models.TextField(_("text"), blank=True)
    # [[content, mimetype], …] (an HTML version)
    alternatives = models.JSONField(default=list, blank=True)
    # [{"name": "undangan.ics", "mimetype": "text/calendar", "text": "…" or "base64": "…"}, …]
    attachments = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    class DataScrubbing(SystemLog):
        personal_fields = ("to", "cc", "bcc", "body")
        retention = _("Until the e-mail is sent; the record of it for 90 days.")
        purpose = _(
            "To deliver invitations, reminders and password resets; the text is deleted once "
            "the e-mail is sent."
        )

    def __str__(self):
        return self.subject

    @classmethod
    def from_message(cls, job, message) -> "OutgoingEmail":
        attachments = []
        for attachment in message.attachments:
            if not isinstance(attachment, tuple):
                raise TypeError("Attach files as (name, content, mimetype), not MIME objects.")
            name, content, mimetype = attachment
            item = {"name": name, "mimetype": mimetype or "application/octet-stream"}
            if isinstance(content, str):
                item["text"] = content
            else:
                item["base64"] = base64.b64encode(content).decode("ascii")
            attachments.append(item)
        return cls(
            job=job,
            from_email=message.from_email or "",
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            subject=str(message.subject)[:400],
            body=message.body,
            alternatives=[
                [content, mimetype] for content, mimetype in getattr(message, "alternatives", [])
            ],
            attachments=attachments,
            headers=dict(message.extra_headers),
        )

    def to_message(self) -> EmailMultiAlternatives:
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.body,
            from_email=self.from_email or None,
            to=self.to,
            cc=self.cc,
            bcc=self.bcc,
            reply_to=self.reply_to,
            headers=self.headers,
        )
        for content, mimetype in self.alternatives:
            message.attach_alternative(content, mimetype)
        for item in self.attachments:
            content = item["text"] if "text" in item else base64.b64decode(item["base64"])
            message.attach(item["name"], content, item["mimetype"])
        return message
