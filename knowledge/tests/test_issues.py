"""Strategic issues: recording, linking to indicators, activities and policies of the same
region, the unanswered flag, evidence from the latest achievement, the province's themes view,
concurrency, audit and the API."""

from decimal import Decimal

import pytest

from audit.models import AuditEvent
from core.concurrency import stale_message
from core.errors import ConflictError, DomainError
from indicators.models import Indicator, Target, Value
from knowledge import services
from knowledge.models import StrategicIssue
from knowledge.tests import helpers as k
from planning.tests import helpers as h
from tests.api import JSON

pytestmark = pytest.mark.django_db


def _form(**overrides):
    data = {
        "title": "Prevalensi stunting jauh di atas target",
        "description": "Survei SSGI menunjukkan prevalensi di atas target daerah.",
        "theme": "stunting",
        "priority": "high",
        "period_start": "2025",
        "period_end": "2029",
    }
    data.update(overrides)
    return data


def test_operator_records_three_issues_and_the_region_page_shows_one_unanswered(personas):
    plan = h.plan("73.06", 2025, activities=2)
    stunting_activity, marriage_activity = plan.activities.order_by("pk")
    stunting = Indicator.objects.get(code="stunting")
    asfr = Indicator.objects.get(code="asfr-15-19")
    unmet = Indicator.objects.get(code="unmet-need")
    tpps = h.subgroup()
    client = personas.client("gowa_operator")

    responses = [
        client.post(
            "/r/73.06/issues/new/",
            _form(subgroup=tpps.pk, indicators=[stunting.pk], activities=[stunting_activity.pk]),
        ),
        client.post(
            "/r/73.06/issues/new/",
            _form(
                title="Perkawinan anak masih tinggi",
                theme="child_marriage",
                indicators=[asfr.pk],
                activities=[marriage_activity.pk],
            ),
        ),
        client.post(
            "/r/73.06/issues/new/",
            _form(
                title="Unmet need KB di kecamatan terpencil",
                theme="unmet_need",
                priority="medium",
                indicators=[unmet.pk],
            ),
        ),
    ]

    assert [r.status_code for r in responses] == [302, 302, 302]
    issues = {i.title: i for i in StrategicIssue.objects.filter(region__code="73.06")}
    assert len(issues) == 3
    first = issues["Prevalensi stunting jauh di atas target"]
    assert (first.subgroup, list(first.indicators.all()), list(first.activities.all())) == (
        tpps,
        [stunting],
        [stunting_activity],
    )
    assert first.created_by == personas.gowa_operator
    page = client.get("/r/73.06/issues/")
    assert page.status_code == 200
    rows = {row["issue"].title: row["answered"] for row in page.context["rows"]}
    assert rows == {
        "Prevalensi stunting jauh di atas target": True,
        "Perkawinan anak masih tinggi": True,
        "Unmet need KB di kecamatan terpencil": False,
    }
    assert page.context["unanswered"] == 1
    assert page.content.decode().count('class="flagged"') == 1
    assert (
        AuditEvent.objects.filter(
            model="knowledge.StrategicIssue", action="create", region_code="73.06"
        ).count()
        == 3
    )
    links = AuditEvent.objects.get(code="strategic_issue.links_changed", object_id=str(first.pk))
    assert links.changes == {
        "indicators": [[], [stunting.pk]],
        "activities": [[], [stunting_activity.pk]],
    }


def _save_stunting_issue(region, *, until, activities):
    """A new stunting issue of `region` from 2025 to `until`, answered by `activities`, saved
    through the service."""
    return services.save_issue(
        by=None,
        region=region,
        title="Stunting",
        theme="stunting",
        period_start=2025,
        period_end=until,
        activities=activities,
    )


