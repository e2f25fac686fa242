"""The Pokja registry through its pages (Django test client), including the acceptance flow:
an operator records a Pokja, uploads its SK and imports 30 members from Excel."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from audit.models import AuditEvent
from core.years import open_year
from regions.models import Region
from workgroups import services
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup
from workgroups.tests.helpers import build_xlsx, decree_fields, member_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _decree_form(upload, **overrides):
    title = "Pembentukan Kelompok Kerja Bangga Kencana Kabupaten Gowa"
    return decree_fields(title=title, upload=upload, **overrides)


def test_operator_records_pokja_uploads_sk_and_imports_30_members(personas, sk_pdf, page_import):
    client = personas.client("gowa_operator")

    # No Pokja yet: the page says so and offers to record it.
    page = client.get("/r/73.06/pokja/")
    assert page.status_code == 200
    assert "Pokja belum terbentuk" in page.content.decode()
    assert 'href="/r/73.06/pokja/new/"' in page.content.decode()

    # 1. Record the Pokja.
    subgroups = SubGroup.objects.filter(code__in=["advokasi", "kampung-kb", "tpps", "kie"])
    response = client.post(
        "/r/73.06/pokja/new/",
        {
            "name": "Pokja Bangga Kencana Kabupaten Gowa",
            "formed_on": "2023-07-12",
            "secretariat_office": "DPPKB Kabupaten Gowa",
            "contact_name": "Sekretariat Pokja",
            "contact_phone": "0411-861234",
            "contact_email": "pokja@gowakab.example",
            "subgroups": [s.pk for s in subgroups],
        },
    )
    # The guided path: the next missing step of the open year, the SK.
    assert response.status_code == 302
    assert response["Location"] == f"/r/73.06/pokja/decrees/new/?year={open_year()}"
    workgroup = WorkGroup.objects.get(region__code="73.06")
    assert (workgroup.status, workgroup.created_by, workgroup.subgroups.count()) == (
        "active",
        personas.gowa_operator,
        4,
    )

    # 2. Upload the SK as a PDF.
    response = client.post(
        "/r/73.06/pokja/decrees/new/",
        _decree_form(
            SimpleUploadedFile("SK Pokja Gowa 2023.pdf", sk_pdf, content_type="application/pdf")
        ),
    )
    assert response.status_code == 302
    decree = Decree.objects.get(workgroup=workgroup)
    assert decree.original_filename == "SK Pokja Gowa 2023.pdf"
    assert workgroup.current_decree(on=datetime.date(2025, 6, 30)) == decree

    # 3. Download the template, fill in 30 members with openpyxl, upload it.
    template = client.get("/r/73.06/pokja/members/template/")
    assert template.status_code == 200 and template["Content-Type"] == XLSX
    wb = load_workbook(io.BytesIO(template.content))
    ws = wb["Anggota"]
    roles = ["Pengarah", "Penanggung Jawab", "Ketua", "Wakil Ketua", "Sekretaris"] + [
        "Koordinator Bidang"
    ] * 4
    subgroup_names = ["Advokasi", "Kampung KB", "Percepatan Penurunan Stunting (TPPS)", "KIE"]
    institutions = [
        ("Sekretariat Daerah Kabupaten Gowa", "Perangkat daerah (OPD)"),
        ("Dinas Kesehatan Kabupaten Gowa", "Perangkat daerah (OPD)"),
        ("Kantor Kementerian Agama Kabupaten Gowa", "Instansi vertikal"),
        ("TP-PKK Kabupaten Gowa", "Organisasi kemasyarakatan"),
        ("Ikatan Bidan Indonesia Cabang Gowa", "Organisasi profesi"),
        ("Universitas Muhammadiyah Makassar", "Perguruan tinggi"),
    ]
    for i in range(30):
        role = roles[i] if i < len(roles) else "Anggota"
        institution, sector = institutions[i % len(institutions)]
        ws.cell(row=i + 2, column=1, value=f"Anggota Pokja {i + 1:02d}")
        ws.cell(row=i + 2, column=2, value="Kepala Bidang")
        ws.cell(row=i + 2, column=3, value=institution)
        ws.cell(row=i + 2, column=4, value=sector)
        ws.cell(row=i + 2, column=5, value=role)
        ws.cell(row=i + 2, column=6, value=None if i < 5 else subgroup_names[i % 4])
        ws.cell(row=i + 2, column=7, value=f"0812-4000-{i:04d}")
        ws.cell(row=i + 2, column=8, value=f"anggota{i}@gowakab.example")
        ws.cell(row=i + 2, column=9, value=datetime.date(2023, 7, 12))
    buffer = io.BytesIO()
    wb.save(buffer)
    response, job = page_import(
        client,
        "/r/73.06/pokja/members/import/",
        {"file": SimpleUploadedFile("anggota-gowa.xlsx", buffer.getvalue(), content_type=XLSX)},
    )
    assert response.status_code == 302 and job.state == "succeeded" and job.done == job.total
    job_page = client.get(response.url).content.decode()
    assert "30 anggota diimpor." in job_page and 'href="/r/73.06/pokja/members/"' in job_page
    assert workgroup.members.count() == 30
    assert Institution.objects.filter(region=workgroup.region).count() == 6
    assert workgroup.members.filter(role="adviser", subgroup__isnull=True).count() == 1
    assert AuditEvent.objects.filter(code="members.imported", region_code="73.06").count() == 1

    # The profile shows the SK with its PDF, members by role and the sector mix.
    page = client.get("/r/73.06/pokja/").content.decode()
    assert "188.45/76/KPTS/2023" in page
    assert f"/r/73.06/pokja/decrees/{decree.pk}/file/" in page
    assert "Anggota Pokja 01" in page and "Koordinator Bidang" in page
    assert "15 pemerintah, 15 non-pemerintah" in page
    assert "gowa_operator" in page  # change history

    pdf = client.get(f"/r/73.06/pokja/decrees/{decree.pk}/file/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    assert "SK 188.45-76-KPTS-2023.pdf" in pdf["Content-Disposition"]


def test_docx_renamed_to_pdf_is_refused_with_indonesian_message(personas, gowa_pokja, docx_bytes):
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/decrees/new/",
        _decree_form(
            SimpleUploadedFile("SK Pokja.pdf", docx_bytes, content_type="application/pdf")
        ),
    )
    assert response.status_code == 200
    assert "Berkas ini bukan dokumen PDF" in response.content.decode()
    assert not Decree.objects.exists()
    assert not AuditEvent.objects.filter(model="workgroups.Decree").exists()


def test_decree_over_the_size_limit_is_refused_with_a_clear_message(
    personas, gowa_pokja, sk_pdf, settings
):
    settings.SIPOKJA_UPLOAD_MAX_MB = 1
    big = sk_pdf + b"%" * (1024 * 1024)
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/decrees/new/", _decree_form(SimpleUploadedFile("SK.pdf", big))
    )
    assert "batasnya 1 MB" in response.content.decode()
    assert not Decree.objects.exists()


def test_decree_without_a_pdf_is_refused(personas, gowa_pokja):
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/decrees/new/", _decree_form("")
    )
    assert response.status_code == 200
    assert not Decree.objects.exists()


def test_replacing_the_pdf_keeps_one_file(
    personas, gowa_decree, sk_pdf, django_capture_on_commit_callbacks
):
    old_name = gowa_decree.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = personas.client("gowa_operator").post(
            f"/r/73.06/pokja/decrees/{gowa_decree.pk}/edit/",
            _decree_form(SimpleUploadedFile("SK baru.pdf", sk_pdf), version="1"),
        )
    assert response.status_code == 302
    gowa_decree.refresh_from_db()
    assert gowa_decree.file.name != old_name and gowa_decree.version == 2
    assert not gowa_decree.file.storage.exists(old_name)


def test_import_with_one_bad_row_shows_the_errors_and_writes_nothing(
    personas, gowa_pokja, page_import
):
    rows = [member_row(i) for i in range(1, 8)]
    rows[3]["role"] = "Bendahara"  # Excel row 5, column E
    before = Member.objects.count()
    client = personas.client("gowa_operator")
    response, job = page_import(
        client, "/r/73.06/pokja/members/import/", {"file": build_xlsx(rows)}
    )
    assert job.state == "failed"
    assert [(m["row"], m["column"]) for m in job.messages if m.get("row")] == [(5, "E")]
    page = client.get(response.url).content.decode()
    assert "Baris 5, kolom E:" in page
    assert "Tidak ada data yang disimpan" in page
    assert Member.objects.count() == before
    assert not Institution.objects.filter(name="Dinas Kesehatan Kabupaten Gowa").exists()


def test_import_of_a_non_excel_file_is_refused(personas, gowa_pokja, sk_pdf):
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/members/import/", {"file": SimpleUploadedFile("anggota.xlsx", sk_pdf)}
    )
    assert "bukan buku kerja Excel" in response.content.decode()


# --- contact data -----------------------------------------------------------------------------

CONTACTS = ["+6281234567890", "andi@gowakab.example", "+62411861234", "sekretariat@gowakab.example"]


@pytest.mark.parametrize("persona", ["sulsel_viewer", "gowa_member"])
@pytest.mark.parametrize(
    "path", ["/r/73.06/pokja/", "/r/73.06/pokja/members/", "/r/73.06/pokja/members/?all=1"]
)
def test_contact_is_hidden_in_pages_without_the_right(personas, gowa_pokja, persona, path):
    response = personas.client(persona).get(path)
    page = response.content.decode()
    assert response.status_code == 200 and "Andi Makkasau" in page
    assert not any(value in page for value in CONTACTS)


@pytest.mark.parametrize("persona", ["gowa_operator", "sulsel_admin"])
def test_contact_is_shown_with_the_right(personas, gowa_pokja, persona):
    page = personas.client(persona).get("/r/73.06/pokja/members/").content.decode()
    assert "+6281234567890" in page and "andi@gowakab.example" in page


@pytest.mark.parametrize(
    ("persona", "shown"),
    [("sulsel_viewer", False), ("gowa_member", False), ("gowa_operator", True)],
)
def test_contact_in_the_export_follows_the_right(personas, gowa_pokja, persona, shown):
    response = personas.client(persona).get("/r/73.06/pokja/members/export/")
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert response["Cache-Control"] == "private, no-store"
    wb = load_workbook(io.BytesIO(response.content))
    text = " ".join(str(c.value) for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert "Andi Makkasau" in text
    assert ("+6281234567890" in text and "andi@gowakab.example" in text) is shown
    assert ("0812" in text or "@" in text) is shown


# --- scope ------------------------------------------------------------------------------------


def test_decree_of_another_region_is_not_found(personas, gowa_decree):
    # Through Makassar's URL, Gowa's decree does not exist (even for the provincial admin).
    assert (
        personas.client("sulsel_admin")
        .get(f"/r/73.71/pokja/decrees/{gowa_decree.pk}/file/")
        .status_code
        == 404
    )
    assert (
        personas.client("sultra_admin")
        .get(f"/r/73.06/pokja/decrees/{gowa_decree.pk}/file/")
        .status_code
        == 404
    )


def test_member_of_another_region_cannot_be_edited(personas, gowa_pokja, regions):
    services.create_workgroup(by=None, region=regions["73.71"], name="Pokja Makassar")
    member = Member.objects.get(name="Andi Makkasau")
    response = personas.client("sulsel_admin").post(f"/r/73.71/pokja/members/{member.pk}/delete/")
    assert response.status_code == 404
    assert Member.objects.filter(pk=member.pk).exists()


def test_no_pokja_page_has_no_create_button_for_readers(personas, regions):
    page = personas.client("gowa_member").get("/r/73.06/pokja/").content.decode()
    assert "Pokja belum terbentuk" in page and "/pokja/new/" not in page


def test_pages_that_need_a_pokja_send_to_the_profile(personas, regions):
    response = personas.client("gowa_operator").get("/r/73.06/pokja/members/")
    assert response.status_code == 302 and response["Location"] == "/r/73.06/pokja/"


def test_region_page_links_to_the_pokja(personas, regions):
    page = personas.client("gowa_member").get("/r/73.06/").content.decode()
    assert 'href="/r/73.06/pokja/"' in page and 'href="/r/73.06/institutions/"' in page


# --- editing ----------------------------------------------------------------------------------


def test_edit_with_a_stale_version_is_refused(personas, gowa_pokja):
    services.update_workgroup(by=None, workgroup=gowa_pokja, expected_version=1, name="Nama baru")
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/edit/",
        {"name": "Nama saya", "status": "active", "version": "1", "subgroups": []},
    )
    assert response.status_code == 200
    assert "telah diubah oleh pengguna lain" in response.content.decode()
    gowa_pokja.refresh_from_db()
    assert gowa_pokja.name == "Nama baru" and gowa_pokja.subgroups.count() == 3


def test_member_form_adds_a_member_with_normalised_phone(personas, gowa_pokja):
    institution = Institution.objects.get(name="Bappeda Kabupaten Gowa")
    response = personas.client("gowa_operator").post(
        "/r/73.06/pokja/members/new/",
        {
            "name": "Nur Aisyah",
            "role": "coordinator",
            "institution": institution.pk,
            "subgroup": SubGroup.objects.get(code="kie").pk,
            "phone": "+62 812-3333-4444",
            "email": "nur@gowakab.example",
        },
    )
    assert response.status_code == 302
    member = Member.objects.get(name="Nur Aisyah")
    assert member.phone == "+6281233334444"
    event = AuditEvent.objects.filter(model="workgroups.Member", object_id=str(member.pk)).get()
    assert event.action == "create" and event.actor_username == "gowa_operator"


def test_member_login_shows_the_initial_password_once(personas, gowa_pokja):
    member = Member.objects.get(name="Sitti Rahmawati")
    client = personas.client("gowa_operator")
    response = client.post(f"/r/73.06/pokja/members/{member.pk}/login/", {"method": "password"})
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    member.refresh_from_db()
    assert member.user is not None
    assert member.user.username in response.content.decode()
    again = client.get(f"/r/73.06/pokja/members/{member.pk}/login/")
    assert again.status_code == 302


def test_institution_in_use_cannot_be_deleted(personas, gowa_pokja):
    institution = Institution.objects.get(name="Bappeda Kabupaten Gowa")
    response = personas.client("gowa_operator").post(
        f"/r/73.06/institutions/{institution.pk}/delete/", follow=True
    )
    assert "masih memiliki anggota" in response.content.decode()
    assert Institution.objects.filter(pk=institution.pk).exists()


def test_national_admin_adds_a_subgroup_to_the_catalogue(personas):
    response = personas.client("national_admin").post(
        "/catalogue/subgroups/",
        {"code": "remaja", "name": "Ketahanan Remaja", "order": "70", "is_active": "on"},
    )
    assert response.status_code == 302
    subgroup = SubGroup.objects.get(code="remaja")
    assert AuditEvent.objects.filter(
        model="workgroups.SubGroup", object_id=str(subgroup.pk), action="create"
    ).exists()


def test_province_profile_lists_its_regencies_with_constant_queries(personas, regions):
    client = personas.client("sulsel_admin")

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/r/73/pokja/").status_code == 200
        return len(queries)

    services.create_workgroup(by=None, region=regions["73.06"], name="Pokja Gowa")
    one = count()
    for code in ["73.71", "73.08", "73.09", "73.16"]:
        workgroup = services.create_workgroup(
            by=None, region=Region.objects.get(code=code), name=f"Pokja {code}"
        )
        Decree.objects.create(
            workgroup=workgroup, number=f"{code}/2024", title="x", signed_on=datetime.date(2024, 1, 1),
            issuer="regent", valid_from=datetime.date(2024, 1, 1),
        )  # fmt: skip
    assert count() == one
    page = client.get("/r/73/pokja/").content.decode()
    assert "73.71/2024" in page and "Belum terbentuk" in page


def test_province_overview_counts_current_members_and_decrees(personas, gowa_decree, regions):
    from workgroups.views.workgroup import _children_overview

    Member.objects.filter(name="Hasnah Daeng Ngemba").update(
        active_until=datetime.date(2024, 12, 31)
    )
    rows = {
        row["region"].code: row
        for row in _children_overview(regions["73"], datetime.date(2025, 6, 30))
    }
    assert len(rows) == 24
    assert (rows["73.06"]["members"], rows["73.06"]["decree"]) == (2, gowa_decree)
    assert rows["73.71"]["workgroup"] is None
