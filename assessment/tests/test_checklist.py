"""The operator's guided path (issue 28, items 1 and 2): the checklist of the year on the home
page, in work order and carrying the year; every saved form ends on the next missing step; the
year is the default of every form that takes one; a draft plan's year can be corrected; a page
of another year says so."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from assessment.models import Assessment
from assessment.tests.factories import make_pokja, pdf_bytes
from audit.models import AuditEvent
from core.years import open_year
from indicators.models import Indicator, NationalTarget, Target, WorkGroupIndicator
from planning.models import WorkPlan
from regions.models import Region
from workgroups.models import Institution, Member, WorkGroup

YEAR = open_year()
STEPS = ["pokja", "sk", "members", "plan", "indicators", "budget", "submit"]


def _steps(html):
    import re

    return re.findall(r'data-step="([a-z_]+)" data-done="([01])"', html)


def test_the_home_of_an_operator_without_a_pokja_is_the_checklist_in_work_order(personas):
    html = personas.client("gowa_operator").get("/").content.decode()
    assert 'data-section="checklist-73.06"' in html
    assert [key for key, _done in _steps(html)] == STEPS
    assert all(done == "0" for _key, done in _steps(html))
    # Only the Pokja step has a link yet, and it carries the year.
    assert f'href="/r/73.06/pokja/new/?year={YEAR}"' in html


def test_the_checklist_marks_what_is_done_and_offers_submit_when_complete(personas):
    workgroup = make_pokja("73.06", YEAR)
    Member.objects.create(workgroup=workgroup, name="Ketua", role="chair")
    html = personas.client("gowa_operator").get("/").content.decode()
    assert all(done == "1" for key, done in _steps(html) if key != "submit")
    assert f'action="/r/73.06/assessment/{YEAR}/submit/"' in html
    # Not for a member, who cannot submit.
    assert "checklist-73.06" not in personas.client("gowa_member").get("/").content.decode()


def test_saving_the_pokja_ends_on_the_sk_form_with_the_next_step(personas):
    client = personas.client("gowa_operator")
    response = client.post(
        f"/r/73.06/pokja/new/?year={YEAR}", {"name": "Pokja Bangga Kencana Kabupaten Gowa"}
    )
    assert response.status_code == 302
    assert response.url == f"/r/73.06/pokja/decrees/new/?year={YEAR}"
    page = client.get(response.url)
    assert "Berikutnya: Catat SK" in page.content.decode()
    # The SK form proposes the usual kind, issuer and title.
    form = page.context["form"]
    assert form.initial["issuer"] == "regent"
    assert "Kabupaten Gowa" in form.initial["title"]


def _decree_data(number="188.45/1/2026"):
    return {
        "number": number,
        "title": "Pembentukan Pokja Bangga Kencana",
        "kind": "formation",
        "signed_on": f"{YEAR}-01-05",
        "issuer": "regent",
        "valid_from": f"{YEAR}-01-05",
    }


def test_a_refused_sk_form_keeps_its_pdf_and_lists_the_problems_above_the_form(personas):
    make_pokja("73.06", YEAR, decree=None)
    client = personas.client("gowa_operator")
    data = _decree_data() | {"number": ""}
    upload = SimpleUploadedFile("sk.pdf", pdf_bytes(), content_type="application/pdf")
    response = client.post("/r/73.06/pokja/decrees/new/", data | {"upload": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("error-summary") < html.index('name="number"')
    assert "sk.pdf tersimpan" in html
    token = response.context["form"].data["kept_upload"]
    # Corrected, without choosing the file again: saved with the kept PDF.
    response = client.post("/r/73.06/pokja/decrees/new/", _decree_data() | {"kept_upload": token})
    assert response.status_code == 302, response.context["form"].errors
    decree = WorkGroup.objects.get(region__code="73.06").decrees.get()
    with decree.file.open("rb") as stored:
        assert stored.read(4) == b"%PDF"
    # A forged token brings nothing back.
    response = client.post(
        "/r/73.06/pokja/decrees/new/", _decree_data("2") | {"kept_upload": token + "x"}
    )
    assert response.status_code == 200


def test_plan_and_budget_forms_default_to_the_year_of_the_link(personas):
    make_pokja("73.06", YEAR - 1, plan=None, budget=None)
    client = personas.client("gowa_operator")
    assert client.get(f"/r/73.06/plans/new/?year={YEAR - 1}").context["form"]["year"].value() == (
        YEAR - 1
    )
    assert client.get(f"/r/73.06/budget/new/?year={YEAR - 1}").context["form"]["year"].value() == (
        YEAR - 1
    )
    assert client.get("/r/73.06/budget/new/").context["form"]["year"].value() == YEAR


def test_a_plan_ends_on_its_activities_then_its_approval_then_the_indicators(personas):
    make_pokja("73.06", YEAR, plan=None, indicators=0, budget=None)
    Member.objects.create(workgroup=WorkGroup.objects.get(region__code="73.06"), name="A")
    client = personas.client("gowa_operator")
    response = client.post(f"/r/73.06/plans/new/?year={YEAR}", {"year": YEAR})
    assert response.url == f"/r/73.06/plans/{YEAR}/activities/new/?year={YEAR}"
    activity = {"title": "Rapat", "start_month": 1, "end_month": 12, "status": "planned"}
    response = client.post(
        f"/r/73.06/plans/{YEAR}/activities/new/", activity | {"add_another": "1"}
    )
    assert response.url == f"/r/73.06/plans/{YEAR}/activities/new/"
    response = client.post(f"/r/73.06/plans/{YEAR}/activities/new/", activity)
    assert response.url == f"/r/73.06/plans/{YEAR}/approve/?year={YEAR}"
    version = WorkPlan.objects.get(year=YEAR).version
    response = client.post(
        f"/r/73.06/plans/{YEAR}/approve/",
        {"approved_on": f"{YEAR}-01-02", "approver_name": "Sekda", "version": version},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == f"/r/73.06/indicators/adopted/edit/?year={YEAR}"


def test_a_draft_plans_year_can_be_corrected_with_an_audit_record(personas):
    make_pokja("73.06", YEAR, plan="draft")
    plan = WorkPlan.objects.get(year=YEAR)
    client = personas.client("gowa_operator")
    response = client.post(
        f"/r/73.06/plans/{YEAR}/edit/",
        {"year": YEAR - 1, "title": "", "notes": "", "version": plan.version},
    )
    assert response.status_code == 302
    assert response.url == f"/r/73.06/plans/{YEAR - 1}/"
    plan.refresh_from_db()
    assert plan.year == YEAR - 1
    event = AuditEvent.objects.filter(object_id=str(plan.pk)).order_by("-pk").first()
    assert str(YEAR) in str(event.changes) and str(YEAR - 1) in str(event.changes)
    # An approved plan keeps its year: the field is not offered.
    WorkPlan.objects.filter(pk=plan.pk).update(
        status="approved", approver_name="X", approved_on=datetime.date(YEAR - 1, 2, 1)
    )
    form = client.get(f"/r/73.06/plans/{YEAR - 1}/edit/").context["form"]
    assert "year" not in form.fields


def test_a_page_of_another_year_says_so_with_a_link_to_the_assessment_year(personas):
    make_pokja("73.06", YEAR)
    client = personas.client("gowa_operator")
    html = client.get(f"/r/73.06/indicators/adopted/?year={YEAR - 1}").content.decode()
    assert "year-notice" in html
    assert f"bukan tahun penilaian {YEAR}" in html
    assert f"/r/73.06/indicators/adopted/?year={YEAR}" in html
    assert (
        "year-notice"
        not in client.get(f"/r/73.06/indicators/adopted/?year={YEAR}").content.decode()
    )


def test_adoption_offers_the_core_indicators_first_preselected_with_the_regions_targets(
    personas,
):
    make_pokja("73.06", YEAR, indicators=0)
    core = set(NationalTarget.objects.values_list("indicator_id", flat=True))
    targeted = Indicator.objects.filter(pk__in=core).order_by("-order").first()
    Target.objects.create(region=Region.objects.get(code="73.06"), indicator=targeted, year=YEAR,
                          value=12)  # fmt: skip
    form = (
        personas.client("gowa_operator")
        .get(f"/r/73.06/indicators/adopted/edit/?year={YEAR}")
        .context["form"]
    )
    in_core = [i.pk in core for i in form.indicators]
    assert in_core == sorted(in_core, reverse=True)  # the core ones first
    assert form[f"adopt_{targeted.pk}"].value() is True
    assert float(form[f"target_{targeted.pk}"].value()) == 12
    # Once the Pokja adopted something, nothing more is preselected.
    other = Indicator.objects.exclude(pk=targeted.pk).first()
    WorkGroupIndicator.objects.create(
        workgroup=WorkGroup.objects.get(region__code="73.06"), indicator=other, year=YEAR, target=1
    )
    form = (
        personas.client("gowa_operator")
        .get(f"/r/73.06/indicators/adopted/edit/?year={YEAR}")
        .context["form"]
    )
    assert form[f"adopt_{targeted.pk}"].value() is False


def test_the_members_template_offers_the_standard_offices_and_imports_them_with_their_sector(
    personas, page_import
):
    make_pokja("73.06", YEAR, indicators=0)
    client = personas.client("gowa_operator")
    workbook = load_workbook(io.BytesIO(client.get("/r/73.06/pokja/members/template/").content))
    offered = [c.value for c in workbook["Pilihan"]["D"][1:] if c.value]
    assert "Dinas Kesehatan" in offered and "Badan Pusat Statistik" in offered
    sheet = workbook["Anggota"]
    headers = [c.value.rstrip(" *") for c in sheet[1]]
    sheet.cell(row=2, column=headers.index("Nama") + 1, value="dr. Andi")
    sheet.cell(row=2, column=headers.index("Instansi") + 1, value="dinas  kesehatan")
    sheet.cell(row=2, column=headers.index("Kedudukan dalam Pokja") + 1, value="Anggota")
    content = io.BytesIO()
    workbook.save(content)
    upload = SimpleUploadedFile("anggota.xlsx", content.getvalue())
    response, job = page_import(
        client, f"/r/73.06/pokja/members/import/?year={YEAR}", {"file": upload}
    )
    job.refresh_from_db()
    assert job.state == job.State.SUCCEEDED, job.messages
    institution = Institution.objects.get(region__code="73.06", name="Dinas Kesehatan")
    assert institution.sector == Institution.Sector.REGIONAL_GOVERNMENT
    # The job page offers the next step of the year.
    assert job.params["next"] == f"/r/73.06/next/?year={YEAR}"
    response = client.get(job.params["next"])
    assert response.status_code == 302
    assert response.url == f"/r/73.06/indicators/adopted/edit/?year={YEAR}"


def test_submitting_from_the_checklist(personas):
    workgroup = make_pokja("73.06", YEAR)
    Member.objects.create(workgroup=workgroup, name="Ketua", role="chair")
    client = personas.client("gowa_operator")
    response = client.post(f"/r/73.06/assessment/{YEAR}/submit/")
    assert response.status_code == 302
    assert Assessment.objects.get(region__code="73.06", year=YEAR).status == "submitted"
    html = client.get("/").content.decode()
    assert ("submit", "1") in _steps(html)
    assert datetime.date.today()  # the page rendered without a submit button
    assert f'action="/r/73.06/assessment/{YEAR}/submit/"' not in html


def test_save_and_add_another_allocation_comes_back_to_an_empty_form_of_the_year(personas):
    make_pokja("73.06", YEAR, budget=None)
    client = personas.client("gowa_operator")
    data = {"year": YEAR - 1, "source": "apbd_regency", "amount": "1000000"}
    response = client.post("/r/73.06/budget/new/", data | {"add_another": "on"})
    assert response.status_code == 302
    assert response.url == f"/r/73.06/budget/new/?year={YEAR - 1}"
    assert client.get(response.url).context["form"]["year"].value() == YEAR - 1


def test_a_new_allocation_offers_save_and_add_another_as_a_button(personas):
    """Like members and activities: a second submit button, not a tick box to remember first;
    editing an allocation offers only "Simpan"."""
    allocation = make_pokja("73.06", YEAR).budget_allocations.first()
    client = personas.client("gowa_operator")
    new = client.get("/r/73.06/budget/new/").content.decode()
    assert '<button type="submit" name="add_another"' in new
    assert 'type="checkbox" name="add_another"' not in new
    edit = client.get(f"/r/73.06/budget/{allocation.pk}/edit/")
    assert edit.status_code == 200 and 'name="amount"' in edit.content.decode()
    assert 'name="add_another"' not in edit.content.decode()
