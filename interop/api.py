"""The integrator API: region-scoped API keys (`X-Api-Key: sipk_…`, created on a region's
integrations page) read and write a region's targets in the planning layout.

A key covers its region and everything below it: other regions answer 404; a read-only key
that writes answers 403; a missing, unknown or revoked key 401."""

import io

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router
from ninja.security import APIKeyHeader

from core.errors import DomainError
from interop import planning_exchange as layout
from interop import services
from regions.models import Region


class IntegratorKeyAuth(APIKeyHeader):
    param_name = "X-Api-Key"

    def authenticate(self, request, key):
        found = services.find_key(key or "")
        if found is not None:
            request.integrator_key = found
        return found


router = Router(tags=["integrations"], auth=IntegratorKeyAuth())


def _region(request, code) -> Region:
    key = request.integrator_key
    region = Region.objects.filter(code=code).first()
    if region is None or not (region.pk == key.region_id or region.parent_id == key.region_id):
        raise Http404
    return region


@router.get("/integrations/regions/{code}/targets", response={200: dict})
def integration_targets(request, code: str):
    """The region's targets in the planning layout (`sipokja-sipd/1`)."""
    region = _region(request, code)
    return {"layout": layout.LAYOUT, "targets": layout.target_rows(region)}


@router.get("/integrations/regions/{code}/activities", response={200: dict})
def integration_activities(request, code: str):
    region = _region(request, code)
    return {"layout": layout.LAYOUT, "activities": layout.activity_rows(region)}


@router.post("/integrations/regions/{code}/targets", response={200: dict})
def integration_import_targets(request, code: str):
    """Import targets from a JSON body in the planning layout: all rows or none (400 with the
    row-numbered `errors`). Needs a read-write key."""
    region = _region(request, code)
    key = request.integrator_key
    if not key.can_write:
        raise PermissionDenied
    if len(request.body) > 5 * 1024 * 1024:
        raise DomainError(_("The file is too large."))
    changed = services.import_targets(
        region=region,
        uploaded=io.BytesIO(request.body),
        name="api.json",
        by=None,
        source=f"API {key.prefix}… {key.name}"[:190],
    )
    return {"changed": changed}
