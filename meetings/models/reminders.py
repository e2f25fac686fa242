"""The log of reminders sent, so that each goes out once."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderLog(models.Model):
    """One reminder e-mail sent by `send_reminders`. The unique constraint is what makes each
    reminder go out once, however often cron runs the command."""

    class Kind(models.TextChoices):
        ITEM_DUE_SOON = "item_due_soon", _("Action item due soon")
        ITEM_OVERDUE = "item_overdue", _("Action item overdue")
        MEETING_TOMORROW = "meeting_tomorrow", _("Meeting tomorrow")

    kind = models.CharField(max_length=20, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    recipient = models.EmailField()
    due_date = models.DateField()
    region_code = models.CharField(max_length=5, blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-sent_at", "pk"]
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "recipient", "due_date"],
                name="meetings_reminder_once",
                violation_error_message=_("This reminder was already sent."),
            )
        ]

    class DataScrubbing:
        personal_fields = ("recipient",)

    def __str__(self):
        return f"{self.kind} #{self.object_id} → {self.recipient}"
