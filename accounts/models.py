import datetime
import hashlib
import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import ROLE_CHOICES
from core.fields import check, link, once
from core.privacy import CONTRACT


class User(AbstractUser):
    """A person who logs in to Sipokja. What they may do comes from their role assignments.
    `language` is the language of the e-mails Sipokja sends them (Indonesian by default)."""

    language = models.CharField(
        _("e-mail language"), max_length=8, choices=settings.LANGUAGES, default="id"
    )

    class DataScrubbing:
        personal_fields = ("first_name", "last_name", "email")
        legal_basis = CONTRACT
        retention = _("While the account exists; deleted with it.")
        visible_to = _("The user, and the admins who manage users of the region.")
        purpose = _("To log in, to address the user and to send password resets and reminders.")
        personal_repr = True  # str() is the username

    def save(self, *args, **kwargs):
        # `set_password` leaves the new password in `_password` until the next save; a hash
        # upgraded at log-in does not (Django clears it first). So this is a real change
        # (password form, reset, `add_user`): every API token of the user stops working.
        password_changed = self._password is not None and self.pk is not None
        super().save(*args, **kwargs)
        if password_changed:
            for token in self.api_tokens.filter(revoked_at__isnull=True):
                token.revoke()


class RoleAssignment(models.Model):
    """A role held by a user for a region and everything below it. The national admin role is
    held for no region (the whole country); every other role needs a region."""

    user = link(settings.AUTH_USER_MODEL, _("user"), "role_assignments", models.CASCADE)
    role = models.CharField(_("role"), max_length=30, choices=ROLE_CHOICES)
    region = link("regions.Region", _("region"), "role_assignments", models.CASCADE, optional=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class DataScrubbing:
        personal_repr = True  # str() names the user

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            once(
                "user",
                "role",
                "region",
                name="unique_role_assignment",
                message=_("This user already holds this role for this region."),
            ),
            check(
                models.Q(role="national_admin", region__isnull=True)
                | (~models.Q(role="national_admin") & models.Q(region__isnull=False)),
                "role_region_required_except_national",
                _("The national admin role has no region; every other role needs one."),
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.region or _('national')}"


def hash_key(raw: str) -> str:
    """The SHA-256 (hex) stored in place of a bearer secret (an API token, an integrator key):
    the secret itself is shown once, when it is made, and never stored."""
    return hashlib.sha256(raw.encode()).hexdigest()


class BearerKey(models.Model):
    """A secret presented as a bearer credential (a user's API token, an integrator's API key):
    the record keeps only its `key_hash` (hash_key) and a short `prefix` to recognise it by,
    is named `name (prefix…)`, and notes when it was last used."""

    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"


def token_lifetime() -> datetime.timedelta:
    return datetime.timedelta(days=settings.SIPOKJA_API_TOKEN_DAYS)


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        """Not revoked, not expired (older than `SIPOKJA_API_TOKEN_DAYS`), of an active user."""
        return self.filter(
            revoked_at__isnull=True,
            user__is_active=True,
            created_at__gt=timezone.now() - token_lifetime(),
        )


class ApiToken(BearerKey):
    """A bearer token for the REST API. Only its SHA-256 hash is stored; the token itself is shown
    once, when it is created."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(max_length=8)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    @property
    def expires_at(self):
        return self.created_at + token_lifetime() if self.created_at else None

    @classmethod
    @transaction.atomic
    def issue(cls, *, user, name) -> tuple["ApiToken", str]:
        """A new token for `user`; past `SIPOKJA_API_TOKEN_MAX_ACTIVE` active tokens the oldest
        are revoked."""
        # One issue at a time per user, so that two at once cannot both stay under the limit.
        User.objects.select_for_update().filter(pk=user.pk).first()
        raw = "spk_" + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, prefix=raw[4:12], key_hash=hash_key(raw))
        keep = max(1, settings.SIPOKJA_API_TOKEN_MAX_ACTIVE)
        surplus = cls.objects.filter(user=user).active().order_by("-created_at", "-pk")[keep:]
        for old in surplus:
            old.revoke()
        return token, raw

    @classmethod
    def find(cls, raw: str) -> "ApiToken | None":
        return cls.objects.active().select_related("user").filter(key_hash=hash_key(raw)).first()

    def revoke(self):
        self.revoked_at = timezone.now()
        self.save(update_fields=["revoked_at"])
