"""Permission matrix rows for every interop route."""

from tests.matrix import Row, edit_gowa, expect, view_gowa

ROWS = [
    # Open data: public for everyone (aggregates only)
    Row("interop:data_json", "GET", "/data.json", expect(200)),
    Row("interop:package_list", "GET", "/api/3/action/package_list", expect(200)),
    Row(
        "interop:package_show", "GET", "/api/3/action/package_show?id=nilai-indikator", expect(200)
    ),
    Row("interop:resource", "GET", "/data/datasets/pokja-efektif.csv", expect(200)),
    Row("interop:resource", "GET", "/data/datasets/no-such.json", expect(404), note="unknown"),
    # Exchange with regional planning
    Row("interop:exchange", "GET", "/r/{gowa}/planning-exchange/", view_gowa()),
    Row("interop:exchange_export", "GET", "/r/{gowa}/planning-exchange/targets.csv", view_gowa()),
    Row(
        "interop:exchange_export", "GET", "/r/{gowa}/planning-exchange/activities.xlsx", view_gowa()
    ),
    Row("interop:exchange_import", "GET", "/r/{gowa}/planning-exchange/import/", edit_gowa()),
]
