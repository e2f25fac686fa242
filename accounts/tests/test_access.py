import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.access import get_region, has_permission, regions_in_scope
from accounts.permissions import Permission
from regions.models import Region


@pytest.mark.parametrize(
    ("persona", "permission", "code", "allowed"),
    [
        ("national_admin", Permission.CATALOGUE_MANAGE, None, True),
        ("sulsel_admin", Permission.CATALOGUE_MANAGE, None, False),
        ("sulsel_admin", Permission.ASSESSMENT_VERIFY, "73.06", True),
        ("sulsel_admin", Permission.WORKGROUP_EDIT, "74", False),
        ("gowa_operator", Permission.WORKGROUP_EDIT, "73.06", True),
        ("gowa_operator", Permission.WORKGROUP_EDIT, "73", False),
        ("gowa_operator", Permission.WORKGROUP_EDIT, "73.71", False),
        ("gowa_operator", Permission.ASSESSMENT_VERIFY, "73.06", False),
        ("gowa_member", Permission.REGION_VIEW, "73.06", True),
        ("gowa_member", Permission.MEMBER_CONTACT_VIEW, "73.06", False),
        ("gowa_member", Permission.ACTION_ITEM_UPDATE, "73.06", True),
        ("sulsel_viewer", Permission.REGION_VIEW, "73.71", True),
        ("sulsel_viewer", Permission.BUDGET_EDIT, "73.71", False),
    ],
)
def test_has_permission(personas, persona, permission, code, allowed):
    region = Region.objects.get(code=code) if code else None
    assert has_permission(getattr(personas, persona), permission, region) is allowed


def test_anonymous_has_no_permission(regions):
    assert not has_permission(AnonymousUser(), Permission.REGION_VIEW, regions["73"])


def test_inactive_user_has_no_permission(personas):
    personas.sulsel_admin.is_active = False
    assert not has_permission(
        personas.sulsel_admin, Permission.REGION_VIEW, Region.objects.get(code="73")
    )


def test_get_region_404_outside_scope_and_403_without_right(personas):
    with pytest.raises(Http404):
        get_region(personas.gowa_operator, "73.71")
    with pytest.raises(Http404):
        get_region(personas.gowa_operator, "73")
    with pytest.raises(PermissionDenied):
        get_region(personas.sulsel_viewer, "73.06", Permission.WORKGROUP_EDIT)
    assert get_region(personas.sulsel_viewer, "7306").code == "73.06"


def test_regions_in_scope(personas):
    assert regions_in_scope(personas.sulsel_admin).count() == 25
    assert list(regions_in_scope(personas.gowa_operator).values_list("code", flat=True)) == [
        "73.06"
    ]
    assert regions_in_scope(personas.national_admin).count() == 552
    assert regions_in_scope(AnonymousUser()).count() == 0
