"""Permission matrix of the policy pages and API (see tests/matrix.py)."""

from planning.tests import helpers as h
from tests.matrix import Row, action, api_rows, edit_gowa, edit_sulsel, form, view_gowa, view_sulsel


def _policy(personas):
    return {"policy": h.policy("73.06").pk}


def _with_document(personas):
    return {"policy": h.policy("73.06", document=True).pk}


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
op = api_rows("/api/v1/regions/{code}", code="{gowa}", policy_id="{policy}")

ROWS = [
    Row("policies:list", "GET", P + "/", view_gowa(), setup=_policy),
    Row("policies:list", "GET", "/r/{sulsel}/policies/", view_sulsel()),
    *form("policies:create", P + "/new/", data=_form),
    action("policies:create", "/r/{sulsel}/policies/new/", data=_rpjmd, shape=edit_sulsel),
    Row("policies:detail", "GET", P + "/{policy}/", view_gowa(), setup=_policy),
    *form("policies:edit", P + "/{policy}/edit/", setup=_policy, data=_form),
    *form("policies:delete", P + "/{policy}/delete/", setup=_policy, data={"version": "1"}),
    Row("policies:document", "GET", P + "/{policy}/document/", view_gowa(), setup=_with_document),
    op("GET /policies", view_gowa(), _policy),
    op("GET /policies", view_sulsel(), query="?planning_documents=true", code="{sulsel}"),
    op("POST /policies", edit_gowa(201), data=_json),
    *op.record("/policies/{policy_id}", _policy, {"version": 1, "summary": "Ringkasan"}),
    op("GET /policies/{policy_id}/document", view_gowa(), _with_document),
    op("POST /policies/{policy_id}/document", edit_gowa(), _policy, h.pdf_data),
]
