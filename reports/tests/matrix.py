from tests.matrix import Row, expect, view_gowa, view_sulsel

EVERYONE = expect(200)

ROWS = [
    Row("reports:profile", "GET", "/r/{gowa}/reports/profile.pdf?year=2025", view_gowa()),
    Row("reports:profile", "GET", "/r/{sulsel}/reports/profile.pdf", view_sulsel()),
    Row("reports:indicators", "GET", "/r/{gowa}/reports/indicators/?year=2025", view_gowa()),
    Row("reports:indicators", "GET", "/r/{sulsel}/reports/indicators/", view_sulsel()),
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
