"""Writes of a Pokja's members."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from workgroups.models import Member
from workgroups.services.common import _acting, _full_clean, _phone, _set_fields
from workgroups.services.reading import allowed_subgroups

MEMBER_FIELDS = (
    "name",
    "position",
    "institution",
    "role",
    "subgroup",
    "phone",
    "email",
    "whatsapp_consent",
    "active_from",
    "active_until",
)


def _check_member(member):
    workgroup = member.workgroup
    member.phone = _phone(member.phone)
    member.name = " ".join((member.name or "").split())
    errors = {}
    if member.institution is not None and member.institution.region_id != workgroup.region_id:
        errors["institution"] = [_("Choose an institution of this region.")]
    if (
        member.subgroup is not None
        and not allowed_subgroups(workgroup).filter(pk=member.subgroup.pk).exists()
    ):
        errors["subgroup"] = [_("Choose one of the Pokja's sub-groups.")]
    if errors:
        raise ValidationError(errors)
    _full_clean(member, exclude=["user"])


def create_member(*, by, workgroup, **fields) -> Member:
    with _acting(by):
        member = Member(workgroup=workgroup)
        _set_fields(member, fields, MEMBER_FIELDS)
        _check_member(member)
        member.save()
        return member


def update_member(*, by, member, expected_version, **fields) -> Member:
    with _acting(by):
        _set_fields(member, fields, MEMBER_FIELDS)
        _check_member(member)
        save_versioned(member, expected_version=expected_version)
        return member


def delete_member(*, by, member) -> None:
    """Remove a member. A log-in given to them loses its member role for the region."""
    with _acting(by):
        member = Member.objects.select_related("user", "workgroup__region").get(pk=member.pk)
        user = member.user
        region = member.workgroup.region
        member.delete()
        if user is not None:
            _drop_member_role(user, region)


def _drop_member_role(user, region):
    from accounts.models import RoleAssignment

    for assignment in RoleAssignment.objects.filter(user=user, role="member", region=region):
        assignment.delete()  # audited by the accounts app
    if not RoleAssignment.objects.filter(user=user).exists() and user.is_active:
        user.is_active = False
        user.save(update_fields=["is_active"])
