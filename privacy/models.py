"""The register of UU 27/2022 (PDP): the controller's contact per province, data-subject
requests with their 3×24-hour clock, consents, and personal-data breaches."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.privacy import CONSENT_PURPOSES, LEGAL_OBLIGATION
from core.provenance import user_field

# UU 27/2022 Pasal 32–44 (requests) and Pasal 46 (breach notification): 3×24 hours.
LEGAL_CLOCK = datetime.timedelta(hours=72)


class Controller(models.Model):
    """The controller (pengendali data pribadi) and its data protection officer (pejabat
    pelindung data pribadi, Pasal 53) for a province."""

    region = models.OneToOneField(
        "regions.Region", on_delete=models.CASCADE, related_name="privacy_controller"
    )
    controller_name = models.CharField(_("controller"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)
    dpo_name = models.CharField(_("data protection officer"), max_length=150, blank=True)
    dpo_email = models.EmailField(_("DPO e-mail"), blank=True)
    dpo_phone = models.CharField(_("DPO phone"), max_length=30, blank=True)

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("data controller")
        verbose_name_plural = _("data controllers")

    class DataScrubbing:
        personal_fields = ("dpo_name", "dpo_email", "dpo_phone")
        purpose = _("So that data subjects can reach the data protection officer.")
        legal_basis = LEGAL_OBLIGATION
        retention = _("While the officer holds the post.")
        visible_to = _("Everyone (the privacy page).")

    def __str__(self):
        return self.controller_name


class LegalClock(models.Model):
    """A record with a legal deadline (`deadline`, 3×24 hours) that runs while it is open."""

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    def is_overdue(self, now=None) -> bool:
        return self.is_open and (now or timezone.now()) > self.deadline


class DataRequest(LegalClock):
    """A data subject's request (Pasal 5–13), to be served within 3×24 hours."""

    class Kind(models.TextChoices):
        ACCESS = "access", _("Access")
        CORRECTION = "correction", _("Correction")
        DELETION = "deletion", _("Deletion")
        RESTRICTION = "restriction", _("Restriction")
        OBJECTION = "objection", _("Objection")
        WITHDRAWAL = "withdrawal", _("Withdrawal of consent")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        REFUSED = "refused", _("Refused")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    kind = models.CharField(_("request"), max_length=12, choices=Kind.choices)
    requester_name = models.CharField(_("requested by"), max_length=150)
    subject_name = models.CharField(_("about"), max_length=150)
    member = models.ForeignKey(
        "workgroups.Member", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = user_field()
    details = models.TextField(_("details"), blank=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"))
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default="open")
    handled_by = user_field()
    outcome = models.TextField(_("what was done"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("data-subject request")
        verbose_name_plural = _("data-subject requests")

    class DataScrubbing:
        personal_fields = ("requester_name", "subject_name")
        purpose = _("To serve a data subject's request and prove it was served in time.")
        legal_basis = LEGAL_OBLIGATION
        retention = _("3 years after the request is closed.")
        visible_to = _("Admins of the province.")
        personal_repr = True

    def __str__(self):
        return f"{self.get_kind_display()}: {self.subject_name}"

    def save(self, *args, **kwargs):
        if not self.deadline:
            self.deadline = self.received_at + LEGAL_CLOCK
        super().save(*args, **kwargs)

    def time_left(self, now=None) -> datetime.timedelta:
        return self.deadline - (now or timezone.now())


class Consent(models.Model):
    """A member's consent to a use that rests on it (Pasal 20(2)(a), 22–24): what was agreed,
    when, how, the text shown; withdrawn at any time (Pasal 9, 40)."""

    class Method(models.TextChoices):
        FORM = "form", _("Signed form")
        ONLINE = "online", _("In Sipokja by the person")
        RECORDED = "recorded", _("Recorded (voice or video)")

    member = models.ForeignKey(
        "workgroups.Member", on_delete=models.CASCADE, related_name="consents"
    )
    purpose = models.CharField(_("use"), max_length=20, choices=list(CONSENT_PURPOSES.items()))
    text = models.TextField(_("text shown"))
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    recorded_by = user_field()
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self):
        return f"{self.get_purpose_display()} ({self.given_at:%d-%m-%Y})"

    @property
    def in_force(self) -> bool:
        return self.withdrawn_at is None


class Breach(LegalClock):
    """A personal-data breach (kegagalan pelindungan data pribadi, Pasal 46): notified to the
    subjects and the authority within 3×24 hours of its discovery."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        NOTIFIED = "notified", _("Notified")
        CLOSED = "closed", _("Closed")

    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("incident"), max_length=200)
    data_affected = models.TextField(_("personal data affected"))
    subjects_count = models.PositiveIntegerField(_("number of data subjects"))
    occurred_at = models.DateTimeField(_("happened"))
    discovered_at = models.DateTimeField(_("discovered"))
    deadline = models.DateTimeField(_("notify by"))
    how = models.TextField(_("how it happened"), blank=True)
    actions = models.TextField(_("what was done"), blank=True)
    status = models.CharField(_("status"), max_length=9, choices=Status.choices, default="open")
    notified_at = models.DateTimeField(_("notified"), null=True, blank=True)
    recorded_by = user_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("personal-data breach")
        verbose_name_plural = _("personal-data breaches")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.deadline = self.discovered_at + LEGAL_CLOCK
        super().save(*args, **kwargs)
