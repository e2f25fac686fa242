"""Budget allocations: recording with Indonesian amounts, refusing bad input, the province page,
concurrency, API and the totals other apps read."""

import datetime

import pytest
from django.utils import translation

from audit.models import AuditEvent
from budget import services
from budget.models import BudgetAllocation
from core.concurrency import stale_message
from core.tests.helpers import rupiah_error
from planning.tests import helpers as h
from tests.api import JSON

pytestmark = pytest.mark.django_db


FORM = {
    "year": "2025",
    "source": "apbd_regency",
    "amount": "150.000.000",
    "realised": "Rp 75.000.000",
    "realised_on": "30/06/2025",
    "purpose": "Operasional Pokja Bangga Kencana",
    "document_reference": "DPA-2.14.0.00.0.00.01.0000/2025",
    "note": "",
}


def test_operator_records_an_apbd_allocation_with_its_realisation(personas):
    workgroup = h.workgroup("73.06")
    client = personas.client("gowa_operator")

    response = client.post(
        "/r/73.06/budget/new/", FORM | {"document": h.pdf_upload("DPA Gowa 2025.pdf")}
    )

    # The guided path: the next missing step of 2025 (this Pokja has no SK yet).
    assert response.status_code == 302
    assert response["Location"] == "/r/73.06/pokja/decrees/new/?year=2025"
    allocation = BudgetAllocation.objects.get(workgroup=workgroup)
    assert (allocation.year, allocation.source, allocation.amount, allocation.realised) == (
        2025,
        "apbd_regency",
        150_000_000,
        75_000_000,
    )
    assert allocation.realised_on == datetime.date(2025, 6, 30)
    assert (
        allocation.document.name.startswith("budget/")
        and allocation.document_filename == "DPA Gowa 2025.pdf"
    )
    assert allocation.created_by == personas.gowa_operator
    event = AuditEvent.objects.get(model="budget.BudgetAllocation", action="create")
    assert event.region_code == "73.06" and event.changes["amount"] == [None, 150_000_000]

    client.post(
        "/r/73.06/budget/new/",
        FORM | {"source": "partner", "amount": "50.000.000", "realised": "", "realised_on": ""},
    )
    page = client.get("/r/73.06/budget/?year=2025").content.decode()
    assert "Rp 150.000.000" in page and "Rp 75.000.000" in page
    assert 'data-total-amount="200000000"' in page and "Rp 200.000.000" in page
    assert "30 Juni 2025" in page


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("amount", "1,5 juta"),
        ("amount", "-500000"),
        ("realised", "-500000"),
        ("amount", "1.250.000,50"),
    ],
)
def test_allocation_form_refuses_bad_amounts(personas, field, value):
    h.workgroup("73.06")
    response = personas.client("gowa_operator").post("/r/73.06/budget/new/", FORM | {field: value})
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [rupiah_error(value)]
    assert not BudgetAllocation.objects.exists()


def test_realised_cannot_exceed_the_allocation_and_needs_a_date(personas):
    h.workgroup("73.06")
    client = personas.client("gowa_operator")
    response = client.post("/r/73.06/budget/new/", FORM | {"realised": "150.000.001"})
    assert response.status_code == 200
    message = response.context["form"].errors["realised"][0]
    assert "Rp 150.000.001" in message and "Rp 150.000.000" in message
    response = client.post("/r/73.06/budget/new/", FORM | {"realised_on": ""})
    assert response.context["form"].errors["realised_on"]
    response = client.post("/r/73.06/budget/new/", FORM | {"amount": "0", "realised": ""})
    assert response.context["form"].errors["amount"]
    assert not BudgetAllocation.objects.exists()


def test_concurrent_allocation_edit_refuses_the_second_save(personas):
    allocation = h.allocation("73.06", realised=10_000_000)
    url = f"/r/73.06/budget/{allocation.pk}/edit/"
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    assert (
        operator.get(url).context["form"]["version"].value()
        == admin.get(url).context["form"]["version"].value()
        == 1
    )

    assert operator.post(url, FORM | {"realised": "80.000.000", "version": "1"}).status_code == 302
    response = admin.post(url, FORM | {"realised": "20.000.000", "version": "1"})

    assert response.status_code == 200
    with translation.override("id"):
        assert response.context["form"].non_field_errors() == [str(stale_message())]
    allocation.refresh_from_db()
    assert (allocation.realised, allocation.version) == (80_000_000, 2)


def test_api_concurrent_edit_answers_409(personas):
    allocation = h.allocation("73.06")
    url = f"/api/v1/regions/73.06/budget/{allocation.pk}"
    first = personas.api_client("gowa_operator").patch(
        url,
        {"version": 1, "realised": "40.000.000", "realised_on": "2025-09-30"},
        content_type=JSON,
    )
    second = personas.api_client("sulsel_admin").patch(
        url, {"version": 1, "realised": 1}, content_type=JSON
    )
    assert first.status_code == 200 and first.json()["realised"] == 40_000_000
    assert second.status_code == 409
    allocation.refresh_from_db()
    assert allocation.realised == 40_000_000


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": "1,5 juta"}, "amount"),
        ({"amount": -500000}, "amount"),
        ({"realised": 200_000_000}, "realised"),
        ({"source": "bank"}, "source"),
    ],
)
def test_api_refuses_bad_allocations(personas, body, field):
    h.workgroup("73.06")
    payload = {"year": 2025, "source": "apbd_regency", "amount": 100_000_000} | body
    if field == "realised":
        payload["realised_on"] = "2025-06-30"
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/budget", payload, content_type=JSON
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == [field]
    assert not BudgetAllocation.objects.exists()