def test_issue_is_answered_by_a_policy_but_not_by_a_cancelled_activity(regions):
    plan = h.plan("73.06", 2025, activities=1)
    activity = plan.activities.get()
    activity.status = "cancelled"
    activity.save()
    issue = _save_stunting_issue(regions["73.06"], until=2025, activities=[activity])
    assert services.is_answered(services.issues_for([regions["73.06"].pk]).get()) is False
    assert services.unanswered_count([regions["73.06"].pk], 2025) == {regions["73.06"].pk: 1}

    policy = h.policy("73.06")
    services.save_issue(
        by=None, region=regions["73.06"], issue=issue, expected_version=1, policies=[policy]
    )
    assert services.is_answered(services.issues_for([regions["73.06"].pk]).get()) is True
    assert services.unanswered_count([regions["73.06"].pk], 2025) == {}


def test_another_regions_activity_is_refused(personas, regions):
    makassar_activity = h.plan("73.71", 2025).activities.get()
    response = personas.client("gowa_operator").post(
        "/r/73.06/issues/new/", _form(activities=[makassar_activity.pk])
    )
    assert response.status_code == 200
    assert "activities" in response.context["form"].errors
    assert not StrategicIssue.objects.exists()

    with pytest.raises(DomainError) as error:
        _save_stunting_issue(regions["73.06"], until=2029, activities=[makassar_activity.pk])
    assert error.value.errors[0]["field"] == "activities"
    assert not StrategicIssue.objects.exists()


