"""Who is told: the people holding a role for a region, found through their role assignments."""

from django.contrib.auth import get_user_model

PROVINCE_ROLES = ("provincial_admin",)
OPERATOR_ROLES = ("regency_operator",)


def holders(region, roles):
    """Active users holding one of `roles` for exactly `region` (None: the national admins)."""
    users = get_user_model().objects.filter(is_active=True, role_assignments__role__in=roles)
    if region is None:
        users = users.filter(role_assignments__region__isnull=True)
    else:
        users = users.filter(role_assignments__region=region)
    return list(users.distinct().order_by("pk"))


def province_of(region):
    return region.parent if region.parent_id else region


def verifiers(region):
    """Who verifies `region`'s assessment: its province's admins; the national admins for a
    province."""
    if region.parent_id:
        return holders(region.parent, PROVINCE_ROLES)
    return holders(None, ("national_admin",))


def province_admins(region):
    """The admins of the province `region` lies in (of `region` itself when it is one)."""
    return holders(province_of(region), PROVINCE_ROLES)


def operators(region):
    return holders(region, OPERATOR_ROLES)
