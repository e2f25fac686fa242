"""Work plans and activities through the pages: building, approving, refusing bad input,
concurrent edits, files and audit."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import load_workbook

from audit.models import AuditEvent
from core.concurrency import stale_message
from core.formats import parse_rupiah
from planning.common import pokja_url
from planning.models import Activity, WorkPlan
from planning.tests import helpers as h

pytestmark = pytest.mark.django_db


def indonesian(func, *args):
    with translation.override("id"):
        return str(func(*args))


def rupiah_error(text):
    try:
        with translation.override("id"):
            parse_rupiah(text)
    except ValueError as exc:
        return str(exc)
    raise AssertionError(f"{text!r} was accepted")


@pytest.fixture
def gowa(personas):
    """Gowa's Pokja with two institutions, two indicators and the TPPS sub-group."""
    wg = h.workgroup("73.06")
    return {
        "workgroup": wg,
        "dinkes": h.institution("73.06", "Dinas Kesehatan"),
        "pkk": h.institution("73.06", "TP-PKK Kabupaten Gowa"),
        "tfr": h.indicator("tfr"),
        "stunting": h.indicator("stunting", "Prevalensi balita stunting"),
        "tpps": h.subgroup(),
    }


def _lists(content):
    """The drop-down values the template offers, by heading of the hidden lists sheet."""
    workbook = load_workbook(io.BytesIO(content))
    lists = workbook.worksheets[1]
    result = {}
    for column in lists.iter_cols(values_only=True):
        result[column[0]] = [v for v in column[1:] if v is not None]
    return workbook, result


