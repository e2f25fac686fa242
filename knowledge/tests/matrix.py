"""Permission matrix of the strategic-issue and knowledge-centre pages and API (see
tests/matrix.py). Strategic issues are regional (read: region.view, write:
strategic_issue.edit); knowledge documents are read by every logged-in user and kept by those
holding knowledge.manage for the publisher (national, or the province)."""

from knowledge.tests import helpers as k
from tests.matrix import Row, api, edit_gowa, edit_sulsel, expect, view_gowa, view_sulsel


def _issue(personas):
    return {"issue": k.issue("73.06").pk}


def _sulsel_doc(personas):
    return {"doc": k.document(publisher="73").pk}


def _national_doc(personas):
    return {"doc": k.document(publisher=None, title="Panduan nasional").pk}


def _draft_doc(personas):
    return {"doc": k.document(publisher="73", is_published=False).pk}


def _document_form(personas, kwargs):
    return {
        "_multipart": True,
        "title": "Panduan Forum Komunikasi",
        "category": "forum",
        "kind": "guide",
        "description": "Tata cara forum",
        "edition": "1.0",
        "issued_on": "2025-07-24",
        "is_published": "on",
        "publisher_choice": "73",
        "upload": k.pdf_upload(),
    }


def _document_api(personas, kwargs):
    return {
        "_multipart": True,
        "title": "Panduan Forum Komunikasi",
        "category": "forum",
        "kind": "guide",
        "issued_on": "2025-07-24",
        "publisher": "73",
        "file": k.pdf_upload(),
    }


_issue_form = {
    "title": "Perkawinan anak",
    "description": "",
    "theme": "child_marriage",
    "priority": "high",
    "period_start": "2025",
    "period_end": "2029",
    "version": "1",
}
_issue_json = {
    "title": "Perkawinan anak",
    "theme": "child_marriage",
    "priority": "high",
    "period_start": 2025,
    "period_end": 2029,
    "indicators": ["asfr-15-19"],
}
_edit_form = {
    "title": "Panduan Penganggaran Pokja",
    "category": "budget",
    "kind": "guide",
    "description": "Diperbarui",
    "edition": "1.1",
    "issued_on": "2025-03-01",
    "is_published": "on",
    "version": "1",
}

P = "/r/{gowa}/issues"
A = "/api/v1/regions/{gowa}/strategic-issues"
K = "/api/v1/knowledge"


def manage_sulsel(ok=200):
    """A Sulsel document's management: national and Sulsel admins; everyone else who can read
    it gets 403 (knowledge documents are not hidden by region)."""
    return expect(403, national_admin=ok, sulsel_admin=ok, anonymous=302)


def manage_any(ok=200):
    """Adding a document: anyone holding knowledge.manage somewhere (national, provincial)."""
    return expect(403, national_admin=ok, sulsel_admin=ok, sultra_admin=ok, anonymous=302)


def read_all(ok=200):
    return expect(ok, anonymous=302)


