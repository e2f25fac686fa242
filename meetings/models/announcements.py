"""Announcements from the province, their recipients and who has read them; and the log of
reminders sent, so that each goes out once."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import demo_flag, link, once
from core.privacy import SystemLog
from core.provenance import user_field


class Announcement(VersionedModel):
    """A notice from the province to the Pokjas of its kab/kota (pengumuman), with a record of
    which kab/kota have opened it."""

    region = link("regions.Region", _("sent by"), "announcements")
    title = models.CharField(_("title"), max_length=250)
    is_demo = demo_flag(editable=False)
    body = models.TextField(_("text"))
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    created_by = user_field()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("announcement")
        verbose_name_plural = _("announcements")
        indexes = [
            # The province's list of sent announcements.
            models.Index(fields=["region", "published_at"], name="meetings_announcement_region"),
        ]

    def __str__(self):
        return self.title


class AnnouncementRecipient(models.Model):
    """A kab/kota an announcement was sent to."""

    announcement = models.ForeignKey(
        Announcement, on_delete=models.CASCADE, related_name="recipients"
    )
    region = link("regions.Region", _("region"), "received_announcements")

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("announcement recipient")
        verbose_name_plural = _("announcement recipients")
        constraints = [
            once(
                "announcement",
                "region",
                name="meetings_recipient_once",
                message=_("This region already receives the announcement."),
            )
        ]
        indexes = [
            # A kab/kota's list of received announcements.
            models.Index(fields=["region"], name="meetings_recipient_region"),
        ]

    def __str__(self):
        return f"{self.announcement} → {self.region}"


class AnnouncementRead(models.Model):
    """A read receipt: a user holding a role in a receiving kab/kota opened the announcement."""

    announcement = models.ForeignKey(Announcement, on_delete=models.CASCADE, related_name="reads")
    region = models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["read_at", "pk"]
        verbose_name = _("read receipt")
        verbose_name_plural = _("read receipts")
        constraints = [
            once(
                "announcement",
                "region",
                "user",
                name="meetings_read_once",
                message=_("This read is already recorded."),
            )
        ]

    class DataScrubbing:
        personal_repr = True  # str() names the user

    def __str__(self):
        return f"{self.announcement} · {self.region} · {self.user}"


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
            once(
                "kind",
                "object_id",
                "recipient",
                "due_date",
                name="meetings_reminder_once",
                message=_("This reminder was already sent."),
            )
        ]

    class DataScrubbing(SystemLog):
        personal_fields = ("recipient",)
        purpose = _("So that a reminder is not sent twice to the same address.")
        retention = _("1 year (the reminder log).")

    def __str__(self):
        return f"{self.kind} #{self.object_id} → {self.recipient}"
