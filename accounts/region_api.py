"""`/api/v1/regions`: the regions in your scope. Mounted on the accounts router (accounts.api);
the operation ids are those the operations had when they lived in the regions app."""

from ninja import Query, Router, Schema

from accounts.access import get_region, regions_in_scope
from regions.codes import normalize_code
from regions.models import Region

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None

    @staticmethod
    def resolve_parent(obj):
        return obj.parent.code if obj.parent_id else None


class RegionFilter(Schema):
    parent: str | None = None
    level: Region.Level | None = None


@router.get("/regions", response=list[RegionOut], operation_id="regions_api_list_regions")
def list_regions(request, filters: Query[RegionFilter]):
    """Regions in your scope; filter by `parent` code (e.g. `73`) and `level`."""
    qs = regions_in_scope(request.user).select_related("parent").order_by("code")
    if filters.parent:
        try:
            qs = qs.filter(parent__code=normalize_code(filters.parent))
        except ValueError:
            return []
    if filters.level:
        qs = qs.filter(level=filters.level)
    return list(qs)


@router.get("/regions/{code}", response=RegionOut, operation_id="regions_api_get_region_detail")
def get_region_detail(request, code: str):
    """One region (`73.71` or `7371`)."""
    return get_region(request.user, code)
