"""Permission matrix of the budget pages and API (see tests/matrix.py)."""

from planning.tests import helpers as h
from tests.matrix import Row, api, edit_gowa, edit_sulsel, expect, view_gowa, view_sulsel


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


def _pdf_data(personas, kwargs):
    return {"_multipart": True, "version": "1", "file": h.pdf_upload()}


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

_calendar = {
    "rkpd_from": "02-01-2026",
    "rkpd_until": "29-05-2026",
    "kua_ppas": "14-08-2026",
    "rapbd": "30-11-2026",
    "warn_weeks": "6",
    "note": "",
}

B = "/r/{gowa}/budget"
W = "/r/{sulsel}/budget/early-warning"
A = "/api/v1/regions/{gowa}/budget"

ROWS = [
    Row("budget:list", "GET", B + "/", view_gowa(), setup=_allocation),
    Row("budget:list", "GET", "/r/{sulsel}/budget/?year=2025", view_sulsel(), setup=_sulsel),
    Row("budget:create", "GET", B + "/new/", edit_gowa(), setup=_workgroup),
    Row("budget:create", "POST", B + "/new/", edit_gowa(302), setup=_workgroup, data=_form),
    Row(
        "budget:create",
        "POST",
        "/r/{sulsel}/budget/new/",
        edit_sulsel(302),
        setup=_sulsel,
        data=_form | {"source": "apbd_province"},
    ),
    Row("budget:edit", "GET", B + "/{allocation}/edit/", edit_gowa(), setup=_allocation),
    Row(
        "budget:edit",
        "POST",
        B + "/{allocation}/edit/",
        edit_gowa(302),
        setup=_allocation,
        data=_form,
    ),
    Row("budget:delete", "GET", B + "/{allocation}/delete/", edit_gowa(), setup=_allocation),
    Row(
        "budget:delete",
        "POST",
        B + "/{allocation}/delete/",
        edit_gowa(302),
        setup=_allocation,
        data={"version": "1"},
    ),
    Row("budget:document", "GET", B + "/{allocation}/document/", view_gowa(), setup=_with_document),
    Row(
        "budget:regencies",
        "GET",
        "/r/{sulsel}/budget/regencies/?year=2025",
        view_sulsel(),
        setup=_sulsel,
    ),
    Row(
        "budget:regencies",
        "GET",
        "/r/{gowa}/budget/regencies/",
        view_gowa(404),
        note="only for provinces",
    ),
    Row("budget:early_warning", "GET", W + "/", view_sulsel(), setup=_sulsel),
    Row(
        "budget:early_warning",
        "GET",
        "/r/{gowa}/budget/early-warning/",
        view_gowa(404),
        note="only for provinces",
    ),
    Row("budget:calendar", "GET", B + "/calendar/?year=2027", edit_gowa(), setup=_workgroup),
    Row(
        "budget:calendar",
        "POST",
        B + "/calendar/?year=2027",
        edit_gowa(302),
        setup=_workgroup,
        data=_calendar,
    ),
    Row("budget:advocacy_letter", "GET", W + "/73.06/letter/", edit_sulsel(), setup=_sulsel),
    Row(
        "budget:advocacy_letter",
        "POST",
        W + "/73.06/letter/",
        edit_sulsel(302),
        setup=_sulsel,
        data={"amount": "150.000.000"},
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
    Row(
        "GET /api/v1/regions/{code}/budget", "GET", A, api(view_gowa()), api=True, setup=_allocation
    ),
    Row(
        "POST /api/v1/regions/{code}/budget",
        "POST",
        A,
        api(edit_gowa(201)),
        api=True,
        setup=_workgroup,
        data=_json,
    ),
    Row(
        "GET /api/v1/regions/{code}/budget/summary",
        "GET",
        A + "/summary?year=2025",
        api(view_gowa()),
        api=True,
        setup=_allocation,
    ),
    Row(
        "GET /api/v1/regions/{code}/budget/summary",
        "GET",
        "/api/v1/regions/{sulsel}/budget/summary?year=2025",
        api(view_sulsel()),
        api=True,
        setup=_sulsel,
    ),
    Row(
        "GET /api/v1/regions/{code}/budget/{allocation_id}",
        "GET",
        A + "/{allocation}",
        api(view_gowa()),
        api=True,
        setup=_allocation,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/budget/{allocation_id}",
        "PATCH",
        A + "/{allocation}",
        api(edit_gowa()),
        api=True,
        setup=_allocation,
        data={"version": 1, "realised": "30.000.000"},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/budget/{allocation_id}",
        "DELETE",
        A + "/{allocation}?version=1",
        api(edit_gowa(204)),
        api=True,
        setup=_allocation,
    ),
    Row(
        "GET /api/v1/regions/{code}/budget/{allocation_id}/document",
        "GET",
        A + "/{allocation}/document",
        api(view_gowa()),
        api=True,
        setup=_with_document,
    ),
    Row(
        "POST /api/v1/regions/{code}/budget/{allocation_id}/document",
        "POST",
        A + "/{allocation}/document",
        api(edit_gowa()),
        api=True,
        setup=_allocation,
        data=_pdf_data,
    ),
]
