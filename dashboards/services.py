"""Writes of the dashboards app: the uploaded boundary map of a province (atomic, keyword-only,
`by=` the acting user). Every change is audited through the registry (BoundaryMap)."""

from django.core.files.base import ContentFile
from django.db import transaction

from audit.registry import record
from dashboards import geojson
from dashboards.models import BoundaryMap, BoundaryShape


def _delete_file_after_commit(field_file):
    name, storage = field_file.name, field_file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def save_boundary_map(*, by, province, upload) -> BoundaryMap:
    """Validate `upload` (a GeoJSON of the province's kab/kota) and store it with its projected
    shapes, replacing the previous map. Raises DomainError (nothing stored) when it does not
    match the province."""
    children = list(province.children.all())
    shapes = geojson.parse(upload, province, children)
    upload.seek(0)
    content = upload.read()
    boundary_map = BoundaryMap.objects.select_for_update().filter(province=province).first()
    old_file = None
    if boundary_map is None:
        boundary_map = BoundaryMap(province=province)
    else:
        old_file = boundary_map.source
        boundary_map.shapes.all().delete()
        boundary_map.version += 1
    boundary_map.original_filename = (getattr(upload, "name", "") or "")[:200]
    boundary_map.feature_count = len(shapes.paths)
    boundary_map.view_box = shapes.view_box
    boundary_map.uploaded_by = by
    boundary_map.source.save("boundaries.geojson", ContentFile(content), save=False)
    boundary_map.save()
    if old_file:
        _delete_file_after_commit(old_file)
    by_code = {child.code: child for child in children}
    BoundaryShape.objects.bulk_create(
        BoundaryShape(
            boundary_map=boundary_map, region=by_code[code], path=path, view_box=shapes.view_box
        )
        for code, path in shapes.paths.items()
    )
    record(
        action="other",
        code="dashboards.boundary_map.projected",
        model_label="dashboards.BoundaryShape",
        region_code=province.code,
        changes={"shapes": [None, len(shapes.paths)]},
        actor=by,
    )
    return boundary_map


@transaction.atomic
def remove_boundary_map(*, by, province) -> bool:
    """Delete the province's boundary map (the dashboards go back to the tile grid)."""
    boundary_map = BoundaryMap.objects.filter(province=province).first()
    if boundary_map is None:
        return False
    source = boundary_map.source
    boundary_map.delete()
    _delete_file_after_commit(source)
    return True
