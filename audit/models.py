from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """One state change: who, when, which region, what changed (old and new values).

    No foreign keys, on purpose: deleting a user, a region's data or the object itself never
    blocks on the audit trail, and history survives the delete.
    """

    class Action(models.TextChoices):
        CREATE = "create", _("created")
        UPDATE = "update", _("changed")
        DELETE = "delete", _("deleted")
        OTHER = "other", _("other")

    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    actor_id = models.BigIntegerField(null=True, blank=True)
    actor_username = models.CharField(_("by"), max_length=150)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    # A domain action code for service-level events, e.g. `assessment.verified`.
    code = models.CharField(_("event"), max_length=80, blank=True)
    model = models.CharField(_("record type"), max_length=100)
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(_("record"), max_length=200, blank=True)
    region_code = models.CharField(_("region"), max_length=5, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            # The region audit page: events of a region (and its kab/kota), newest first.
            models.Index(fields=["region_code", "-created_at"], name="audit_region_time"),
            # The history of one record (profile pages).
            models.Index(fields=["model", "object_id"], name="audit_object"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_username} {self.action} {self.model} {self.object_id}"


class DataVersion(models.Model):
    """One row whose value rises after every committed transaction that wrote an audit record,
    that is after every state change (audit.version). Caches of rendered pages key on it, so a
    change shows on the next request."""

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")

    def __str__(self):
        return str(self.value)
