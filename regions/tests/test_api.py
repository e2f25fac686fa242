import pytest


def _codes(response):
    return [row["code"] for row in response.json()]


@pytest.mark.parametrize(
    ("persona", "code", "status"),
    [
        ("gowa_operator", "73.71", 404),
        ("gowa_operator", "73.06", 200),
        ("sulsel_admin", "73.71", 200),
        ("sulsel_admin", "73.06", 200),
        ("sultra_admin", "73.71", 404),
        ("sultra_admin", "73.06", 404),
        ("anonymous", "73.06", 401),
    ],
)
def test_region_detail_honours_scope(personas, persona, code, status):
    assert personas.api_client(persona).get(f"/api/v1/regions/{code}").status_code == status


def test_region_detail_accepts_plain_code(personas):
    response = personas.api_client("sulsel_admin").get("/api/v1/regions/7371")
    assert response.json() == {
        "code": "73.71",
        "name": "Kota Makassar",
        "level": "regency",
        "parent": "73",
    }


def test_regions_of_sulsel_are_exactly_its_24(personas):
    response = personas.api_client("sulsel_admin").get("/api/v1/regions?parent=73")
    codes = _codes(response)
    assert len(codes) == 24
    assert all(code.startswith("73.") for code in codes)


def test_national_admin_filters_by_level(personas):
    response = personas.api_client("national_admin").get("/api/v1/regions?level=province")
    assert len(_codes(response)) == 38


def test_region_list_is_limited_to_scope(personas):
    assert _codes(personas.api_client("gowa_operator").get("/api/v1/regions")) == ["73.06"]
    assert _codes(personas.api_client("gowa_operator").get("/api/v1/regions?parent=73")) == [
        "73.06"
    ]
    assert personas.api_client("sultra_admin").get("/api/v1/regions?parent=73").json() == []
    assert len(_codes(personas.api_client("sultra_admin").get("/api/v1/regions"))) == 1 + 17


def test_openapi_docs_are_served(db):
    from django.test import Client

    assert Client().get("/api/v1/docs").status_code == 200
    schema = Client().get("/api/v1/openapi.json").json()
    assert "/api/v1/regions/{code}" in schema["paths"]
