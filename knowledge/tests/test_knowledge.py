"""The knowledge centre: publishing by national and provincial admins, search, downloads for
every logged-in user, content checks of PDF/XLSX/DOCX, who may change what, the API, and the
guides the assessment explanation links to."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEvent
from core.errors import DomainError
from knowledge import services
from knowledge.models import KnowledgeDocument
from knowledge.tests import helpers as k
from knowledge.validators import document_format

pytestmark = pytest.mark.django_db

GUIDE = {
    "title": "Panduan Penganggaran Operasional Pokja",
    "category": "budget",
    "kind": "guide",
    "description": "Cara menganggarkan operasional Pokja dalam APBD kabupaten/kota.",
    "edition": "1.0",
    "issued_on": "2025-03-03",
    "is_published": "on",
    "publisher_choice": "73",
}


def test_province_guide_is_found_downloaded_and_linked_but_not_editable_elsewhere(personas):
    # The province admin uploads a guide.
    admin = personas.client("sulsel_admin")
    response = admin.post(
        "/knowledge/new/", GUIDE | {"upload": k.pdf_upload("Panduan Anggaran Pokja.pdf")}
    )
    assert response.status_code == 302
    guide = KnowledgeDocument.objects.get()
    assert (guide.publisher.code, guide.file_format, guide.original_filename) == (
        "73",
        "pdf",
        "Panduan Anggaran Pokja.pdf",
    )
    assert guide.created_by == personas.sulsel_admin
    assert AuditEvent.objects.filter(
        model="knowledge.KnowledgeDocument", action="create", region_code="73"
    ).exists()

    # A kab/kota account finds it by a word of its description and downloads it.
    operator = personas.client("gowa_operator")
    found = operator.get("/knowledge/?q=apbd")
    assert [d.pk for d in found.context["page"]] == [guide.pk]
    assert operator.get("/knowledge/?q=stunting").context["page"].object_list.count() == 0
    download = operator.get(f"/knowledge/{guide.pk}/file/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download.content == k.pdf_bytes()
    assert "Panduan Anggaran Pokja.pdf" in download["Content-Disposition"]

    # Another province's admin reads it but cannot change or delete it.
    sultra = personas.client("sultra_admin")
    assert sultra.get(f"/knowledge/{guide.pk}/").status_code == 200
    assert sultra.get(f"/knowledge/{guide.pk}/edit/").status_code == 403
    edit = sultra.post(f"/knowledge/{guide.pk}/edit/", GUIDE | {"title": "Diambil", "version": 1})
    assert edit.status_code == 403
    assert sultra.post(f"/knowledge/{guide.pk}/delete/", {"version": 1}).status_code == 403
    guide.refresh_from_db()
    assert (guide.title, guide.version) == (GUIDE["title"], 1)

    # The missing-criterion explanation links to it.
    guides = services.guides_for_kinds()
    assert guides["budget"] == guide
    assert services.document_url(guides["budget"]) == f"/knowledge/{guide.pk}/"


def test_guides_for_kinds_picks_the_latest_guide_per_category_in_one_query(
    regions, django_assert_num_queries
):
    older = k.document(title="Lama", category="budget", issued_on=datetime.date(2023, 1, 1))
    newer = k.document(title="Baru", category="budget", issued_on=datetime.date(2025, 1, 1))
    k.document(  # a newer template does not beat a guide
        title="Templat", category="budget", kind="template", issued_on=datetime.date(2026, 1, 1)
    )
    k.document(
        title="Draf", category="budget", issued_on=datetime.date(2026, 2, 1), is_published=False
    )
    advocacy = k.document(publisher=None, title="Advokasi", category="advocacy")
    template_only = k.document(
        publisher=None, title="Templat SK", category="formation", kind="template"
    )
    k.document(title="Forum", category="forum")

    with django_assert_num_queries(1):
        guides = services.guides_for_kinds()
        publishers = [g.publisher_label for g in guides.values()]

    assert guides == {
        "budget": newer,
        "gdpk": advocacy,
        "planning_integration": advocacy,
        "decree": template_only,
        "declared": template_only,
    }
    assert older not in guides.values() and len(publishers) == 5


def test_guides_for_kinds_for_a_region_ignores_other_provinces(regions):
    national = k.document(publisher=None, title="Nasional", issued_on=datetime.date(2024, 1, 1))
    sulsel = k.document(publisher="73", title="Sulsel", issued_on=datetime.date(2025, 1, 1))
    k.document(publisher="74", title="Sultra", issued_on=datetime.date(2026, 1, 1))

    assert services.guides_for_kinds(regions["73.06"])["budget"] == sulsel
    assert services.guides_for_kinds(regions["73"])["budget"] == sulsel
    assert services.guides_for_kinds(regions["74.01"])["budget"].title == "Sultra"
    assert services.guides_for_kinds(regions["74"])["budget"] != national
    assert services.guides_for_kinds()["budget"].title == "Sultra"


def test_provincial_admin_cannot_publish_for_another_province_or_nationally(personas):
    client = personas.client("sultra_admin")
    for choice in ("73", "national"):
        response = client.post(
            "/knowledge/new/", GUIDE | {"publisher_choice": choice, "upload": k.pdf_upload()}
        )
        assert response.status_code == 200
        assert "publisher_choice" in response.context["form"].errors
    assert not KnowledgeDocument.objects.exists()
    ok = client.post(
        "/knowledge/new/", GUIDE | {"publisher_choice": "74", "upload": k.pdf_upload()}
    )
    assert ok.status_code == 302
    assert KnowledgeDocument.objects.get().publisher.code == "74"


def test_provincial_admin_cannot_change_a_national_document(personas):
    national = k.document(publisher=None)
    client = personas.client("sulsel_admin")
    assert client.get(f"/knowledge/{national.pk}/edit/").status_code == 403
    assert (
        personas.client("national_admin").get(f"/knowledge/{national.pk}/edit/").status_code == 200
    )


@pytest.mark.parametrize(
    "content,name,fmt",
    [
        (k.xlsx_bytes(), "templat.xlsx", "xlsx"),
        (k.docx_bytes(), "panduan.docx", "docx"),
        (k.docx_bytes(), "panduan.pdf", "docx"),  # the content decides, not the name
    ],
)
def test_xlsx_and_docx_are_accepted_by_content(personas, content, name, fmt):
    response = personas.client("national_admin").post(
        "/knowledge/new/",
        GUIDE | {"publisher_choice": "national", "upload": k.upload(content, name)},
    )
    assert response.status_code == 302
    document = KnowledgeDocument.objects.get()
    assert document.file_format == fmt
    assert document.file.name.endswith("." + fmt)
    assert document.original_filename.endswith("." + fmt)
    download = personas.client("gowa_member").get(f"/knowledge/{document.pk}/file/")
    assert download.content == content
    assert download["Content-Type"] == services.CONTENT_TYPES[fmt]


@pytest.mark.parametrize(
    "content,code",
    [
        (k.docx_bytes(macros=True), "macro"),
        (k.zip_bytes(), "unsupported"),
        (b"MZ\x90\x00 executable", "unsupported"),
        (b"%PDF-1.7 broken", "not_pdf"),
        (b"", "empty"),
    ],
)
def test_unsafe_or_unknown_files_are_refused(personas, content, code):
    with pytest.raises(ValidationError) as error:
        document_format(k.upload(content, "panduan.docx"))
    assert error.value.code == code

    response = personas.client("sulsel_admin").post(
        "/knowledge/new/", GUIDE | {"upload": k.upload(content, "panduan.docx")}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["upload"]
    assert not KnowledgeDocument.objects.exists()


def test_service_refuses_a_macro_document_and_keeps_the_old_file(regions):
    document = k.document()
    old_name = document.file.name
    with pytest.raises(DomainError) as error:
        services.save_document(
            by=None,
            document=document,
            expected_version=1,
            file=k.upload(k.docx_bytes(macros=True), "x.docx"),
        )
    assert error.value.errors[0]["field"] == "file"
    document.refresh_from_db()
    assert (document.file.name, document.version) == (old_name, 1)


def test_edit_replaces_the_file_and_bumps_the_version(personas, django_capture_on_commit_callbacks):
    document = k.document()
    old = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = personas.client("sulsel_admin").post(
            f"/knowledge/{document.pk}/edit/",
            GUIDE | {"edition": "2.0", "version": 1, "upload": k.upload(k.xlsx_bytes(), "t.xlsx")},
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.edition, document.file_format, document.version) == ("2.0", "xlsx", 2)
    assert document.file.name != old
    assert not document.file.storage.exists(old)
    assert document.file.storage.exists(document.file.name)


def test_search_filters_by_category_and_type(personas):
    guide = k.document(title="Panduan rencana kerja", category="work_plan")
    template = k.document(title="Templat rencana kerja", category="work_plan", kind="template")
    k.document(title="Panduan indikator", category="indicators")
    client = personas.client("gowa_member")

    def found(query):
        return {d.pk for d in client.get("/knowledge/" + query).context["page"]}

    assert found("?category=work_plan") == {guide.pk, template.pk}
    assert found("?category=work_plan&kind=template") == {template.pk}
    assert found("?q=RENCANA+panduan") == {guide.pk}


def test_unpublished_documents_are_seen_only_by_their_managers(personas):
    draft = k.document(is_published=False)
    assert personas.client("gowa_operator").get(f"/knowledge/{draft.pk}/").status_code == 404
    assert personas.client("gowa_operator").get(f"/knowledge/{draft.pk}/file/").status_code == 404
    assert not personas.client("sultra_admin").get("/knowledge/").context["page"].object_list
    assert [d.pk for d in personas.client("sulsel_admin").get("/knowledge/").context["page"]] == [
        draft.pk
    ]
    assert services.guides_for_kinds() == {}


def test_anonymous_users_are_sent_to_log_in(personas):
    document = k.document()
    response = personas.client("anonymous").get(f"/knowledge/{document.pk}/file/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_api_publishes_searches_updates_and_downloads(personas):
    admin = personas.api_client("sulsel_admin")
    created = admin.post(
        "/api/v1/knowledge",
        {
            "title": "Pedoman Forum Komunikasi",
            "category": "forum",
            "description": "Agenda, undangan dan notulen forum.",
            "issued_on": "2025-07-24",
            "publisher": "73",
            "file": k.upload(k.docx_bytes(), "pedoman.docx"),
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["publisher"], body["file_format"], body["kind"], body["filename"]) == (
        "73",
        "docx",
        "guide",
        "pedoman.docx",
    )

    operator = personas.api_client("gowa_operator")
    assert [d["id"] for d in operator.get("/api/v1/knowledge?q=notulen").json()] == [body["id"]]
    assert operator.get("/api/v1/knowledge?category=budget").json() == []
    file = operator.get(body["file_url"])
    assert file.status_code == 200 and file.content == k.docx_bytes()

    sultra = personas.api_client("sultra_admin")
    patch = sultra.patch(
        f"/api/v1/knowledge/{body['id']}",
        data={"version": 1, "title": "Diambil"},
        content_type="application/json",
    )
    assert patch.status_code == 403
    mine = admin.patch(
        f"/api/v1/knowledge/{body['id']}",
        data={"version": 1, "edition": "1.1"},
        content_type="application/json",
    )
    assert mine.status_code == 200 and mine.json()["version"] == 2
    stale = admin.patch(
        f"/api/v1/knowledge/{body['id']}",
        data={"version": 1, "edition": "9"},
        content_type="application/json",
    )
    assert stale.status_code == 409
    assert KnowledgeDocument.objects.get().edition == "1.1"


def test_api_refuses_publishing_for_another_province_and_bad_files(personas):
    sultra = personas.api_client("sultra_admin")
    data = {"title": "X", "category": "forum", "issued_on": "2025-07-24"}
    response = sultra.post("/api/v1/knowledge", data | {"publisher": "73", "file": k.pdf_upload()})
    assert response.status_code == 403
    bad = sultra.post(
        "/api/v1/knowledge", data | {"publisher": "74", "file": k.upload(k.zip_bytes(), "x.pdf")}
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "file"
    assert not KnowledgeDocument.objects.exists()


def test_delete_removes_the_document_and_its_file(personas, django_capture_on_commit_callbacks):
    document = k.document()
    name = document.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = personas.client("sulsel_admin").post(
            f"/knowledge/{document.pk}/delete/", {"version": "1"}
        )
    assert response.status_code == 302
    assert not KnowledgeDocument.objects.exists()
    assert not document.file.storage.exists(name)
    event = AuditEvent.objects.get(model="knowledge.KnowledgeDocument", action="delete")
    assert (event.region_code, event.actor_username) == ("73", "sulsel_admin")