@pytest.fixture
def sulsel_2025(regions):
    """Province 73 budgeted; Gowa budgeted (two sources); Makassar has a Pokja but only a 2024
    budget; Maros a Pokja without budget; every other kab/kota has no Pokja."""
    h.allocation("73", amount=250_000_000, realised=100_000_000, source="apbd_province")
    h.allocation("73.06", amount=125_000_000, realised=87_500_000)
    h.allocation("73.06", amount=25_000_000, source="partner")
    h.allocation("73.71", year=2024, amount=90_000_000)
    h.workgroup("73.09")


def test_sulsel_budget_page_shows_who_has_budgeted_in_2025(personas, sulsel_2025):
    response = personas.client("sulsel_viewer").get("/r/73/budget/regencies/?year=2025")

    assert response.status_code == 200
    recap = response.context["recap"]
    states = {row.region.code: row.state for row in recap.rows}
    assert len(states) == 24
    assert states["73.06"] == "budgeted"
    assert states["73.71"] == "not_budgeted" and states["73.09"] == "not_budgeted"
    assert states["73.03"] == "no_workgroup"
    assert (recap.amount, recap.realised) == (150_000_000, 87_500_000)
    assert (recap.province_row.amount, recap.province_row.realised) == (250_000_000, 100_000_000)
    page = response.content.decode()
    assert 'data-region="73.06" data-state="budgeted"' in page
    assert 'data-region="73.71" data-state="not_budgeted"' in page
    assert 'data-region="73.03" data-state="no_workgroup"' in page
    assert "Rp 150.000.000" in page and "Rp 87.500.000" in page and "58,3" in page


def test_regency_recap_of_another_year(personas, sulsel_2025):
    recap = (
        personas.client("sulsel_admin").get("/r/73/budget/regencies/?year=2024").context["recap"]
    )
    assert [row.region.code for row in recap.budgeted] == ["73.71"]
    assert (
        personas.client("sulsel_admin").get("/r/73/budget/regencies/?year=abc").status_code == 404
    )


def test_budget_summary_api(personas, sulsel_2025):
    data = (
        personas.api_client("sulsel_viewer")
        .get("/api/v1/regions/73/budget/summary?year=2025")
        .json()
    )
    assert (data["allocated"], data["realised"], data["budgeted_count"]) == (
        150_000_000,
        87_500_000,
        1,
    )
    rows = {r["code"]: r for r in data["regions"]}
    assert rows["73"]["allocated"] == 250_000_000
    assert rows["73.06"]["allocations"] == 2 and rows["73.09"]["state"] == "not_budgeted"
    gowa = (
        personas.api_client("gowa_operator")
        .get("/api/v1/regions/73.06/budget/summary?year=2025")
        .json()
    )
    assert gowa["regions"] == [
        {
            "code": "73.06",
            "name": "Kabupaten Gowa",
            "has_workgroup": True,
            "has_budget": True,
            "state": "budgeted",
            "allocated": 150_000_000,
            "realised": 87_500_000,
            "allocations": 2,
        }
    ]


def test_allocation_totals_for_many_pokja_in_one_query(sulsel_2025, django_assert_num_queries):
    ids = [h.workgroup(c).pk for c in ("73", "73.06", "73.71", "73.09")]
    with django_assert_num_queries(1):
        totals = services.allocation_totals(ids, 2025)
    assert totals == {ids[0]: (250_000_000, 100_000_000), ids[1]: (150_000_000, 87_500_000)}


def test_province_recap_query_count_does_not_grow_with_kab_kota(
    regions, sulsel_2025, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        recap = services.province_recap(regions["73"], 2025)
        _ = [(row.state, row.amount) for row in recap.rows]


def test_pages_without_pokja_say_so(personas, regions):
    page = personas.client("sulsel_admin").get("/r/73.03/budget/").content.decode()
    assert 'id="no-workgroup"' in page and "/budget/new/" not in page
    page = personas.client("sulsel_admin").get("/r/73.03/budget/new/").content.decode()
    assert 'id="no-workgroup"' in page


def test_delete_leaves_an_audit_record_and_checks_the_version(personas):
    allocation = h.allocation("73.06")
    client = personas.client("gowa_operator")
    assert (
        client.post(f"/r/73.06/budget/{allocation.pk}/delete/", {"version": "7"}).status_code == 200
    )
    assert BudgetAllocation.objects.filter(pk=allocation.pk).exists()
    assert (
        client.post(f"/r/73.06/budget/{allocation.pk}/delete/", {"version": "1"}).status_code == 302
    )
    assert not BudgetAllocation.objects.exists()
    assert AuditEvent.objects.filter(
        model="budget.BudgetAllocation", action="delete", region_code="73.06"
    ).exists()
