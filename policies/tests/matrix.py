"""Permission matrix of the policy pages and API (see tests/matrix.py)."""

from planning.tests import helpers as h
from tests.matrix import Row, api, edit_gowa, edit_sulsel, view_gowa, view_sulsel


def _policy(personas):
    return {"policy": h.policy("73.06").pk}


def _with_document(personas):
    return {"policy": h.policy("73.06", document=True).pk}


def _pdf_data(personas, kwargs):
    return {"_multipart": True, "version": "1", "file": h.pdf_upload()}


_form = {
    "kind": "perbup_perwali",
    "number": "12 Tahun 2023",
    "title": "Percepatan Penurunan Stunting",
    "status": "enacted",
    "issued_on": "2023-03-20",
    "summary": "",
    "version": "1",
}
_rpjmd = {
    "kind": "rpjmd",
    "number": "3 Tahun 2025",
    "title": "RPJMD 2025-2029",
    "status": "enacted",
    "issued_on": "2025-06-30",
    "period_start": "2025",
    "period_end": "2029",
}
_json = {
    "kind": "perbup_perwali",
    "number": "12 Tahun 2023",
    "title": "Stunting",
    "status": "enacted",
    "issued_on": "2023-03-20",
}

P = "/r/{gowa}/policies"
A = "/api/v1/regions/{gowa}/policies"

ROWS = [
    Row("policies:list", "GET", P + "/", view_gowa(), setup=_policy),
    Row("policies:list", "GET", "/r/{sulsel}/policies/", view_sulsel()),
    Row("policies:create", "GET", P + "/new/", edit_gowa()),
    Row("policies:create", "POST", P + "/new/", edit_gowa(302), data=_form),
    Row("policies:create", "POST", "/r/{sulsel}/policies/new/", edit_sulsel(302), data=_rpjmd),
    Row("policies:detail", "GET", P + "/{policy}/", view_gowa(), setup=_policy),
    Row("policies:edit", "GET", P + "/{policy}/edit/", edit_gowa(), setup=_policy),
    Row("policies:edit", "POST", P + "/{policy}/edit/", edit_gowa(302), setup=_policy, data=_form),
    Row("policies:delete", "GET", P + "/{policy}/delete/", edit_gowa(), setup=_policy),
    Row(
        "policies:delete",
        "POST",
        P + "/{policy}/delete/",
        edit_gowa(302),
        setup=_policy,
        data={"version": "1"},
    ),
    Row("policies:document", "GET", P + "/{policy}/document/", view_gowa(), setup=_with_document),
    Row("GET /api/v1/regions/{code}/policies", "GET", A, api(view_gowa()), api=True, setup=_policy),
    Row(
        "GET /api/v1/regions/{code}/policies",
        "GET",
        "/api/v1/regions/{sulsel}/policies?planning_documents=true",
        api(view_sulsel()),
        api=True,
    ),
    Row(
        "POST /api/v1/regions/{code}/policies", "POST", A, api(edit_gowa(201)), api=True, data=_json
    ),
    Row(
        "GET /api/v1/regions/{code}/policies/{policy_id}",
        "GET",
        A + "/{policy}",
        api(view_gowa()),
        api=True,
        setup=_policy,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/policies/{policy_id}",
        "PATCH",
        A + "/{policy}",
        api(edit_gowa()),
        api=True,
        setup=_policy,
        data={"version": 1, "summary": "Ringkasan"},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/policies/{policy_id}",
        "DELETE",
        A + "/{policy}?version=1",
        api(edit_gowa(204)),
        api=True,
        setup=_policy,
    ),
    Row(
        "GET /api/v1/regions/{code}/policies/{policy_id}/document",
        "GET",
        A + "/{policy}/document",
        api(view_gowa()),
        api=True,
        setup=_with_document,
    ),
    Row(
        "POST /api/v1/regions/{code}/policies/{policy_id}/document",
        "POST",
        A + "/{policy}/document",
        api(edit_gowa()),
        api=True,
        setup=_policy,
        data=_pdf_data,
    ),
]
