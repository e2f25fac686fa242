from tests.matrix import Row, action, edit_sulsel, expect, pages

NATIONAL_ONLY = expect(403, national_admin=200, anonymous=302)
# Managing the boundary map of a province: only its admins; kab/kota have none (404).
NOT_A_PROVINCE = expect(404, anonymous=302)


def _boundary_map(personas):
    from dashboards import services
    from dashboards.tests.helpers import square_geojson, upload
    from regions.models import Region

    services.save_boundary_map(
        by=personas.national_admin,
        province=Region.objects.get(code="73"),
        upload=upload(square_geojson()),
    )
    return {}


ROWS = [
    Row("dashboards:national", "GET", "/dashboard/?year=2025", NATIONAL_ONLY),
    *pages("dashboards:region", "dashboard/", gowa="?year=2025", sulsel="?year=2025"),
    Row("dashboards:boundary_map", "GET", "/r/{sulsel}/dashboard/map/", edit_sulsel()),
    Row(
        "dashboards:boundary_map",
        "POST",
        "/r/{sulsel}/dashboard/map/",
        edit_sulsel(),
        note="no file: the form is shown again",
    ),
    Row("dashboards:boundary_map", "GET", "/r/{gowa}/dashboard/map/", NOT_A_PROVINCE),
    action(
        "dashboards:boundary_map_remove",
        "/r/{sulsel}/dashboard/map/remove/",
        _boundary_map,
        shape=edit_sulsel,
    ),
]