ROWS = [
    # Strategic issues (HTML)
    Row("knowledge:issues", "GET", P + "/", view_gowa(), setup=_issue),
    Row("knowledge:issues", "GET", "/r/{sulsel}/issues/?year=2026", view_sulsel()),
    Row("knowledge:issue_create", "GET", P + "/new/", edit_gowa()),
    Row("knowledge:issue_create", "POST", P + "/new/", edit_gowa(302), data=_issue_form),
    Row(
        "knowledge:issue_create",
        "POST",
        "/r/{sulsel}/issues/new/",
        edit_sulsel(302),
        data=_issue_form,
    ),
    Row("knowledge:themes", "GET", "/r/{sulsel}/issues/themes/", view_sulsel(), setup=_issue),
    Row(
        "knowledge:themes",
        "GET",
        P + "/themes/",
        expect(404, anonymous=302),
        note="kab/kota: themes are grouped at province level",
    ),
    Row("knowledge:issue", "GET", P + "/{issue}/", view_gowa(), setup=_issue),
    Row("knowledge:issue_edit", "GET", P + "/{issue}/edit/", edit_gowa(), setup=_issue),
    Row(
        "knowledge:issue_edit",
        "POST",
        P + "/{issue}/edit/",
        edit_gowa(302),
        setup=_issue,
        data=_issue_form,
    ),
    Row("knowledge:issue_delete", "GET", P + "/{issue}/delete/", edit_gowa(), setup=_issue),
    Row(
        "knowledge:issue_delete",
        "POST",
        P + "/{issue}/delete/",
        edit_gowa(302),
        setup=_issue,
        data={"version": "1"},
    ),
    # Knowledge centre (HTML)
    Row("knowledge:documents", "GET", "/knowledge/?q=anggaran", read_all(), setup=_sulsel_doc),
    Row("knowledge:document_create", "GET", "/knowledge/new/", manage_any()),
    Row(
        "knowledge:document_create",
        "POST",
        "/knowledge/new/",
        expect(403, national_admin=302, sulsel_admin=302, sultra_admin=200, anonymous=302),
        data=_document_form,
        note="Sultra's admin cannot publish for Sulsel: the form refuses the choice",
    ),
    Row("knowledge:document", "GET", "/knowledge/{doc}/", read_all(), setup=_sulsel_doc),
    Row(
        "knowledge:document",
        "GET",
        "/knowledge/{doc}/",
        expect(404, national_admin=200, sulsel_admin=200, anonymous=302),
        setup=_draft_doc,
        note="unpublished: only those who manage it",
    ),
    Row(
        "knowledge:document_edit",
        "GET",
        "/knowledge/{doc}/edit/",
        manage_sulsel(),
        setup=_sulsel_doc,
    ),
    Row(
        "knowledge:document_edit",
        "POST",
        "/knowledge/{doc}/edit/",
        manage_sulsel(302),
        setup=_sulsel_doc,
        data=_edit_form,
    ),
    Row(
        "knowledge:document_edit",
        "GET",
        "/knowledge/{doc}/edit/",
        expect(403, national_admin=200, anonymous=302),
        setup=_national_doc,
        note="national documents: national admins only",
    ),
    Row(
        "knowledge:document_delete",
        "GET",
        "/knowledge/{doc}/delete/",
        manage_sulsel(),
        setup=_sulsel_doc,
    ),
    Row(
        "knowledge:document_delete",
        "POST",
        "/knowledge/{doc}/delete/",
        manage_sulsel(302),
        setup=_sulsel_doc,
        data={"version": "1"},
    ),
    Row("knowledge:document_file", "GET", "/knowledge/{doc}/file/", read_all(), setup=_sulsel_doc),
    # Strategic issues (API)
    Row(
        "GET /api/v1/regions/{code}/strategic-issues",
        "GET",
        A + "?year=2026",
        api(view_gowa()),
        api=True,
        setup=_issue,
    ),
    Row(
        "POST /api/v1/regions/{code}/strategic-issues",
        "POST",
        A,
        api(edit_gowa(201)),
        api=True,
        data=_issue_json,
    ),
    Row(
        "GET /api/v1/regions/{code}/strategic-issues/themes",
        "GET",
        "/api/v1/regions/{sulsel}/strategic-issues/themes",
        api(view_sulsel()),
        api=True,
        setup=_issue,
    ),
    Row(
        "GET /api/v1/regions/{code}/strategic-issues/themes",
        "GET",
        A + "/themes",
        api(expect(404)),
        api=True,
        note="kab/kota: themes are grouped at province level",
    ),
    Row(
        "GET /api/v1/regions/{code}/strategic-issues/{issue_id}",
        "GET",
        A + "/{issue}",
        api(view_gowa()),
        api=True,
        setup=_issue,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/strategic-issues/{issue_id}",
        "PATCH",
        A + "/{issue}",
        api(edit_gowa()),
        api=True,
        setup=_issue,
        data={"version": 1, "priority": "low"},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/strategic-issues/{issue_id}",
        "DELETE",
        A + "/{issue}?version=1",
        api(edit_gowa(204)),
        api=True,
        setup=_issue,
    ),
    # Knowledge centre (API)
    Row(
        "GET /api/v1/knowledge",
        "GET",
        K + "?q=anggaran",
        api(read_all()),
        api=True,
        setup=_sulsel_doc,
    ),
    Row(
        "POST /api/v1/knowledge",
        "POST",
        K,
        api(expect(403, national_admin=201, sulsel_admin=201)),
        api=True,
        data=_document_api,
    ),
    Row(
        "GET /api/v1/knowledge/{document_id}",
        "GET",
        K + "/{doc}",
        api(read_all()),
        api=True,
        setup=_sulsel_doc,
    ),
    Row(
        "PATCH /api/v1/knowledge/{document_id}",
        "PATCH",
        K + "/{doc}",
        api(manage_sulsel()),
        api=True,
        setup=_sulsel_doc,
        data={"version": 1, "edition": "1.1"},
    ),
    Row(
        "DELETE /api/v1/knowledge/{document_id}",
        "DELETE",
        K + "/{doc}?version=1",
        api(manage_sulsel(204)),
        api=True,
        setup=_sulsel_doc,
    ),
    Row(
        "GET /api/v1/knowledge/{document_id}/file",
        "GET",
        K + "/{doc}/file",
        api(read_all()),
        api=True,
        setup=_sulsel_doc,
    ),
]
