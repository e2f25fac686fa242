"""Every HTML route and API operation × every persona: 200/302/403/404/401 as declared.

A route without a row fails `test_every_route_has_a_row`, so new routes cannot skip the matrix.
"""

import json
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import PERSONA_NAMES
from tests.matrix import REGION_KWARGS


def _collect_rows():
    rows = []
    for config in apps.get_app_configs():
        if "." in config.name:
            continue
        try:
            module = import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError as exc:
            if exc.name.startswith(config.name):
                continue
            raise
        rows.extend(module.ROWS)
    return rows


ROWS = _collect_rows()

# Third-party and framework routes that are not Sipokja's own (tested by their projects).
EXEMPT_NAMESPACES = {"admin"}
EXEMPT_NAMES = {"set_language", "openapi-json", "openapi-view"}


def _url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or ""
            if ns in EXEMPT_NAMESPACES or ns.startswith("api-"):
                continue
            yield from _url_names(pattern, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name and pattern.name not in EXEMPT_NAMES:
            yield f"{namespace}{pattern.name}"


def _api_operations():
    from api.main import api

    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            yield f"{method.upper()} {path}"


def test_every_route_has_a_row():
    covered = {row.name for row in ROWS if not row.api}
    missing = sorted(set(_url_names()) - covered)
    assert not missing, f"routes without a permission-matrix row: {missing}"


def test_every_api_operation_has_a_row():
    covered = {row.name for row in ROWS if row.api}
    missing = sorted(set(_api_operations()) - covered)
    assert not missing, f"API operations without a permission-matrix row: {missing}"


def test_every_row_names_every_persona():
    for row in ROWS:
        assert set(row.expect) == set(PERSONA_NAMES), row.id


@pytest.mark.parametrize("persona", PERSONA_NAMES)
@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.id)
def test_permission_matrix(row, persona, personas):
    kwargs = dict(REGION_KWARGS)
    if row.setup:
        kwargs.update(row.setup(personas) or {})
    path = row.path.format(**kwargs)
    data = row.data(personas, kwargs) if callable(row.data) else row.data
    client = personas.api_client(persona) if row.api else personas.client(persona)
    method = getattr(client, row.method.lower())
    if row.api and data is not None and not isinstance(data, dict | list):
        response = method(path, data=data)
    elif row.api and data is not None and not data.get("_multipart"):
        response = method(path, data=json.dumps(data), content_type="application/json")
    elif data is not None:
        response = method(path, data={k: v for k, v in data.items() if k != "_multipart"})
    else:
        response = method(path)
    expected = row.expect[persona]
    allowed = expected if isinstance(expected, tuple) else (expected,)
    assert response.status_code in allowed, (
        f"{persona} {row.id}: got {response.status_code}, expected {expected}"
    )
    if response.status_code == 302 and persona == "anonymous" and not row.api:
        assert "/accounts/login/" in response["Location"]
