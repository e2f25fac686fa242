"""Permission matrix of the budget pages and API (see tests/matrix.py)."""

from budget.tests.helpers import CALENDAR_2027
from planning.tests import helpers as h
from tests.matrix import Row, api_rows, edit_gowa, edit_sulsel, expect, form, view_gowa, view_sulsel


def _workgroup(personas):
    h.workgroup("73.06")
    return {}


def _allocation(personas):
    return {"allocation": h.allocation("73.06", realised=25_000_000).pk}


def _with_document(personas):
    return {"allocation": h.allocation("73.06", document=True).pk}


def _sulsel(personas):
    h.workgroup("73")
    h.allocation("73.06")
    return {}


_form = {
    "year": "2025",
    "source": "apbd_regency",
    "amount": "150.000.000",
    "realised": "75.000.000",
    "realised_on": "2025-06-30",
    "purpose": "Operasional Pokja",
    "document_reference": "DPA-01/2025",
    "note": "",
    "version": "1",
}
_json = {
    "year": 2025,
    "source": "apbd_regency",
    "amount": "150.000.000",
    "realised": 75000000,
    "realised_on": "2025-06-30",
}

_calendar = CALENDAR_2027 | {"warn_weeks": "6", "note": ""}

B = "/r/{gowa}/budget"
W = "/r/{sulsel}/budget/early-warning"
op = api_rows("/api/v1/regions/{code}", code="{gowa}", allocation_id="{allocation}")
_PROVINCES_ONLY = "only for provinces"

ROWS = [
    Row("budget:list", "GET", B + "/", view_gowa(), setup=_allocation),
    Row("budget:list", "GET", "/r/{sulsel}/budget/?year=2025", view_sulsel(), setup=_sulsel),
    *form("budget:create", B + "/new/", setup=_workgroup, data=_form),
    Row(
        "budget:create",
        "POST",
        "/r/{sulsel}/budget/new/",
        edit_sulsel(302),
        setup=_sulsel,
        data=_form | {"source": "apbd_province"},
    ),
    *form("budget:edit", B + "/{allocation}/edit/", setup=_allocation, data=_form),
    *form("budget:delete", B + "/{allocation}/delete/", setup=_allocation, data={"version": "1"}),
    Row("budget:document", "GET", B + "/{allocation}/document/", view_gowa(), setup=_with_document),
    Row(
        "budget:regencies",
        "GET",
        "/r/{sulsel}/budget/regencies/?year=2025",
        view_sulsel(),
        setup=_sulsel,
    ),
    Row("budget:regencies", "GET", B + "/regencies/", view_gowa(404), note=_PROVINCES_ONLY),
    Row("budget:early_warning", "GET", W + "/", view_sulsel(), setup=_sulsel),
    Row("budget:early_warning", "GET", B + "/early-warning/", view_gowa(404), note=_PROVINCES_ONLY),
    *form("budget:calendar", B + "/calendar/?year=2027", setup=_workgroup, data=_calendar),
    *form(
        "budget:advocacy_letter",
        W + "/73.06/letter/",
        edit_sulsel,
        _sulsel,
        {"amount": "150.000.000"},
    ),
    Row(
        "budget:advocacy_letter",
        "GET",
        W + "/74.01/letter/",
        expect(404, anonymous=302, sulsel_viewer=403),
        note="a kab/kota of another province",
    ),
    # another region's allocation id is a 404, even for a user who may see both regions
    Row(
        "budget:edit",
        "GET",
        "/r/{makassar}/budget/{allocation}/edit/",
        expect(404, anonymous=302, sulsel_viewer=403),
        setup=_allocation,
        note="Gowa's id under Makassar",
    ),
    op("GET /budget", view_gowa(), _allocation),
    op("POST /budget", edit_gowa(201), _workgroup, _json),
    op("GET /budget/summary", view_gowa(), _allocation, query="?year=2025"),
    op("GET /budget/summary", view_sulsel(), _sulsel, query="?year=2025", code="{sulsel}"),
    *op.record("/budget/{allocation_id}", _allocation, {"version": 1, "realised": "30.000.000"}),
    op("GET /budget/{allocation_id}/document", view_gowa(), _with_document),
    op("POST /budget/{allocation_id}/document", edit_gowa(), _allocation, h.pdf_data),
]
