"""Log-ins for members: user accounts, passwords and the set-password e-mail."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.registry import record
from core.errors import DomainError
from jobs.mail import PasswordResetForm
from workgroups.models import Member
from workgroups.services.common import _acting


class LoginMethod:
    EMAIL = "email"
    PASSWORD = "password"


def _free_username(member) -> str:
    User = get_user_model()
    candidates = []
    if member.email and len(member.email) <= 150:
        candidates.append(member.email.lower())
    base = slugify(member.name).replace("-", ".")[:40] or "anggota"
    candidates.append(base)
    for candidate in candidates:
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    for _attempt in range(100):
        candidate = f"{base}.{secrets.randbelow(9000) + 1000}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise DomainError(_("No free user name was found. Try again."))


_PASSWORD_CHARS = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def generate_password(length=14) -> str:
    return "".join(secrets.choice(_PASSWORD_CHARS) for _i in range(length))


def grant_login(*, by, member, method=LoginMethod.EMAIL) -> tuple[object, str | None]:
    """Give `member` a log-in with the `member` role for the Pokja's region.

    `method="email"` sends a link to choose a password to the member's e-mail address (after
    the transaction commits); `method="password"` returns an initial password, to be shown
    once. Returns (user, password or None)."""
    from accounts.services import upsert_user_with_role

    with _acting(by):
        member = (
            Member.objects.select_for_update().select_related("workgroup__region").get(pk=member.pk)
        )
        if member.user_id is not None:
            raise DomainError(_("%(name)s already has a log-in.") % {"name": member.name})
        if method == LoginMethod.EMAIL and not member.email:
            raise DomainError(
                _("%(name)s has no e-mail address. Add one, or create an initial password.")
                % {"name": member.name}
            )
        if method not in (LoginMethod.EMAIL, LoginMethod.PASSWORD):
            raise DomainError(_("Unknown way of giving the log-in."))
        password = generate_password() if method == LoginMethod.PASSWORD else None
        user, created = upsert_user_with_role(
            username=_free_username(member),
            role="member",
            region_code=member.workgroup.region.code,
            password=password,
            email=member.email,
            full_name=member.name,
        )
        if not created:  # _free_username checked, but a parallel request may have won
            raise DomainError(_("No free user name was found. Try again."))
        member.user = user
        member.version += 1
        member.save(update_fields=["user", "version"])
        record(
            action=AuditEvent.Action.OTHER,
            code="member.login_granted",
            instance=member,
            region_code=member.workgroup.region.code,
            changes={"username": [None, user.username], "method": [None, method]},
        )
        if method == LoginMethod.EMAIL:
            transaction.on_commit(lambda: send_set_password_email(user))
        return user, password


def send_set_password_email(user) -> None:
    """E-mail `user` a link to choose their password (the standard password-reset e-mail, sent
    by the mail job)."""
    base = settings.SIPOKJA_BASE_URL.rstrip("/")
    protocol, _sep, domain = base.partition("://")
    context = {
        "email": user.email,
        "domain": domain,
        "site_name": "Sipokja",
        "uid": urlsafe_base64_encode(force_bytes(user.pk)),
        "user": user,
        "token": default_token_generator.make_token(user),
        "protocol": protocol or "https",
    }
    PasswordResetForm().send_mail(
        "registration/password_reset_subject.txt",
        "registration/password_reset_email.html",
        context,
        None,
        user.email,
    )
