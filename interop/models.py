"""Integrators: API keys scoped to a region, webhooks and their delivery log."""

import secrets
import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import BearerKey
from core.fields import link
from core.provenance import user_field

KEY_PREFIX = "sipk_"


class RegionIntegration(models.Model):
    """What an admin sets up for an integrator (an API key, a webhook): it serves one region and
    everything below it, and records who created it and when; newest first."""

    region = link("regions.Region", _("region"), "+")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = user_field(blank=False)

    class Meta:
        abstract = True
        ordering = ["-created_at"]


class IntegratorKey(RegionIntegration, BearerKey):  # noqa: DJ008 (str from BearerKey)
    """An API key of an integrator (a provincial data portal, the planning system), for one
    region and everything below it, read-only or read-write. Only its SHA-256 is stored: the key
    is shown once, when it is created."""

    class Access(models.TextChoices):
        READ = "read", _("Read only")
        WRITE = "write", _("Read and write")

    name = models.CharField(_("integrator"), max_length=150)
    access = models.CharField(_("access"), max_length=5, choices=Access.choices)
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta(RegionIntegration.Meta):
        verbose_name = _("integrator API key")
        verbose_name_plural = _("integrator API keys")

    @staticmethod
    def new_raw() -> str:
        return KEY_PREFIX + secrets.token_urlsafe(32)

    @property
    def can_write(self) -> bool:
        return self.access == self.Access.WRITE


class Webhook(RegionIntegration):
    """A URL told about events in a region (and below it), signed with HMAC-SHA256."""

    class Event(models.TextChoices):
        ASSESSMENT_VERIFIED = "assessment.verified", _("Assessment verified")
        ASSESSMENT_RETURNED = "assessment.returned", _("Assessment returned")
        VALUES_CHANGED = "indicator_values.changed", _("Indicator values changed")
        MEETING_SCHEDULED = "meeting.scheduled", _("Meeting scheduled")

    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(_("events"), default=list)
    secret = models.CharField(max_length=64, editable=False)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta(RegionIntegration.Meta):
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.url

    @staticmethod
    def new_secret() -> str:
        return secrets.token_hex(32)


class Delivery(models.Model):
    """One event sent (or being sent) to one webhook: the delivery log."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    event = models.CharField(_("event"), max_length=40)
    payload = models.JSONField(default=dict)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.event} → {self.webhook_id}"
