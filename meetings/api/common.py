"""The router of the meetings API and what its modules share."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema

from accounts.access import get_region
from accounts.permissions import Permission
from core.errors import DomainError
from meetings.scope import get_meeting, require_meeting_edit
from regions.codes import normalize_code
from regions.models import Region

router = Router(tags=["meetings"])


class Error(Schema):
    detail: str
    errors: list[dict] = []


def _regions(codes, field="invited_regions") -> list[Region]:
    try:
        normalized = [normalize_code(code) for code in codes]
    except ValueError:
        normalized = None
    found = list(Region.objects.filter(code__in=normalized or []))
    if normalized is None or len(found) != len(set(normalized)):
        message = _("Unknown region code in %(field)s.") % {"field": field}
        raise DomainError(message, errors=[{"field": field, "message": message}])
    return found


def _region(code, field):
    return _regions([code], field)[0] if code else None


def _aware(value, region):
    if value is not None and timezone.is_naive(value):
        from meetings.timezones import region_timezone

        return timezone.make_aware(value, region_timezone(region))
    return value


def _instance(model, pk, field):
    if pk is None:
        return None
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        message = _("Unknown %(field)s.") % {"field": field}
        raise DomainError(message, errors=[{"field": field, "message": message}])
    return obj


def checked(request, code, permission, get, pk, check):
    """`get(region, pk)` seen from region `code` (404 outside it, 403 without `permission`),
    after `check(user, record)` passed."""
    region = get_region(request.user, code, permission)
    record = get(region, pk)
    check(request.user, record)
    return record


def editable_meeting(request, code, meeting_id):
    """A meeting the user may change (the organiser's MEETING_EDIT)."""
    return checked(
        request, code, Permission.MEETING_EDIT, get_meeting, meeting_id, require_meeting_edit
    )


def patch_data(payload) -> tuple[dict, int]:
    """The fields a PATCH body sets, and the `version` it was read at."""
    data = payload.dict(exclude_unset=True)
    return data, data.pop("version")
