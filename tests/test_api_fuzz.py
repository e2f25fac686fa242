"""API fuzzing: schemathesis generates requests for every operation of the OpenAPI schema at
/api/v1/openapi.json and sends them in-process (WSGI), authenticated as the operator of Gowa,
with Gowa's Pokja present. Every response must be a non-5xx answer that conforms to the schema
(status code documented, body matching the declared model, Content-Type as declared).

The run is bounded and reproducible: a few derandomised examples per operation
(SIPOKJA_FUZZ_EXAMPLES raises the number for a deeper run by hand).
"""

import datetime
import os
import zlib

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from hypothesis import HealthCheck, settings

from accounts.models import ApiToken
from api.main import api

# A few per operation keep CI within ~90 s per database; SIPOKJA_FUZZ_EXAMPLES=200 digs deeper.
EXAMPLES_PER_OPERATION = int(os.environ.get("SIPOKJA_FUZZ_EXAMPLES", "6"))

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.config.phases.update(phases=["examples", "fuzzing"])

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


def _use_real(value) -> bool:
    """Half of the generated path values (chosen by the generated value, so the same on every
    run and every xdist worker) are replaced by real ones (Gowa's code, the ids of Gowa's
    records, the current year), so that requests get past the lookups and reach the deep paths
    and the operations' own validation; the other half stay random."""
    return zlib.crc32(str(value).encode()) % 2 == 0


def _real_path_values(user, token) -> dict:
    """Records of Gowa for the deep paths (`/meetings/{meeting_id}/…`, `/decrees/{decree_id}`…),
    created through the API itself, and the ids to put into their paths."""
    from django.test import Client

    from indicators.models import WorkGroupIndicator
    from meetings.models import ActionItem, Meeting
    from planning.models import Activity
    from workgroups.models import Decree, Institution, Member, SubGroup

    client = Client(headers={"authorization": f"Bearer {token}"})
    start = timezone.now() + datetime.timedelta(days=7)
    for url, payload in [
        ("/api/v1/regions/73.06/workgroup/members", {"name": "Nur Aisyah"}),
        (
            "/api/v1/regions/73.06/institutions",
            {"name": "Dinas Kesehatan", "sector": Institution.Sector.values[0]},
        ),
        (
            "/api/v1/regions/73.06/meetings",
            {
                "title": "Forum Komunikasi",
                "venue": "Aula Kantor Bupati",
                "starts_at": start.isoformat(),
                "ends_at": (start + datetime.timedelta(hours=2)).isoformat(),
            },
        ),
        (
            "/api/v1/regions/73.06/action-items",
            {"title": "Tindak lanjut", "due_date": (start.date()).isoformat()},
        ),
    ]:
        response = client.post(url, payload, content_type="application/json")
        assert response.status_code == 201, (url, response.content)
    mine = {"workgroup__region__code": "73.06"}
    values = {
        "code": "73.06",
        "year": datetime.date.today().year,
        "indicator_code": WorkGroupIndicator.objects.filter(**mine).first().indicator.code,
        "decree_id": Decree.objects.filter(**mine).first().pk,
        "member_id": Member.objects.filter(**mine).first().pk,
        "institution_id": Institution.objects.filter(region__code="73.06").first().pk,
        "subgroup_id": SubGroup.objects.first().pk,
        "activity_id": Activity.objects.filter(plan__workgroup__region__code="73.06").first().pk,
        "meeting_id": Meeting.objects.first().pk,
        "item_id": ActionItem.objects.first().pk,
        "token_id": user.api_tokens.first().pk,
    }
    from budget.models import BudgetAllocation

    values["allocation_id"] = BudgetAllocation.objects.filter(**mine).first().pk
    return values


@pytest.fixture
def fuzz_env(personas, settings):
    """Gowa's Pokja and the operator's bearer token; the WSGI handler runs in the test's
    transaction (the per-request connection closing of Django is switched off, as the test
    client does)."""
    from assessment.tests.factories import make_pokja

    settings.ALLOWED_HOSTS = ["*"]
    make_pokja("73.06", datetime.date.today().year)
    _token, raw = ApiToken.issue(user=personas.gowa_operator, name="fuzz")
    headers = {"Authorization": f"Bearer {raw}"}
    real = _real_path_values(personas.gowa_operator, raw)
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {"app": WSGIHandler(), "headers": headers, "real": real}
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.slow
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_fuzz(case, fuzz_env):
    for name, value in (case.path_parameters or {}).items():
        if name in fuzz_env["real"] and _use_real(value):
            case.path_parameters[name] = fuzz_env["real"][name]
    case.call_and_validate(app=fuzz_env["app"], headers=fuzz_env["headers"], checks=CHECKS)


def _api_schema_classes(cls=None):
    from ninja import Schema

    for sub in (cls or Schema).__subclasses__():
        if sub.__module__.endswith(".api"):
            yield sub
        yield from _api_schema_classes(sub)


def _without_defaults(value):
    if isinstance(value, dict):
        return {k: _without_defaults(v) for k, v in value.items() if k != "default"}
    if isinstance(value, list):
        return [_without_defaults(v) for v in value]
    return value


def test_schema_components_do_not_replace_each_other():
    """Two types with one name (e.g. every model's `Status`) would share one component in the
    OpenAPI schema, and one of them would be described wrongly."""
    components = api.get_openapi_schema()["components"]["schemas"]
    clashes = set()
    for model in _api_schema_classes():
        variants = [
            model.model_json_schema(ref_template="#/components/schemas/{model}", mode=mode)
            for mode in ("validation", "serialization")
        ]
        for name in set().union(*(variant.get("$defs", {}) for variant in variants)):
            if name in components and all(
                _without_defaults(variant.get("$defs", {}).get(name))
                != _without_defaults(components[name])
                for variant in variants
            ):
                clashes.add(f"{name} ({model.__module__}.{model.__name__})")
    assert not clashes, sorted(clashes)


def test_every_operation_documents_its_errors():
    for path, operations in api.get_openapi_schema()["paths"].items():
        for method, operation in operations.items():
            assert {"401", "403", "404", "422"} <= set(map(str, operation["responses"])), (
                method,
                path,
            )


@pytest.mark.parametrize(
    "query", ["limit=14586219814925591642112", "offset=10000000000000000000000"]
)
def test_huge_pagination_values_are_refused_not_a_server_error(personas, query):
    client = personas.api_client("gowa_operator")
    response = client.get(f"/api/v1/regions/73.06/indicators/values?{query}")
    assert response.status_code == 422


def test_a_locked_out_api_client_gets_json_not_a_page(personas, settings):
    from django.test import Client

    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        response = client.post(
            "/api/v1/auth/token",
            {"username": "gowa_operator", "password": "salah"},
            content_type="application/json",
        )
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json") and response.json()["detail"]
    page = Client().post("/accounts/login/", {"username": "gowa_operator", "password": "x"})
    assert page.status_code == 429 and page["Content-Type"].startswith("text/html")
