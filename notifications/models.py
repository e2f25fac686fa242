from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.fields import once
from core.privacy import LEGITIMATE_INTEREST
from notifications.kinds import KIND_CHOICES


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """One piece of news for one user: what happened (`title`, `body`) and where to act on it
    (`url`, a path inside Sipokja). Read once `read_at` is set."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("details"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    region = models.ForeignKey(
        "regions.Region", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Set by callers that must notify once only (a decree's 90-day notice, an overdue item): a
    # user never gets two notifications with the same key.
    key = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class DataScrubbing:
        personal_fields = ("title", "body")
        legal_basis = LEGITIMATE_INTEREST
        retention = _("1 year.")
        visible_to = _("The user it is addressed to.")
        purpose = _("To tell users what needs their attention (the inbox).")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [
            models.Index(
                fields=["user"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["user", "-created_at"], name="notification_inbox"),
        ]
        constraints = [once("user", "key", condition=~Q(key=""), name="notification_once_per_key")]

    def __str__(self):
        return self.title

    @property
    def read(self) -> bool:
        return self.read_at is not None


class Preference(models.Model):
    """A user's choice for one kind: in the inbox only, or in the inbox and by e-mail. Without a
    row the kind's default applies (notifications.kinds)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    email = models.BooleanField(_("also by e-mail"))

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [once("user", "kind", name="notification_preference_once")]

    def __str__(self):
        return f"{self.user} · {self.kind}: {'e-mail' if self.email else 'inbox'}"
