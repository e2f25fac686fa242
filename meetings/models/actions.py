"""Action items and commitments with their follow-up (progress notes)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from meetings.models.meeting import Meeting
from meetings.models.minutes import Decision
from meetings.models.uploads import FileType, TypedUploadTo


class ActionItem(VersionedModel):
    """A follow-up (tindak lanjut) or a commitment (komitmen), set by a region at a meeting or on
    its own, and assigned to a region (itself or one of its kab/kota), optionally narrowed to an
    institution and/or a member. Tracked until done or dropped.

    Example: at the 2023 provincial forum each kab/kota committed to allocate the Pokja's
    operational budget in its APBD (docs/domain.md §1)."""

    class Kind(models.TextChoices):
        ACTION = "action", _("Action item")
        COMMITMENT = "commitment", _("Commitment")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)
    CLOSED_STATUSES = (Status.DONE, Status.DROPPED)

    region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="action_items",
        verbose_name=_("set by"),
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("meeting"),
    )
    decision = models.ForeignKey(
        Decision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("decision"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.ACTION)
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    assigned_region = models.ForeignKey(
        "regions.Region",
        on_delete=models.PROTECT,
        related_name="assigned_action_items",
        verbose_name=_("assigned region"),
    )
    assigned_institution = models.ForeignKey(
        "workgroups.Institution",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("assigned institution"),
    )
    assigned_member = models.ForeignKey(
        "workgroups.Member",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_items",
        verbose_name=_("assigned member"),
    )
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    EDITABLE_FIELDS = (
        "kind", "title", "description", "assigned_region", "assigned_institution", "assigned_member", "due_date",
        "meeting", "decision",
    )  # fmt: skip

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["done", "dropped"], closed_at__isnull=False)
                | (~Q(status__in=["done", "dropped"]) & Q(closed_at__isnull=True)),
                name="meetings_actionitem_closed_pair",
                violation_error_message=_(
                    "A closed item has a closing time; an open one has none."
                ),
            )
        ]
        indexes = [
            # A region's list and agenda page: open items assigned to it, by due date.
            models.Index(
                fields=["assigned_region", "status", "due_date"], name="meetings_item_assigned"
            ),
            # A region's list: the items it set.
            models.Index(fields=["region", "status", "due_date"], name="meetings_item_region"),
            # send_reminders: open items due soon or overdue.
            models.Index(fields=["status", "due_date"], name="meetings_item_due"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.is_open and self.due_date < today


class ProgressNote(models.Model):
    """One entry of an action item's follow-up log: what was done, by whom and when, the status
    change it made and, optionally, the evidence (a PDF, XLSX or photo)."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author_name = models.CharField(_("author's name"), max_length=150, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("progress note"))
    status_from = models.CharField(max_length=12, choices=ActionItem.Status.choices, blank=True)
    status_to = models.CharField(max_length=12, choices=ActionItem.Status.choices, blank=True)
    evidence = models.FileField(
        _("evidence"), upload_to=TypedUploadTo("action-evidence", "evidence_type"), blank=True
    )
    evidence_type = models.CharField(max_length=4, choices=FileType.choices, blank=True)
    evidence_filename = models.CharField(max_length=200, blank=True)

    class DataScrubbing:
        personal_fields = ("author_name",)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")
        constraints = [
            models.CheckConstraint(
                condition=Q(evidence="", evidence_type="")
                | (~Q(evidence="") & ~Q(evidence_type="")),
                name="meetings_progressnote_evidence_typed",
                violation_error_message=_("Evidence needs its file type."),
            )
        ]

    def __str__(self):
        return self.text[:80]
