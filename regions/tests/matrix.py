from tests.matrix import Row, action, api, edit_gowa, edit_sulsel, expect, view_gowa, view_sulsel

_office = {
    "office_name": "DPPKB",
    "office_address": "Jl. Contoh 1",
    "office_phone": "",
    "office_email": "",
    "version": "1",
}

ROWS = [
    Row("regions:list", "GET", "/regions/", expect(200, anonymous=302)),
    Row("regions:detail", "GET", "/r/{gowa}/", view_gowa()),
    Row("regions:detail", "GET", "/r/{sulsel}/", view_sulsel()),
    Row("regions:detail", "GET", "/r/7306/", view_gowa(), note="dotless code"),
    Row("regions:detail", "GET", "/r/99.99/", expect(404, anonymous=302), note="unknown code"),
    Row("regions:edit", "GET", "/r/{gowa}/office/", edit_gowa()),
    # The next missing step of the year (a redirect to its form, or home): anyone in scope.
    Row("regions:next_step", "GET", "/r/{gowa}/next/?year=2025", view_gowa(302)),
    action("regions:edit", "/r/{gowa}/office/", data=_office),
    action("regions:edit", "/r/{sulsel}/office/", data=_office, shape=edit_sulsel),
    Row("GET /api/v1/regions", "GET", "/api/v1/regions", expect(200, anonymous=401), api=True),
    Row("GET /api/v1/regions/{code}", "GET", "/api/v1/regions/{gowa}", api(view_gowa()), api=True),
    Row(
        "GET /api/v1/regions/{code}",
        "GET",
        "/api/v1/regions/{makassar}",
        api(expect(200, gowa_operator=404, gowa_member=404, sultra_admin=404)),
        api=True,
    ),
    Row(
        "GET /api/v1/regions/{code}",
        "GET",
        "/api/v1/regions/{sultra}",
        api(expect(404, national_admin=200, sultra_admin=200)),
        api=True,
    ),
]
