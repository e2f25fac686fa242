"""The work plan API (validation, 409 on stale versions, scope) and the read helpers other apps
call."""

import datetime

import pytest
from django.utils import translation

from core.concurrency import stale_message
from core.tests.helpers import rupiah_error
from planning import services
from planning.models import Activity, WorkPlan
from planning.tests import helpers as h
from tests.api import JSON

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(personas):
    h.workgroup("73.06")
    h.subgroup()
    h.indicator("tfr")
    return personas.api_client("gowa_operator")


def test_api_builds_and_approves_a_plan(api, personas):
    dinkes = h.institution("73.06", "Dinas Kesehatan")
    response = api.post(
        "/api/v1/regions/7306/plans",
        {"year": 2025, "title": "Rencana Kerja 2025"},
        content_type=JSON,
    )
    assert response.status_code == 201 and response.json()["status"] == "draft"

    body = {
        "title": "Rapat koordinasi", "subgroup": "tpps", "institutions": [dinkes.pk], "indicators": ["tfr"],
        "start_month": "Januari", "end_month": 3, "planned_cost": "15.000.000", "cost_source": "apbd_regency",
    }  # fmt: skip
    response = api.post("/api/v1/regions/73.06/plans/2025/activities", body, content_type=JSON)
    assert response.status_code == 201, response.content
    activity = response.json()
    assert activity["planned_cost"] == 15_000_000 and activity["start_month"] == 1
    assert activity["indicators"] == ["tfr"] and activity["institutions"] == [
        {"id": dinkes.pk, "name": "Dinas Kesehatan"}
    ]

    response = api.post(
        "/api/v1/regions/73.06/plans/2025/approve",
        {"version": 1, "approved_on": "2025-01-20", "approver_name": "Sekda"},
        content_type=JSON,
    )
    assert response.status_code == 200
    plan = response.json()
    assert plan["status"] == "approved" and plan["approval_recorded_by"] == "gowa_operator"
    assert plan["activity_count"] == 1 and plan["planned_cost"] == 15_000_000
    assert [a["title"] for a in plan["activities"]] == ["Rapat koordinasi"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"planned_cost": "1,5 juta", "cost_source": "apbd_regency"}, "planned_cost"),
        ({"planned_cost": -500000, "cost_source": "apbd_regency"}, "planned_cost"),
        ({"planned_cost": "-500000", "cost_source": "apbd_regency"}, "planned_cost"),
        ({"start_month": 5, "end_month": 2}, "end_month"),
        ({"start_month": 13}, "start_month"),
        ({"planned_cost": 1000000}, "cost_source"),
        ({"subgroup": "tidak-ada"}, "subgroup"),
        ({"indicators": ["tfr", "tidak-ada"]}, "indicators"),
        ({"status": "finished"}, "status"),
    ],
)
def test_api_refuses_bad_activities_with_a_clear_message(api, body, field):
    h.plan("73.06", activities=0)
    payload = {"title": "Rapat", "start_month": 1, "end_month": 3} | body

    response = api.post("/api/v1/regions/73.06/plans/2025/activities", payload, content_type=JSON)

    assert response.status_code == 400, response.content
    data = response.json()
    assert [e["field"] for e in data["errors"]] == [field]
    if field == "planned_cost":
        assert data["detail"] == rupiah_error(str(body["planned_cost"]))
    assert Activity.objects.count() == 0


def test_api_refuses_an_activity_of_another_regions_institution(api):
    h.plan("73.06", activities=0)
    makassar = h.institution("73.71", "Dinas Kesehatan Kota Makassar")
    response = api.post(
        "/api/v1/regions/73.06/plans/2025/activities",
        {"title": "Rapat", "start_month": 1, "end_month": 2, "institutions": [makassar.pk]},
        content_type=JSON,
    )
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "institutions"


def test_api_concurrent_edit_answers_409_and_keeps_the_first_value(personas, api):
    plan = h.plan("73.06")
    activity = plan.activities.get()
    url = f"/api/v1/regions/73.06/plans/2025/activities/{activity.pk}"
    other = personas.api_client("sulsel_admin")

    first = api.patch(url, {"version": 1, "progress_note": "Operator"}, content_type=JSON)
    second = other.patch(url, {"version": 1, "progress_note": "Provinsi"}, content_type=JSON)

    assert first.status_code == 200 and first.json()["version"] == 2
    assert second.status_code == 409
    with translation.override("id"):
        assert second.json()["detail"] == str(stale_message())
    activity.refresh_from_db()
    assert activity.progress_note == "Operator"

    assert (
        other.patch(
            "/api/v1/regions/73.06/plans/2025", {"version": 1, "title": "X"}, content_type=JSON
        ).status_code
        == 200
    )
    assert (
        api.patch(
            "/api/v1/regions/73.06/plans/2025", {"version": 1, "title": "Y"}, content_type=JSON
        ).status_code
        == 409
    )
    plan.refresh_from_db()
    assert plan.title == "X"
    assert api.delete(f"{url}?version=1").status_code == 409
    assert Activity.objects.filter(pk=activity.pk).exists()


def test_api_without_pokja_refuses_to_create_a_plan(personas):
    response = personas.api_client("sulsel_admin").post(
        "/api/v1/regions/73.03/plans", {"year": 2025}, content_type=JSON
    )
    assert response.status_code == 400
    assert not WorkPlan.objects.exists()


def test_api_document_upload_checks_the_content(api):
    plan = h.plan("73.06")
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = api.post(
        "/api/v1/regions/73.06/plans/2025/document",
        {"version": 1, "file": SimpleUploadedFile("x.pdf", b"hello")},
    )
    assert bad.status_code == 400
    good = api.post(
        "/api/v1/regions/73.06/plans/2025/document", {"version": 1, "file": h.pdf_upload()}
    )
    assert good.status_code == 200 and good.json()["has_document"] is True
    plan.refresh_from_db()
    assert plan.version == 2


def test_approved_plan_and_bulk_counts(regions, django_assert_num_queries):
    gowa = h.plan("73.06", approved=True, activities=3)
    draft = h.plan("73.71", activities=2)
    Activity.objects.filter(plan=gowa, title="Kegiatan 3").update(status="cancelled")
    Activity.objects.filter(plan=gowa, title="Kegiatan 1").update(status="done")
    h.plan("73.06", year=2024, approved=True)

    assert services.approved_plan(gowa.workgroup, 2025) == gowa
    assert services.approved_plan(draft.workgroup_id, 2025) is None
    assert services.approved_plan(gowa.workgroup, 2026) is None

    ids = [gowa.workgroup_id, draft.workgroup_id, h.workgroup("73.16").pk]
    with django_assert_num_queries(1):
        summaries = services.approved_plans_with_activity_counts(ids, 2025)
    assert set(summaries) == {gowa.workgroup_id}
    summary = summaries[gowa.workgroup_id]
    assert (summary.activity_count, summary.done_count, summary.planned_cost) == (2, 1, 2_000_000)
    assert summary.approved_on == datetime.date(2025, 1, 15) and summary.has_document is False

    with django_assert_num_queries(1):
        plans = services.plans_for_year(ids, 2025)
    assert {wg: p.activity_count for wg, p in plans.items()} == {
        gowa.workgroup_id: 3,
        draft.workgroup_id: 2,
    }


def test_plan_of_the_active_pokja_is_shown_first(regions):
    dissolved = h.workgroup("73.06", status="dissolved")
    WorkPlan.objects.create(workgroup=dissolved, year=2025, title="Lama")
    current = h.plan("73.06")
    assert services.plan_for_region(regions["73.06"], 2025) == current
