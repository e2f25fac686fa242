"""Minutes (notulen) of a meeting with their decisions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from meetings.models.meeting import Meeting
from meetings.sanitize import sanitize_html


class Minutes(VersionedModel):
    """The notulen of a meeting: a rich-text account (a safe HTML subset, sanitised on every
    save), the decisions as separate items, and the chair's approval. Approved minutes are locked:
    changing them needs an explicit un-approval first, which is recorded."""

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    body = models.TextField(_("minutes"), blank=True)
    chair_name = models.CharField(_("chaired by"), max_length=150, blank=True)
    secretary_name = models.CharField(_("minutes taken by"), max_length=150, blank=True)
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        constraints = [
            models.CheckConstraint(
                condition=Q(approved_at__isnull=True, approved_by__isnull=True)
                | Q(approved_at__isnull=False, approved_by__isnull=False),
                name="meetings_minutes_approval_pair",
                violation_error_message=_("Approval needs both the time and the approver."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("chair_name", "secretary_name")

    def __str__(self):
        return str(_("Minutes of %(meeting)s") % {"meeting": self.meeting})

    @property
    def is_approved(self) -> bool:
        return self.approved_at is not None

    def save(self, *args, **kwargs):
        # Whatever the path (form, API, shell), only the safe subset reaches the database.
        self.body = sanitize_html(self.body)
        super().save(*args, **kwargs)


class Decision(models.Model):
    """One decision or agreement (kesepakatan) of the meeting, numbered as in the minutes."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="decisions")
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("decision"))

    class Meta:
        ordering = ["number", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"
