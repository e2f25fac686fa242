"""The one place that answers "may this user do X in region R?".

Every HTML view and API operation goes through `get_region` (or `has_permission`):
outside the user's scope the region does not exist for them (404); inside it without the
right they get 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.permissions import Permission
from accounts.roles import ROLES
from core.api_crud import ScopedRecord
from regions.codes import normalize_code
from regions.models import Region

NATIONAL = None  # region value meaning "the whole country"


def _assignments(user) -> list[tuple[str, str | None]]:
    """(role, region code or None for national) pairs, cached on the user for the request."""
    cached = getattr(user, "_sipokja_assignments", None)
    if cached is None:
        cached = [
            (role, code) for role, code in user.role_assignments.values_list("role", "region__code")
        ]
        if user.is_superuser:
            cached.append(("national_admin", None))
        user._sipokja_assignments = cached
    return cached


def _covers(assigned_code: str | None, region: Region | None) -> bool:
    if assigned_code is None:
        return True
    if region is None:
        return False
    return region.code == assigned_code or region.code.startswith(assigned_code + ".")


def has_permission(user, permission: Permission, region: Region | None) -> bool:
    """True when one of the user's roles grants `permission` for `region` (None = national)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return any(
        permission in ROLES[role].permissions and _covers(code, region)
        for role, code in _assignments(user)
    )


def in_scope(user, region: Region | None) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    return any(_covers(code, region) for _role, code in _assignments(user))


def is_national(user) -> bool:
    return in_scope(user, NATIONAL)


def scope_codes(user) -> list[str] | None:
    """The region codes at the top of the user's scope; None means the whole country."""
    if is_national(user):
        return None
    return sorted({code for _role, code in _assignments(user) if code})


def regions_in_scope(user):
    """All regions the user may see."""
    if not user.is_authenticated:
        return Region.objects.none()
    codes = scope_codes(user)
    if codes is None:
        return Region.objects.all()
    provinces = [c for c in codes if "." not in c]
    return Region.objects.filter(code__in=codes) | Region.objects.filter(parent__code__in=provinces)


def top_regions(user):
    """The regions at the top of the user's scope (provinces for national users)."""
    codes = scope_codes(user)
    if codes is None:
        return Region.objects.filter(level=Region.Level.PROVINCE)
    return Region.objects.filter(code__in=codes)


def get_region(user, code: str, permission: Permission = Permission.REGION_VIEW) -> Region:
    """Resolve a region code for this user: 404 outside scope, 403 without the permission."""
    try:
        code = normalize_code(code)
    except ValueError:
        raise Http404("Unknown region") from None
    region = Region.objects.select_related("parent").filter(code=code).first()
    if region is None or not in_scope(user, region):
        raise Http404("Unknown region")
    if not has_permission(user, permission, region):
        raise PermissionDenied
    return region


class RegionRecord(ScopedRecord):
    """The usual `ScopedRecord` of the API: its region resolved by `get_region` for the user,
    read with `region.view`, changed with the `write` right."""

    def __init__(self, name, find, write: Permission, **options):
        read = Permission.REGION_VIEW
        super().__init__(name, find, region=get_region, read=read, write=write, **options)


def require(user, permission: Permission, region: Region | None) -> None:
    if not has_permission(user, permission, region):
        raise PermissionDenied


def region_view(permission: Permission = Permission.REGION_VIEW):
    """Decorator for views whose URL carries `<code>`: sets `request.region` and passes it on."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            request.region = get_region(request.user, code, permission)
            return view(request, request.region, *args, **kwargs)

        wrapper.permission = permission
        return wrapper

    return decorator


def national_view(permission: Permission):
    """Decorator for views that act on the whole country (catalogues, national pages)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            require(request.user, permission, NATIONAL)
            return view(request, *args, **kwargs)

        wrapper.permission = permission
        return wrapper

    return decorator
