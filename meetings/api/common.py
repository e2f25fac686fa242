"""The router of the meetings API and what its modules share."""

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Router, Schema

from accounts.access import RegionRecord
from accounts.permissions import Permission
from core.errors import DomainError
from meetings.scope import (
    get_item,
    get_meeting,
    require_item_manage,
    require_item_update,
    require_meeting_edit,
)
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


# Meetings and action items seen from a region: changed by the organiser's MEETING_EDIT; the
# progress of an item reported by the assigned region's operators or the assigned member.
MEETINGS = RegionRecord("meeting", get_meeting, Permission.MEETING_EDIT, check=require_meeting_edit)
ITEMS = RegionRecord("item", get_item, Permission.MEETING_EDIT, check=require_item_manage)
PROGRESS = RegionRecord("item", get_item, Permission.ACTION_ITEM_UPDATE, check=require_item_update)


def editable_meeting(request, code, meeting_id):
    """A meeting the user may change (the organiser's MEETING_EDIT)."""
    return MEETINGS.scoped(request, code, meeting_id)[1]


def patch_data(payload) -> tuple[dict, int]:
    """The fields a PATCH body sets, and the `version` it was read at."""
    data = payload.dict(exclude_unset=True)
    return data, data.pop("version")
