from decimal import Decimal

import pytest

from audit.models import AuditEvent
from indicators.models import Indicator, NationalTarget, Target, Value
from indicators.tests.helpers import upload, xlsx_bytes
from regions.models import Region
from tests.api import JSON

pytestmark = pytest.mark.django_db


def test_catalogue_lists_the_seeded_indicators_with_national_targets(personas):
    data = personas.api_client("gowa_member").get("/api/v1/indicators").json()
    codes = [i["code"] for i in data]
    assert codes[:3] == ["tfr", "mcpr", "unmet-need"]
    assert len(codes) == 11
    tfr = data[0]
    assert tfr["direction"] == "lower"
    assert [(t["year"], t["value"], t["is_uncertain"]) for t in tfr["national_targets"]] == [
        (2021, "2.2400", True),
        (2022, "2.2100", False),
        (2024, "2.1000", False),
    ]


def test_catalogue_write_by_national_admin_and_refused_for_others(personas):
    body = {
        "code": "ipm",
        "name": "Indeks Pembangunan Manusia",
        "unit": "indeks",
        "direction": "higher",
        "max_value": "100",
    }
    assert (
        personas.api_client("sulsel_admin")
        .post("/api/v1/indicators", body, content_type=JSON)
        .status_code
        == 403
    )
    response = personas.api_client("national_admin").post(
        "/api/v1/indicators", body, content_type=JSON
    )
    assert response.status_code == 201
    assert Indicator.objects.get(code="ipm").max_value == Decimal("100")
    duplicate = personas.api_client("national_admin").post(
        "/api/v1/indicators", body, content_type=JSON
    )
    assert duplicate.status_code == 400


def test_catalogue_update_checks_the_version(personas):
    client = personas.api_client("national_admin")
    body = {"name": "TFR", "unit": "anak per perempuan", "direction": "lower", "version": 1}
    assert client.put("/api/v1/indicators/tfr", body, content_type=JSON).status_code == 200
    assert client.put("/api/v1/indicators/tfr", body, content_type=JSON).status_code == 409
    tfr = Indicator.objects.get(code="tfr")
    assert (tfr.name, tfr.version) == ("TFR", 2)


def test_national_target_put_creates_then_needs_the_version(personas):
    client = personas.api_client("national_admin")
    path = "/api/v1/indicators/mcpr/national-targets/2029"
    assert (
        client.put(path, {"value": "65", "source": "Renstra"}, content_type=JSON).status_code == 201
    )
    assert (
        client.put(path, {"value": "66", "source": "Renstra"}, content_type=JSON).status_code == 409
    )
    assert (
        client.put(
            path, {"value": "66", "source": "Renstra", "version": 1}, content_type=JSON
        ).status_code
        == 200
    )
    assert NationalTarget.objects.get(indicator__code="mcpr", year=2029).value == Decimal("66")


def test_targets_create_update_delete_in_scope(personas):
    client = personas.api_client("gowa_operator")
    response = client.post(
        "/api/v1/regions/7306/indicators/targets",
        {"indicator": "tfr", "year": 2025, "value": "2,15"},
        content_type=JSON,
    )
    assert response.status_code == 422  # JSON numbers use a decimal point
    response = client.post(
        "/api/v1/regions/7306/indicators/targets",
        {"indicator": "tfr", "year": 2025, "value": "2.15", "note": "RPJMD"},
        content_type=JSON,
    )
    assert response.status_code == 201
    target_id = response.json()["id"]
    assert response.json()["region"] == "73.06"
    again = client.post(
        "/api/v1/regions/7306/indicators/targets",
        {"indicator": "tfr", "year": 2025, "value": "2.1"},
        content_type=JSON,
    )
    assert again.status_code == 409
    updated = client.put(
        f"/api/v1/regions/7306/indicators/targets/{target_id}",
        {"value": "2.12", "version": 1},
        content_type=JSON,
    )
    assert updated.status_code == 200 and updated.json()["value"] == "2.1200"
    stale = client.put(
        f"/api/v1/regions/7306/indicators/targets/{target_id}",
        {"value": "2.11", "version": 1},
        content_type=JSON,
    )
    assert stale.status_code == 409
    assert Target.objects.get(pk=target_id).value == Decimal("2.12")
    assert (
        AuditEvent.objects.filter(model="indicators.Target", object_id=str(target_id)).count() == 2
    )
    assert client.delete(f"/api/v1/regions/7306/indicators/targets/{target_id}").status_code == 204
    assert not Target.objects.exists()


