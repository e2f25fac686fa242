"""Permission matrix of the strategic-issue and knowledge-centre pages and API (see
tests/matrix.py). Strategic issues are regional (read: region.view, write:
strategic_issue.edit); knowledge documents are read by every logged-in user and kept by those
holding knowledge.manage for the publisher (national, or the province)."""

from knowledge.tests import helpers as k
from tests.matrix import Row, api_rows, edit_gowa, edit_sulsel, expect, form, view_gowa, view_sulsel


def _issue(personas):
    return {"issue": k.issue("73.06").pk}


def _sulsel_doc(personas):
    return {"doc": k.document(publisher="73").pk}


def _national_doc(personas):
    return {"doc": k.document(publisher=None, title="Panduan nasional").pk}


def _draft_doc(personas):
    return {"doc": k.document(publisher="73", is_published=False).pk}


# What the page form and the API both send for a new guide.
_DOCUMENT = {
    "_multipart": True,
    "title": "Panduan Forum Komunikasi",
    "category": "forum",
    "kind": "guide",
    "issued_on": "2025-07-24",
}


def _document_form(personas, kwargs):
    return {
        **_DOCUMENT,
        "description": "Tata cara forum",
        "edition": "1.0",
        "is_published": "on",
        "publisher_choice": "73",
        "upload": k.pdf_upload(),
    }


def _document_api(personas, kwargs):
    return {**_DOCUMENT, "publisher": "73", "file": k.pdf_upload()}


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
D = "/knowledge/{doc}"
op = api_rows("/api/v1/regions/{code}", code="{gowa}", issue_id="{issue}")
kop = api_rows("/api/v1", document_id="{doc}")
_version = {"version": "1"}
_PROVINCE_THEMES = "kab/kota: themes are grouped at province level"


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
    *form("knowledge:issue_create", P + "/new/", data=_issue_form),
    Row(
        "knowledge:issue_create",
        "POST",
        "/r/{sulsel}/issues/new/",
        edit_sulsel(302),
        data=_issue_form,
    ),
    Row("knowledge:themes", "GET", "/r/{sulsel}/issues/themes/", view_sulsel(), setup=_issue),
    Row(
        "knowledge:themes", "GET", P + "/themes/", expect(404, anonymous=302), note=_PROVINCE_THEMES
    ),
    Row("knowledge:issue", "GET", P + "/{issue}/", view_gowa(), setup=_issue),
    *form("knowledge:issue_edit", P + "/{issue}/edit/", setup=_issue, data=_issue_form),
    *form("knowledge:issue_delete", P + "/{issue}/delete/", setup=_issue, data=_version),
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
    Row("knowledge:document", "GET", D + "/", read_all(), setup=_sulsel_doc),
    Row(
        "knowledge:document",
        "GET",
        D + "/",
        expect(404, national_admin=200, sulsel_admin=200, anonymous=302),
        setup=_draft_doc,
        note="unpublished: only those who manage it",
    ),
    *form("knowledge:document_edit", D + "/edit/", manage_sulsel, _sulsel_doc, _edit_form),
    Row(
        "knowledge:document_edit",
        "GET",
        D + "/edit/",
        expect(403, national_admin=200, anonymous=302),
        setup=_national_doc,
        note="national documents: national admins only",
    ),
    *form("knowledge:document_delete", D + "/delete/", manage_sulsel, _sulsel_doc, _version),
    Row("knowledge:document_file", "GET", D + "/file/", read_all(), setup=_sulsel_doc),
    # Strategic issues (API)
    op("GET /strategic-issues", view_gowa(), _issue, query="?year=2026"),
    op("POST /strategic-issues", edit_gowa(201), data=_issue_json),
    op("GET /strategic-issues/themes", view_sulsel(), _issue, code="{sulsel}"),
    op("GET /strategic-issues/themes", expect(404), note=_PROVINCE_THEMES),
    *op.record("/strategic-issues/{issue_id}", _issue, {"version": 1, "priority": "low"}),
    # Knowledge centre (API)
    kop("GET /knowledge", read_all(), _sulsel_doc, query="?q=anggaran"),
    kop("POST /knowledge", expect(403, national_admin=201, sulsel_admin=201), data=_document_api),
    *kop.record(
        "/knowledge/{document_id}",
        _sulsel_doc,
        {"version": 1, "edition": "1.1"},
        read=read_all,
        edit=manage_sulsel,
    ),
    kop("GET /knowledge/{document_id}/file", read_all(), _sulsel_doc),
]
