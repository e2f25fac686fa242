from tests.matrix import Row, action, api, expect, pages, view_gowa, view_sulsel

EVERYONE = expect(200)

ROWS = [
    # The profiles batch: a background job anyone who may read the region may start.
    action("reports:profiles_batch", "/r/{sulsel}/reports/profiles/", shape=view_sulsel),
    action("reports:profiles_batch", "/r/{gowa}/reports/profiles/?year=2025", shape=view_gowa),
    Row(
        "reports:profiles_batch",
        "GET",
        "/r/{gowa}/reports/profiles/",
        expect(405, anonymous=405),
        note="POST only",
    ),
    Row(
        "POST /api/v1/regions/{code}/reports/profiles",
        "POST",
        "/api/v1/regions/{sulsel}/reports/profiles",
        api(view_sulsel(202)),
        api=True,
    ),
    Row(
        "POST /api/v1/regions/{code}/reports/profiles",
        "POST",
        "/api/v1/regions/{gowa}/reports/profiles?year=2025",
        api(view_gowa(202)),
        api=True,
    ),
    *pages("reports:profile", "reports/profile.pdf", gowa="?year=2025"),
    *pages("reports:indicators", "reports/indicators/", gowa="?year=2025"),
    Row(
        "reports:indicators_export",
        "GET",
        "/r/{sulsel}/reports/indicators.xlsx?year=2025",
        view_sulsel(),
    ),
    Row(
        "reports:indicators_export",
        "GET",
        "/r/{gowa}/reports/indicators.pdf?year=2025",
        view_gowa(),
    ),
    Row(
        "reports:indicators_export",
        "GET",
        "/r/{gowa}/reports/indicators.csv",
        expect(404, anonymous=302, sultra_admin=404),
        note="unknown format",
    ),
    Row("reports:public", "GET", "/transparansi/", EVERYONE, note="public, no log-in"),
    Row("reports:public", "GET", "/transparansi/?province=74&year=2025", EVERYONE),
    Row("reports:public_province", "GET", "/transparansi/{sulsel}/?year=2025", EVERYONE),
    Row(
        "reports:public_province",
        "GET",
        "/transparansi/{gowa}/",
        expect(404),
        note="kab/kota have no public page of their own",
    ),
]