def test_values_create_validates_period_source_and_maximum(personas):
    client = personas.api_client("gowa_operator")
    path = "/api/v1/regions/73.06/indicators/values"
    invalid = [
        {"indicator": "tfr", "year": 2025, "period": "2025-03", "source": "PK", "value": "2.1"},
        {"indicator": "stunting", "year": 2025, "source": "Riskesdas", "value": "20"},
        {"indicator": "stunting", "year": 2025, "source": "SSGI", "value": "120"},
        {"indicator": "stunting", "year": 2025, "source": "SSGI", "value": "-1"},
    ]
    for body in invalid:
        assert client.post(path, body, content_type=JSON).status_code == 400, body
    assert not Value.objects.exists()
    response = client.post(
        path,
        {
            "indicator": "stunting",
            "year": 2025,
            "period": "2025-Q2",
            "source": "e-PPGBM",
            "value": 6.5,
        },
        content_type=JSON,
    )
    assert response.status_code == 201
    assert (response.json()["period"], response.json()["source"]) == ("Q2", "eppgbm")


def test_values_list_includes_children_only_when_asked(personas):
    stunting = Indicator.objects.get(code="stunting")
    for code in ("73", "73.06", "73.71"):
        Value.objects.create(
            region=Region.objects.get(code=code),
            indicator=stunting,
            year=2024,
            source="ssgi",
            value=Decimal("20"),
        )
    client = personas.api_client("sulsel_viewer")
    assert client.get("/api/v1/regions/73/indicators/values").json()["count"] == 1
    assert client.get("/api/v1/regions/73/indicators/values?children=true").json()["count"] == 3
    gowa = (
        personas.api_client("gowa_operator")
        .get("/api/v1/regions/73.06/indicators/values?children=true")
        .json()
    )
    assert [v["region"] for v in gowa["items"]] == ["73.06"]


def test_achievement_of_published_babel_figures_through_the_api(personas):
    # Babel's 2025 targets against its realisations (docs/domain.md §5), stored for Gowa.
    gowa = Region.objects.get(code="73.06")
    for code, target, value in [
        ("tfr", "2.21", "2.18"),
        ("asfr-15-19", "29", "32.2"),
        ("unmet-need", "8.53", "8.0"),
    ]:
        indicator = Indicator.objects.get(code=code)
        Target.objects.create(region=gowa, indicator=indicator, year=2025, value=Decimal(target))
        Value.objects.create(
            region=gowa, indicator=indicator, year=2025, source="pk", value=Decimal(value)
        )
    client = personas.api_client("sulsel_viewer")
    got = {
        code: client.get(
            f"/api/v1/regions/73.06/indicators/{code}/achievement?year=2025&source=PK"
        ).json()
        for code in ("tfr", "asfr-15-19", "unmet-need")
    }
    assert {c: (g["achievement"], g["grade"]) for c, g in got.items()} == {
        "tfr": ("101.36", "very_good"),
        "asfr-15-19": ("88.97", "good"),
        "unmet-need": ("106.21", "very_good"),
    }
    assert got["asfr-15-19"]["grade_label"] == "Baik"


def test_achievement_missing_is_null_never_zero(personas):
    client = personas.api_client("gowa_operator")
    data = client.get("/api/v1/regions/73.06/indicators/tfr/achievement?year=2025&source=pk").json()
    assert data["target"] is None and data["value"] is None
    assert data["achievement"] is None and data["grade"] is None


def test_ranking_api_ranks_kabkota_with_missing_last(personas):
    stunting = Indicator.objects.get(code="stunting")
    for code, value in [("73.06", "20"), ("73.71", "15"), ("73.05", "30")]:
        region = Region.objects.get(code=code)
        Target.objects.create(region=region, indicator=stunting, year=2024, value=Decimal("18"))
        Value.objects.create(
            region=region, indicator=stunting, year=2024, source="ssgi", value=Decimal(value)
        )
    data = (
        personas.api_client("sulsel_admin")
        .get("/api/v1/regions/73/indicators/stunting/ranking?year=2024&source=ssgi")
        .json()
    )
    assert [(r["rank"], r["region"]) for r in data[:3]] == [
        (1, "73.71"),
        (2, "73.06"),
        (3, "73.05"),
    ]
    assert len(data) == 24
    assert all(r["rank"] is None and r["achievement"] is None for r in data[3:])
    assert (
        personas.api_client("sulsel_admin")
        .get("/api/v1/regions/73.06/indicators/stunting/ranking?year=2024&source=ssgi")
        .status_code
        == 404
    )


def test_import_through_the_api_is_all_or_nothing(personas):
    client = personas.api_client("gowa_operator")
    bad = xlsx_bytes(
        [
            ["73.06", "stunting", 2024, "", "realisasi", "23", "SSGI", ""],
            ["73.71", "stunting", 2024, "", "realisasi", "18", "SSGI", ""],
        ]
    )
    response = client.post("/api/v1/regions/7306/indicators/import", {"file": upload(bad)})
    assert response.status_code == 400
    assert response.json()["errors"][0]["row"] == 3
    assert not Value.objects.exists()
    good = xlsx_bytes([["73.06", "stunting", 2024, "", "realisasi", "23", "SSGI", ""]])
    response = client.post("/api/v1/regions/7306/indicators/import", {"file": upload(good)})
    assert response.status_code == 200
    assert response.json()["values_created"] == 1
