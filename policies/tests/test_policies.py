"""Policies and planning documents: recording, the rules per type, integrated indicators,
concurrency, API and the queries other apps read."""

import datetime

import pytest
from django.utils import translation

from audit.models import AuditEvent
from core.concurrency import stale_message
from planning.tests import helpers as h
from policies import services
from policies.models import Policy
from tests.api import JSON

pytestmark = pytest.mark.django_db

PERBUP = {
    "kind": "perbup_perwali",
    "number": "12 Tahun 2023",
    "title": "Percepatan Penurunan Stunting di Kabupaten Gowa",
    "status": "enacted",
    "issued_on": "20 Maret 2023",
    "summary": "",
}


def test_operator_records_a_perbup_on_stunting(personas):
    tpps = h.subgroup()
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/73.06/policies/new/",
        PERBUP | {"subgroup": tpps.pk, "file": h.pdf_upload("Perbup 12-2023.pdf")},
    )
    assert response.status_code == 302
    policy = Policy.objects.get()
    assert (policy.region.code, policy.kind, policy.issued_on, policy.subgroup) == (
        "73.06",
        "perbup_perwali",
        datetime.date(2023, 3, 20),
        tpps,
    )
    assert policy.original_filename == "Perbup 12-2023.pdf"
    assert AuditEvent.objects.filter(
        model="policies.Policy", action="create", region_code="73.06"
    ).exists()
    page = client.get(f"/r/73.06/policies/{policy.pk}/").content.decode()
    assert "20 Maret 2023" in page
    assert (
        personas.client("gowa_member").get(f"/r/73.06/policies/{policy.pk}/document/").status_code
        == 200
    )


def test_province_records_an_rpjmd_integrating_indicators(personas, regions):
    tfr, stunting = h.indicator("tfr"), h.indicator("stunting", "Prevalensi balita stunting")
    data = {
        "kind": "rpjmd",
        "number": "3 Tahun 2025",
        "title": "RPJMD 2025–2029",
        "status": "enacted",
        "issued_on": "2025-06-30",
        "period_start": "2025",
        "period_end": "2029",
        "indicators": [tfr.pk, stunting.pk],
    }
    assert personas.client("sulsel_admin").post("/r/73/policies/new/", data).status_code == 302
    rpjmd = Policy.objects.get()
    assert set(rpjmd.indicators.all()) == {tfr, stunting}
    event = AuditEvent.objects.get(model="policies.Policy", action="update")
    assert event.changes == {"indicators": [[], sorted([tfr.pk, stunting.pk])]}

    docs = services.planning_documents([regions["73"].pk, regions["73.06"].pk], 2027)
    assert list(docs) == [regions["73"].pk] and docs[regions["73"].pk] == [rpjmd]
    assert services.planning_documents([regions["73"].pk], 2030) == {}
    assert services.integrated_indicators([regions["73"].pk], 2025) == {
        regions["73"].pk: {tfr.pk, stunting.pk}
    }


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"status": "enacted", "issued_on": ""}, "issued_on"),
        ({"status": "enacted", "number": ""}, "number"),
        ({"kind": "pergub"}, "kind"),  # a governor's regulation at a regency
        (
            {"kind": "perda", "indicators": "INDICATOR"},
            "indicators",
        ),  # indicators only for planning documents
        ({"kind": "rpjmd", "period_start": "2029", "period_end": "2025"}, "period_end"),
    ],
)
def test_policy_rules_are_explained(personas, changes, field):
    if changes.get("indicators") == "INDICATOR":
        changes = changes | {"indicators": [h.indicator("tfr").pk]}
    response = personas.client("gowa_operator").post("/r/73.06/policies/new/", PERBUP | changes)
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not Policy.objects.exists()


def test_draft_needs_no_number_or_date(personas):
    response = personas.client("gowa_operator").post(
        "/r/73.06/policies/new/", PERBUP | {"status": "drafting", "number": "", "issued_on": ""}
    )
    assert response.status_code == 302
    assert Policy.objects.get().status == "drafting"


def test_concurrent_policy_edit_refuses_the_second_save(personas):
    policy = h.policy("73.06")
    url = f"/r/73.06/policies/{policy.pk}/edit/"
    operator, admin = personas.client("gowa_operator"), personas.client("sulsel_admin")
    assert operator.post(url, PERBUP | {"summary": "Operator", "version": "1"}).status_code == 302
    response = admin.post(url, PERBUP | {"summary": "Provinsi", "version": "1"})
    with translation.override("id"):
        assert response.context["form"].non_field_errors() == [str(stale_message())]
    policy.refresh_from_db()
    assert policy.summary == "Operator"

    api_url = f"/api/v1/regions/73.06/policies/{policy.pk}"
    assert (
        personas.api_client("sulsel_admin")
        .patch(api_url, {"version": 1, "summary": "X"}, content_type=JSON)
        .status_code
        == 409
    )
    assert (
        personas.api_client("sulsel_admin")
        .patch(api_url, {"version": 2, "summary": "X"}, content_type=JSON)
        .status_code
        == 200
    )


def test_api_records_planning_documents_with_indicator_codes(personas):
    h.indicator("tfr")
    client = personas.api_client("gowa_operator")
    body = {
        "kind": "rkpd",
        "number": "25 Tahun 2024",
        "title": "RKPD Gowa 2025",
        "status": "enacted",
        "issued_on": "2024-07-15",
        "period_start": 2025,
        "period_end": 2025,
        "indicators": ["tfr"],
    }
    response = client.post("/api/v1/regions/73.06/policies", body, content_type=JSON)
    assert response.status_code == 201 and response.json()["indicators"] == ["tfr"]
    listed = client.get("/api/v1/regions/73.06/policies?planning_documents=true").json()
    assert [p["title"] for p in listed] == ["RKPD Gowa 2025"]

    bad = client.post(
        "/api/v1/regions/73.06/policies",
        body | {"kind": "circular", "title": "SE"},
        content_type=JSON,
    )
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "indicators"
    bad = client.post(
        "/api/v1/regions/73.06/policies", body | {"indicators": ["tidak-ada"]}, content_type=JSON
    )
    assert bad.status_code == 400
    assert Policy.objects.count() == 1


def test_policy_of_another_region_is_not_found(personas):
    policy = h.policy("73.71", kind="perbup_perwali")
    assert personas.client("sulsel_admin").get(f"/r/73.06/policies/{policy.pk}/").status_code == 404
    assert (
        personas.api_client("sulsel_admin")
        .get(f"/api/v1/regions/73.06/policies/{policy.pk}")
        .status_code
        == 404
    )


def test_policy_counts(regions):
    h.policy("73.06")
    h.policy("73.06", status="drafting", number="", issued_on=None)
    assert services.policy_counts([regions["73.06"].pk, regions["73.71"].pk]) == {
        regions["73.06"].pk: {"enacted": 1, "drafting": 1}
    }
