"""Finding 4 of issue 17: input that reached the database unchecked. On PostgreSQL a NUL byte
in a JSON field gave 500 on most write endpoints and on `GET /api/v1/knowledge?q=`; an over-long
action-item title was stored on SQLite and a 500 on PostgreSQL; a multipart body without a
boundary and a 6 MB JSON body gave 500; `PATCH /api/v1/subgroups/{id}` with
`{"description": null}` raised an IntegrityError. Now one validation layer (core/validation.py)
answers 4xx naming the field. Run on SQLite and PostgreSQL (`.ci/run` does both)."""

import datetime
import json

import pytest

from assessment.tests.factories import make_pokja
from audit.models import AuditEvent
from meetings.models import ActionItem
from workgroups.models import Member, SubGroup

YEAR = datetime.date.today().year
DUE = (datetime.date.today() + datetime.timedelta(days=30)).isoformat()

# The probe's write endpoints; each payload is valid but for the NUL in one text field.
NUL_WRITES = {
    "members": ("/api/v1/regions/73.06/workgroup/members", {"name": "Nur\x00 Aisyah"}, "name"),
    "institutions": (
        "/api/v1/regions/73.06/institutions",
        {"name": "Dinas Kesehatan\x00", "kind": "opd"},
        "name",
    ),
    "strategic issues": (
        "/api/v1/regions/73.06/strategic-issues",
        {"title": "Stunting\x00", "description": "x"},
        "title",
    ),
    "action items": (
        "/api/v1/regions/73.06/action-items",
        {"title": "Rapat\x00", "due_date": DUE},
        "title",
    ),
    "budget": ("/api/v1/regions/73.06/budget", {"year": YEAR, "note": "APBD\x00"}, "note"),
    "policies": ("/api/v1/regions/73.06/policies", {"title": "Perbup\x00"}, "title"),
    "meetings": ("/api/v1/regions/73.06/meetings", {"title": "Forum\x00"}, "title"),
    "nested": (
        "/api/v1/regions/73.06/meetings",
        {"title": "Forum", "agenda": [{"topic": "ok"}, {"topic": "a\x00"}]},
        "agenda[1].topic",
    ),
    "bell character": (
        "/api/v1/regions/73.06/action-items",
        {"title": "Rapat\x07", "due_date": DUE},
        "title",
    ),
}


@pytest.fixture
def gowa(personas):
    make_pokja("73.06", YEAR)
    return personas.api_client("gowa_operator")


def _field(response) -> str:
    return response.json()["errors"][0]["field"]


@pytest.mark.parametrize("endpoint", NUL_WRITES)
def test_a_control_character_in_json_answers_422_naming_the_field(gowa, endpoint):
    url, payload, field = NUL_WRITES[endpoint]
    before = AuditEvent.objects.count()
    response = gowa.post(url, payload, content_type="application/json")
    assert response.status_code == 422, response.content
    assert _field(response) == field
    assert AuditEvent.objects.count() == before


def test_a_nul_in_a_query_answers_422(gowa):
    response = gowa.get("/api/v1/knowledge", {"q": "stunting\x00"})
    assert response.status_code == 422
    assert _field(response) == "q"


def test_a_nul_in_the_path_answers_422(gowa):
    response = gowa.get("/api/v1/regions/73%00/action-items")
    assert response.status_code == 422


def test_line_breaks_and_tabs_stay_allowed(gowa):
    response = gowa.post(
        "/api/v1/regions/73.06/action-items",
        {"title": "Rapat\tkoordinasi", "description": "Baris 1\r\nBaris 2", "due_date": DUE},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("length", [251, 1_000_000])
def test_an_over_long_title_answers_422_and_is_not_stored(gowa, length):
    response = gowa.post(
        "/api/v1/regions/73.06/action-items",
        {"title": "x" * length, "due_date": DUE},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content[:500]
    assert _field(response) == "title"
    assert not ActionItem.objects.filter(title__startswith="xxxx").exists()


def test_a_member_name_too_long_answers_422(gowa):
    limit = Member._meta.get_field("name").max_length
    response = gowa.post(
        "/api/v1/regions/73.06/workgroup/members",
        {"name": "N" * (limit + 1)},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content[:500]
    assert _field(response) == "name"


def test_multipart_without_a_boundary_answers_400(gowa):
    response = gowa.generic(
        "POST",
        "/api/v1/regions/73.06/workgroup/decrees",
        b'--x\r\nContent-Disposition: form-data; name="number"\r\n\r\n1\r\n--x--\r\n',
        content_type="multipart/form-data",
    )
    assert response.status_code == 400, response.content


def test_a_malformed_multipart_body_answers_400(gowa):
    response = gowa.generic(
        "POST",
        "/api/v1/regions/73.06/workgroup/decrees",
        b'--x\r\nContent-Disposition: form-data; name="number"\r\n\r\n1\r\n--y',
        content_type="multipart/form-data; boundary=x",
    )
    assert 400 <= response.status_code < 500, response.content


def test_a_6_mb_json_body_answers_413(gowa):
    body = json.dumps({"title": "x", "description": "y" * (6 * 1024 * 1024), "due_date": DUE})
    response = gowa.post(
        "/api/v1/regions/73.06/action-items", body, content_type="application/json"
    )
    assert response.status_code == 413
    assert response.json()["detail"]


def test_patching_null_into_a_non_null_field_answers_422(personas, regions):
    subgroup = SubGroup.objects.order_by("pk").first()
    client = personas.api_client("national_admin")
    response = client.patch(
        f"/api/v1/subgroups/{subgroup.pk}", {"description": None}, content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert _field(response) == "description"
    subgroup.refresh_from_db()
    assert subgroup.description is not None


def test_patching_null_into_an_institution_name_answers_422(gowa):
    """Found by the fuzzing of the deep paths: the service normalised `None.split()` (500)."""
    from workgroups.models import Institution

    created = gowa.post(
        "/api/v1/regions/73.06/institutions",
        {"name": "Dinas Kesehatan", "sector": Institution.Sector.values[0]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    response = gowa.patch(
        f"/api/v1/regions/73.06/institutions/{body['id']}",
        {"version": body["version"], "name": None},
        content_type="application/json",
    )
    assert response.status_code == 422, response.content
    assert _field(response) == "name"