def test_operator_builds_2025_plan_from_excel_and_approves_it(personas, gowa, page_import):
    client = personas.client("gowa_operator")

    response = client.post(
        "/r/73.06/plans/new/", {"year": "2025", "title": "", "notes": "Disusun bersama OPD"}
    )
    assert response.status_code == 302
    plan = WorkPlan.objects.get(workgroup=gowa["workgroup"], year=2025)
    # The guided path: the next missing step of 2025 (this Pokja has no SK yet).
    assert response["Location"] == "/r/73.06/pokja/decrees/new/?year=2025"
    assert plan.status == WorkPlan.Status.DRAFT and plan.created_by == personas.gowa_operator

    template = client.get("/r/73.06/plans/2025/activities/template.xlsx")
    assert template.status_code == 200
    assert template["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook, lists = _lists(template.content)
    sheet = workbook.worksheets[0]
    assert sheet.cell(row=4, column=1).comment is not None  # header notes
    assert len(sheet.data_validations.dataValidation) >= 4  # sub-group, months, source, status
    assert workbook.worksheets[1].sheet_state == "hidden"
    months, sources, statuses = list(lists.values())[1:4]
    assert months[0] == "Januari" and len(months) == 12

    rows = [
        h.activity_row(
            "Rapat koordinasi triwulan",
            start_month=months[0],
            end_month=months[11],
            planned_cost=24000000,
            cost_source=sources[1],
            status=statuses[2],
            institutions="Dinas Kesehatan; TP-PKK Kabupaten Gowa",
            indicators="tfr; stunting",
        ),
        h.activity_row(
            "Audit kasus stunting",
            start_month="April",
            end_month="Juni",
            planned_cost="Rp 18.500.000",
            cost_source=sources[1],
        ),
        h.activity_row(
            "Sosialisasi pendewasaan usia perkawinan",
            start_month=5,
            end_month=8,
            planned_cost="12.000.000",
            cost_source=sources[5],
            indicators="",
        ),
        h.activity_row(
            "Pembinaan Kampung KB",
            subgroup="",
            institutions="",
            start_month="Mar",
            end_month="Okt",
            planned_cost=None,
            cost_source="",
            indicators="",
        ),
        h.activity_row(
            "Pemutakhiran data keluarga",
            start_month="Juni",
            end_month="September",
            planned_cost="9.750.000",
            cost_source=sources[1],
            status=statuses[1],
        ),
        h.activity_row(
            "Lokakarya evaluasi",
            start_month="November",
            end_month="Desember",
            planned_cost="10000000",
            cost_source=sources[1],
            status=statuses[3],
        ),
    ]
    upload = h.filled_template(template.content, rows)
    response, job = page_import(client, "/r/73.06/plans/2025/activities/import/", {"file": upload})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert job.state == "succeeded", job.messages
    job_page = client.get(response.url).content.decode()
    assert "6 kegiatan" in job_page and 'href="/r/73.06/plans/2025/"' in job_page

    activities = {a.title: a for a in plan.activities.all()}
    assert len(activities) == 6
    first = activities["Rapat koordinasi triwulan"]
    assert (first.start_month, first.end_month, first.planned_cost) == (1, 12, 24_000_000)
    assert first.cost_source == "apbd_regency" and first.status == Activity.Status.DONE
    assert first.subgroup == gowa["tpps"]
    assert set(first.institutions.all()) == {gowa["dinkes"], gowa["pkk"]}
    assert set(first.indicators.all()) == {gowa["tfr"], gowa["stunting"]}
    assert activities["Audit kasus stunting"].planned_cost == 18_500_000
    assert activities["Pembinaan Kampung KB"].planned_cost == 0
    assert activities["Pembinaan Kampung KB"].status == Activity.Status.PLANNED
    assert activities["Lokakarya evaluasi"].status == Activity.Status.CANCELLED
    imported = AuditEvent.objects.get(code="planning.activities.imported")
    assert imported.region_code == "73.06" and imported.actor_username == "gowa_operator"
    assert imported.changes["count"] == [None, 6]

    response = client.post(
        "/r/73.06/plans/2025/approve/",
        {
            "approved_on": "20/01/2025",
            "approver_name": "Drs. Contoh",
            "approver_position": "Sekretaris Daerah",
            "version": plan.version,
        },
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.APPROVED
    assert plan.approved_on == datetime.date(2025, 1, 20)
    assert (plan.approver_name, plan.approver_position) == ("Drs. Contoh", "Sekretaris Daerah")
    assert plan.approval_recorded_by == personas.gowa_operator and plan.approval_recorded_at
    assert (
        AuditEvent.objects.filter(code="planning.plan.approved", object_id=str(plan.pk)).count()
        == 1
    )

    page = client.get("/r/73.06/plans/2025/").content.decode()
    assert "20 Januari 2025" in page
    assert "Rp 24.000.000" in page
    # 24.000.000 + 18.500.000 + 12.000.000 + 0 + 9.750.000 (the cancelled one is not counted)
    assert "Rp 64.250.000" in page


def test_import_refuses_bad_rows_and_writes_nothing(personas, gowa, page_import):
    plan = h.plan("73.06", activities=1)  # "Kegiatan 1" exists
    client = personas.client("gowa_operator")
    rows = [
        h.activity_row("Biaya dalam kata", planned_cost="1,5 juta"),  # row 5
        h.activity_row("Biaya negatif", planned_cost="-500000"),  # row 6
        h.activity_row("Bulan terbalik", start_month="Mei", end_month="Februari"),  # row 7
        h.activity_row("Sub-pokja asing", subgroup="Tidak Ada"),  # row 8
        h.activity_row("", expected_output="tanpa judul"),  # row 9
        h.activity_row("Kegiatan 1"),  # row 10: already in the plan
        h.activity_row("Baik-baik saja"),  # row 11: valid, but nothing may be written
        h.activity_row("Bulan salah", start_month="Ramadan"),  # row 12
        h.activity_row("Instansi asing", institutions="Dinas Pariwisata"),  # row 13
    ]
    upload = h.filled_template(h.template_for(plan), rows)

    response, job = page_import(client, "/r/73.06/plans/2025/activities/import/", {"file": upload})

    assert response.status_code == 302 and job.state == "failed"
    problems = {(p["row"], p["column"]): p["message"] for p in job.messages if p.get("row")}
    assert problems[(5, "H")] == rupiah_error("1,5 juta")
    assert problems[(6, "H")] == rupiah_error("-500000")
    assert "Mei" in problems[(7, "E")] and "Februari" in problems[(7, "E")]
    assert (8, "B") in problems and (9, "A") in problems and (10, "A") in problems
    assert (12, "D") in problems and (13, "C") in problems
    assert not any(row == 11 for row, _col in problems)
    assert "Baris 5, kolom H:" in client.get(response.url).content.decode()
    assert list(plan.activities.values_list("title", flat=True)) == ["Kegiatan 1"]
    assert not AuditEvent.objects.filter(code="planning.activities.imported").exists()


def test_import_refuses_a_file_that_is_not_a_workbook(personas, gowa):
    plan = h.plan("73.06")
    upload = SimpleUploadedFile("kegiatan.xlsx", h.pdf_bytes())
    response = personas.client("gowa_operator").post(
        "/r/73.06/plans/2025/activities/import/", {"file": upload}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert plan.activities.count() == 1


def test_import_refuses_duplicate_rows_in_the_file(personas, gowa, page_import):
    plan = h.plan("73.06", activities=0)
    upload = h.filled_template(
        h.template_for(plan), [h.activity_row("Rapat"), h.activity_row("rapat ")]
    )
    response, job = page_import(
        personas.client("gowa_operator"), "/r/73.06/plans/2025/activities/import/", {"file": upload}
    )
    assert [(p["row"], p["column"]) for p in job.messages if p.get("row")] == [(6, "A")]
    assert plan.activities.count() == 0


def test_export_can_be_imported_into_the_next_year(personas, gowa, page_import):
    from planning import services

    plan_2025 = h.plan("73.06", activities=0)
    services.save_activity(
        by=personas.gowa_operator, plan=plan_2025, title="Rapat koordinasi", subgroup=gowa["tpps"],
        start_month=2, end_month=11, planned_cost=7_500_000, cost_source="apbd_regency",
        institutions=[gowa["dinkes"]], indicators=[gowa["tfr"]],
    )  # fmt: skip
    plan_2026 = h.plan("73.06", year=2026, activities=0)
    client = personas.client("gowa_operator")
    exported = client.get("/r/73.06/plans/2025/activities/export.xlsx")
    assert exported.status_code == 200

    upload = SimpleUploadedFile("export.xlsx", exported.content)
    response, job = page_import(client, "/r/73.06/plans/2026/activities/import/", {"file": upload})

    assert response.status_code == 302 and job.state == "succeeded"
    copy = plan_2026.activities.get()
    assert (copy.title, copy.start_month, copy.end_month, copy.planned_cost) == (
        "Rapat koordinasi",
        2,
        11,
        7_500_000,
    )
    assert list(copy.institutions.all()) == [gowa["dinkes"]] and list(copy.indicators.all()) == [
        gowa["tfr"]
    ]


@pytest.mark.parametrize(
    ("field", "value"),
    [("planned_cost", "1,5 juta"), ("planned_cost", "-500000"), ("end_month", "2")],
)
def test_activity_form_refuses_bad_input_with_a_clear_message(personas, gowa, field, value):
    plan = h.plan("73.06", activities=0)
    data = {
        "title": "Rapat",
        "start_month": "5",
        "end_month": "6",
        "planned_cost": "1.000.000",
        "cost_source": "apbd_regency",
        "status": "planned",
    }
    data[field] = value

    response = personas.client("gowa_operator").post("/r/73.06/plans/2025/activities/new/", data)

    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    if field == "planned_cost":
        assert errors == [rupiah_error(value)]
    else:
        assert "Mei" in errors[0] and "Februari" in errors[0]
    assert plan.activities.count() == 0


def test_concurrent_activity_edit_refuses_the_second_save(personas, gowa):
    plan = h.plan("73.06")
    activity = plan.activities.get()
    url = f"/r/73.06/plans/2025/activities/{activity.pk}/edit/"
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    first_form = operator.get(url).context["form"]
    second_form = admin.get(url).context["form"]
    assert first_form["version"].value() == second_form["version"].value() == 1
    base = {
        "start_month": "1",
        "end_month": "12",
        "planned_cost": "1.000.000",
        "cost_source": "apbd_regency",
        "status": "ongoing",
        "version": "1",
    }

    assert operator.post(url, base | {"title": "Versi operator"}).status_code == 302
    response = admin.post(url, base | {"title": "Versi provinsi"})

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [indonesian(stale_message)]
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Versi operator", 2)


def test_concurrent_plan_edit_refuses_the_second_save(personas, gowa):
    plan = h.plan("73.06")
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    assert (
        operator.post(
            "/r/73.06/plans/2025/edit/", {"title": "A", "notes": "", "version": "1"}
        ).status_code
        == 302
    )
    response = admin.post("/r/73.06/plans/2025/edit/", {"title": "B", "notes": "", "version": "1"})
    assert response.status_code == 200
    assert indonesian(stale_message) in response.content.decode()
    plan.refresh_from_db()
    assert plan.title == "A"


def test_pages_say_when_the_region_has_no_pokja(personas, regions):
    from regions.models import Region

    bantaeng = Region.objects.get(code="73.03")
    client = personas.client("sulsel_admin")
    for url in ("/r/73.03/plans/", "/r/73.03/plans/new/"):
        page = client.get(url).content.decode()
        assert 'id="no-workgroup"' in page
        assert f'href="{pokja_url(bantaeng)}"' in page
    assert client.post("/r/73.03/plans/new/", {"year": "2025"}).status_code == 200
    assert not WorkPlan.objects.exists()


def test_approval_needs_activities_and_a_date_not_in_the_future(personas, gowa):
    plan = h.plan("73.06", activities=0)
    client = personas.client("gowa_operator")
    tomorrow = datetime.date.today() + datetime.timedelta(days=2)
    response = client.post(
        "/r/73.06/plans/2025/approve/",
        {"approved_on": tomorrow.isoformat(), "approver_name": "X", "version": "1"},
    )
    assert response.status_code == 200 and response.context["form"].errors["approved_on"]
    response = client.post(
        "/r/73.06/plans/2025/approve/",
        {"approved_on": "2025-01-20", "approver_name": "X", "version": "1"},
    )
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    plan.refresh_from_db()
    assert plan.status == WorkPlan.Status.DRAFT and plan.version == 1


def test_reopen_clears_the_approval_and_allows_deleting(personas, gowa):
    plan = h.plan("73.06", approved=True)
    client = personas.client("gowa_operator")
    assert (
        client.post("/r/73.06/plans/2025/delete/", {"version": "1"}).status_code == 200
    )  # approved: refused
    assert WorkPlan.objects.filter(pk=plan.pk).exists()

    assert client.post("/r/73.06/plans/2025/reopen/", {"version": "1"}).status_code == 302
    plan.refresh_from_db()
    assert (
        plan.status == WorkPlan.Status.DRAFT
        and plan.approved_on is None
        and plan.approver_name == ""
    )
    assert AuditEvent.objects.filter(code="planning.plan.reopened").exists()

    assert client.post("/r/73.06/plans/2025/delete/", {"version": plan.version}).status_code == 302
    assert not WorkPlan.objects.filter(pk=plan.pk).exists()
    assert not Activity.objects.filter(plan_id=plan.pk).exists()


def test_signed_document_must_be_a_pdf_and_is_served_by_permission(personas, gowa):
    plan = h.plan("73.06")
    client = personas.client("gowa_operator")
    fake = SimpleUploadedFile("rk.pdf", b"not a pdf at all", content_type="application/pdf")
    response = client.post(
        "/r/73.06/plans/2025/edit/", {"title": "", "notes": "", "version": "1", "document": fake}
    )
    assert response.status_code == 200 and response.context["form"].errors["document"]
    plan.refresh_from_db()
    assert not plan.document

    response = client.post(
        "/r/73.06/plans/2025/edit/",
        {"title": "", "notes": "", "version": "1", "document": h.pdf_upload("RK Gowa.pdf")},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.document.name.startswith("work-plans/") and plan.document_filename == "RK Gowa.pdf"

    download = personas.client("gowa_member").get("/r/73.06/plans/2025/document/")
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF-")
    assert personas.client("sultra_admin").get("/r/73.06/plans/2025/document/").status_code == 404


def test_evidence_accepts_a_photo_and_refuses_other_files(personas, gowa):
    plan = h.plan("73.06")
    activity = plan.activities.get()
    url = f"/r/73.06/plans/2025/activities/{activity.pk}/edit/"
    client = personas.client("gowa_operator")
    base = {
        "title": activity.title,
        "start_month": "1",
        "end_month": "12",
        "planned_cost": "1.000.000",
        "cost_source": "apbd_regency",
        "status": "done",
    }

    text = SimpleUploadedFile("bukti.png", b"hello", content_type="image/png")
    response = client.post(url, base | {"version": "1", "evidence": text})
    assert response.status_code == 200 and response.context["form"].errors["evidence"]

    photo = SimpleUploadedFile("foto kegiatan.png", h.png_bytes(), content_type="image/png")
    assert client.post(url, base | {"version": "1", "evidence": photo}).status_code == 302
    activity.refresh_from_db()
    assert (
        activity.evidence.name.endswith(".png")
        and activity.evidence_filename == "foto kegiatan.png"
    )
    download = client.get(f"/r/73.06/plans/2025/activities/{activity.pk}/evidence/")
    assert download["Content-Type"] == "image/png"


def test_activity_changes_leave_audit_records_including_links(personas, gowa):
    client = personas.client("gowa_operator")
    plan = h.plan("73.06", activities=0)
    data = {
        "title": "Rapat", "start_month": "1", "end_month": "2", "planned_cost": "", "cost_source": "",
        "status": "planned", "institutions": [gowa["dinkes"].pk], "indicators": [gowa["tfr"].pk],
    }  # fmt: skip
    assert client.post("/r/73.06/plans/2025/activities/new/", data).status_code == 302
    activity = plan.activities.get()
    events = AuditEvent.objects.filter(model="planning.Activity", object_id=str(activity.pk))
    assert events.filter(action="create").count() == 1
    assert events.filter(action="update").get().changes == {
        "institutions": [[], [gowa["dinkes"].pk]],
        "indicators": [[], [gowa["tfr"].pk]],
    }
    url = f"/r/73.06/plans/2025/activities/{activity.pk}/"
    assert client.post(url + "delete/", {"version": "1"}).status_code == 302
    assert events.filter(action="delete").get().region_code == "73.06"


def test_member_sees_the_plan_but_no_edit_links(personas, gowa):
    h.plan("73.06")
    page = personas.client("gowa_member").get("/r/73.06/plans/2025/").content.decode()
    assert "Kegiatan 1" in page
    assert "/activities/new/" not in page and "/approve/" not in page


def test_region_page_links_to_plans_budget_and_policies(personas, gowa):
    page = personas.client("sulsel_viewer").get("/r/73/").content.decode()
    for url in ("/r/73/plans/", "/r/73/budget/", "/r/73/budget/regencies/", "/r/73/policies/"):
        assert f'href="{url}"' in page
    page = personas.client("gowa_member").get("/r/73.06/").content.decode()
    assert 'href="/r/73.06/budget/regencies/"' not in page