def test_another_regions_policy_is_refused(personas, regions):
    makassar_policy = h.policy("73.71", title="Stunting di Makassar")
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/strategic-issues",
        {
            "title": "Stunting",
            "theme": "stunting",
            "period_start": 2025,
            "period_end": 2029,
            "policies": [makassar_policy.pk],
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "policies"
    assert not StrategicIssue.objects.exists()
    assert not AuditEvent.objects.filter(model="knowledge.StrategicIssue").exists()


def test_activity_outside_the_period_is_refused_and_nothing_changes(regions):
    old = h.plan("73.06", 2023).activities.get()
    issue = k.issue("73.06")
    with pytest.raises(DomainError) as error:
        services.save_issue(
            by=None,
            region=regions["73.06"],
            issue=issue,
            expected_version=1,
            title="Diubah",
            activities=[old],
        )
    assert "2023" in error.value.message
    issue.refresh_from_db()
    assert (issue.title, issue.version, issue.activities.count()) == ("Stunting tinggi", 1, 0)


def test_period_ending_before_it_starts_is_refused(personas):
    response = personas.client("gowa_operator").post(
        "/r/73.06/issues/new/", _form(period_start="2029", period_end="2025")
    )
    assert response.status_code == 200
    assert not StrategicIssue.objects.exists()


def test_edit_with_a_stale_version_is_refused(personas, regions):
    issue = k.issue("73.06")
    services.save_issue(
        by=personas.sulsel_admin,
        region=regions["73.06"],
        issue=issue,
        expected_version=1,
        priority="low",
    )
    response = personas.client("gowa_operator").post(
        f"/r/73.06/issues/{issue.pk}/edit/", _form(title="Saya menimpa", version="1")
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [stale_message()]
    issue.refresh_from_db()
    assert (issue.title, issue.priority, issue.version) == ("Stunting tinggi", "low", 2)
    with pytest.raises(ConflictError):
        services.delete_issue(by=None, issue=issue, expected_version=1)


def test_another_regions_issue_is_not_found(personas):
    makassar = k.issue("73.71")
    client = personas.client("gowa_operator")
    assert client.get(f"/r/73.06/issues/{makassar.pk}/").status_code == 404
    assert client.post(f"/r/73.06/issues/{makassar.pk}/delete/", {"version": 1}).status_code == 404
    assert StrategicIssue.objects.filter(pk=makassar.pk).exists()


def test_delete_removes_the_issue_and_leaves_an_audit_record(personas):
    issue = k.issue("73.06")
    response = personas.client("gowa_operator").post(
        f"/r/73.06/issues/{issue.pk}/delete/", {"version": "1"}
    )
    assert response.status_code == 302
    assert not StrategicIssue.objects.exists()
    event = AuditEvent.objects.get(model="knowledge.StrategicIssue", action="delete")
    assert (event.region_code, event.actor_username) == ("73.06", "gowa_operator")


def test_evidence_uses_the_latest_year_with_both_target_and_value(regions):
    gowa = regions["73.06"]
    stunting = Indicator.objects.get(code="stunting")
    tfr = Indicator.objects.get(code="tfr")
    mcpr = Indicator.objects.get(code="mcpr")
    Target.objects.create(region=gowa, indicator=stunting, year=2024, value=Decimal("20"))
    Target.objects.create(region=gowa, indicator=stunting, year=2025, value=Decimal("18"))
    Target.objects.create(region=gowa, indicator=stunting, year=2026, value=Decimal("16"))
    Value.objects.create(
        region=gowa, indicator=stunting, year=2024, source="ssgi", value=Decimal("23")
    )
    Value.objects.create(
        region=gowa, indicator=stunting, year=2025, source="ssgi", value=Decimal("19.8")
    )
    Value.objects.create(
        region=gowa, indicator=stunting, year=2025, source="eppgbm", value=Decimal("7.2")
    )
    Value.objects.create(  # a quarter is not a yearly realisation
        region=gowa, indicator=stunting, year=2026, period="Q1", source="eppgbm", value=Decimal("6")
    )
    Target.objects.create(region=gowa, indicator=tfr, year=2025, value=Decimal("2.1"))
    Value.objects.create(region=gowa, indicator=tfr, year=2024, source="pk", value=Decimal("2.2"))

    evidence = services.latest_achievements(gowa, [stunting, tfr, mcpr])

    assert evidence[stunting.pk].year == 2025
    assert evidence[stunting.pk].target == Decimal("18")
    lines = [
        (r.source, r.value, r.achievement, r.grade) for r in evidence[stunting.pk].realisations
    ]
    assert lines == [
        ("ssgi", Decimal("19.8"), Decimal("90.00"), "very_good"),
        ("eppgbm", Decimal("7.2"), Decimal("160.00"), "very_good"),
    ]
    assert evidence[tfr.pk].missing
    assert (evidence[tfr.pk].latest_target_year, evidence[tfr.pk].latest_value_year) == (2025, 2024)
    assert evidence[mcpr.pk].missing and evidence[mcpr.pk].realisations == []


def test_detail_page_shows_the_evidence_with_source_and_missing(personas, regions):
    gowa = regions["73.06"]
    stunting = Indicator.objects.get(code="stunting")
    unmet = Indicator.objects.get(code="unmet-need")
    Target.objects.create(region=gowa, indicator=stunting, year=2025, value=Decimal("20"))
    Value.objects.create(
        region=gowa, indicator=stunting, year=2025, source="ssgi", value=Decimal("23.4")
    )
    issue = k.issue("73.06")
    issue.indicators.set([stunting, unmet])

    page = personas.client("gowa_member").get(f"/r/73.06/issues/{issue.pk}/").content.decode()

    assert "SSGI" in page and "83,00%" in page and "Baik" in page
    assert "Capaian belum ada" in page
    assert 'id="unanswered"' in page


def test_province_view_groups_kab_kota_issues_by_theme(personas):
    k.issue("73", title="Stunting belum merata")
    k.issue("73.06", title="Stunting Gowa")
    k.issue("73.71", title="Stunting Makassar")
    k.issue("73.06", title="Perkawinan anak Gowa", theme="child_marriage")
    k.issue("73.71", title="Lama", theme="other", period_start=2020, period_end=2022)
    k.issue("74.01", title="Stunting di Sultra")

    response = personas.client("sulsel_viewer").get("/r/73/issues/themes/?year=2026")

    assert response.status_code == 200
    groups = {g.theme: g for g in response.context["groups"]}
    assert list(groups) == ["stunting", "child_marriage"]
    assert (groups["stunting"].count, groups["stunting"].region_count) == (3, 3)
    assert groups["stunting"].is_shared and not groups["child_marriage"].is_shared
    assert [i.region.code for i in groups["stunting"].issues] == ["73", "73.06", "73.71"]
    assert groups["stunting"].unanswered == 3
    page = response.content.decode()
    assert "Stunting di Sultra" not in page and "Lama" not in page

    everything = personas.client("sulsel_viewer").get("/r/73/issues/themes/?year=")
    assert [g.theme for g in everything.context["groups"]] == [
        "stunting",
        "child_marriage",
        "other",
    ]


def test_region_page_filters_by_year(personas):
    k.issue("73.06", title="Baru", period_start=2025, period_end=2029)
    k.issue("73.06", title="Lama", period_start=2020, period_end=2022)
    client = personas.client("gowa_member")
    assert [r["issue"].title for r in client.get("/r/73.06/issues/?year=2021").context["rows"]] == [
        "Lama"
    ]
    assert len(client.get("/r/73.06/issues/").context["rows"]) == 2


def test_api_creates_updates_and_deletes_an_issue_with_versions(personas):
    activity = h.plan("73.06", 2025).activities.get()
    client = personas.api_client("gowa_operator")

    created = client.post(
        "/api/v1/regions/7306/strategic-issues",
        {
            "title": "Stunting tinggi",
            "theme": "stunting",
            "priority": "high",
            "period_start": 2025,
            "period_end": 2029,
            "subgroup": "tpps",
            "indicators": ["stunting"],
            "activities": [activity.pk],
        },
        content_type=JSON,
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["region"], body["subgroup"], body["indicators"], body["answered"]) == (
        "73.06",
        "tpps",
        ["stunting"],
        True,
    )
    assert body["activities"] == [
        {"id": activity.pk, "year": 2025, "title": activity.title, "status": "planned"}
    ]
    assert body["evidence"][0]["indicator"] == "stunting" and body["evidence"][0]["year"] is None
    url = f"/api/v1/regions/73.06/strategic-issues/{body['id']}"

    updated = client.patch(
        url, {"version": 1, "activities": [], "priority": "low"}, content_type=JSON
    )
    assert updated.status_code == 200
    assert (updated.json()["answered"], updated.json()["priority"], updated.json()["version"]) == (
        False,
        "low",
        2,
    )
    stale = client.patch(url, {"version": 1, "title": "Timpa"}, content_type=JSON)
    assert stale.status_code == 409
    assert StrategicIssue.objects.get().title == "Stunting tinggi"

    unanswered = client.get("/api/v1/regions/73.06/strategic-issues?unanswered=true").json()
    assert [i["id"] for i in unanswered] == [body["id"]]
    assert client.delete(url + "?version=1").status_code == 409
    assert client.delete(url + "?version=2").status_code == 204
    assert not StrategicIssue.objects.exists()


def test_api_unknown_indicator_code_is_a_400(personas):
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/strategic-issues",
        {
            "title": "X",
            "theme": "stunting",
            "period_start": 2025,
            "period_end": 2025,
            "indicators": ["nope"],
        },
        content_type=JSON,
    )
    assert response.status_code == 400
    assert "nope" in response.json()["detail"]
    assert not StrategicIssue.objects.exists()


def test_api_themes_of_the_province(personas):
    k.issue("73.06", title="Stunting Gowa")
    k.issue("73.71", title="Stunting Makassar")
    response = personas.api_client("sulsel_admin").get(
        "/api/v1/regions/73/strategic-issues/themes?year=2026"
    )
    assert response.status_code == 200
    [group] = response.json()
    assert (group["theme"], group["count"], group["region_count"], group["unanswered"]) == (
        "stunting",
        2,
        2,
        2,
    )
