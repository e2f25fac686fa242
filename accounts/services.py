from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import RoleAssignment
from accounts.roles import ROLES
from audit.registry import record
from core.errors import DomainError
from regions.codes import normalize_code
from regions.models import Region


@transaction.atomic
def upsert_user_with_role(
    *, username, role, region_code=None, password=None, email="", full_name=""
):
    """Create or update a user and give them `role` for the region. Returns (user, created)."""
    if role not in ROLES:
        raise DomainError(
            _("Unknown role %(role)s. Choose one of: %(roles)s.")
            % {"role": role, "roles": ", ".join(ROLES)}
        )
    region = None
    if role == "national_admin":
        if region_code:
            raise DomainError(
                _("The national admin role is held for the whole country; leave out the region.")
            )
    else:
        if not region_code:
            raise DomainError(_("The role %(role)s needs a region code.") % {"role": role})
        try:
            region = Region.objects.get(code=normalize_code(region_code))
        except (ValueError, Region.DoesNotExist):
            raise DomainError(_("Unknown region code %(code)s.") % {"code": region_code}) from None
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    if email:
        user.email = email
    if full_name:
        first, _sep, last = full_name.partition(" ")
        user.first_name, user.last_name = first, last
    if password:
        user.set_password(password)
    elif created:
        user.set_unusable_password()
    user.save()
    RoleAssignment.objects.get_or_create(user=user, role=role, region=region)
    return user, created


@transaction.atomic
def update_contact(*, by, user, email, language):
    """Change a user's e-mail address and e-mail language (recorded in the audit log)."""
    email = (email or "").strip()
    changes = {}
    for field, value in (("email", email), ("language", language)):
        if getattr(user, field) != value:
            changes[field] = [getattr(user, field), value]
            setattr(user, field, value)
    if changes:
        user.save(update_fields=list(changes))
        record(
            action="update",
            instance=user,
            code="accounts.contact",
            changes=changes,
            actor=by,
        )
    return user


@transaction.atomic
def choose_language(*, by, user, language):
    """The user's choice of interface (and e-mail) language from the header's switch; it
    follows them to every browser they log in from (accounts.language)."""
    if user.language != language:
        change = {"language": [user.language, language]}
        user.language = language
        user.save(update_fields=["language"])
        record(action="update", instance=user, code="accounts.language", changes=change, actor=by)
    return user
