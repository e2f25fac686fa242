"""The dashboards run a constant number of SQL queries whatever the number of kab/kota with data
(the status cache warm, as in normal use: the first view of a year fills it)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.tests.factories import make_pokja
from dashboards.tests.helpers import (
    YEAR,
    action_item,
    indicator_data,
    meeting,
    square_geojson,
    upload,
)
from regions.models import Region

pytestmark = pytest.mark.django_db

CODES = [c for c in [
    "73.01", "73.02", "73.03", "73.04", "73.05", "73.06", "73.07", "73.08", "73.09", "73.10",
    "73.11", "73.12", "73.13", "73.14", "73.15", "73.16", "73.17", "73.18", "73.22", "73.24",
]]  # fmt: skip
# Each includes the header's unread-notifications badge (one indexed COUNT).
# +1: one query of the audit log for the median turnaround (assessment/turnaround.py).
LIMIT = 12
# The kab/kota dashboard reuses evaluate_region and region_overview for its one region.
KAB_KOTA_LIMIT = 14


def _fill(codes):
    for code in codes:
        make_pokja(code, YEAR)
        meeting(code)
        action_item(code)
    indicator_data(codes)


def _count(client, url):
    client.get(url)  # fills the status cache of the year
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), [q["sql"][:90] for q in queries.captured_queries]


def _measure(personas, url, who, first=CODES[:3]):
    client = personas.client(who)
    _fill(first)
    few, _sql = _count(client, url)
    _fill([c for c in CODES if c not in first])
    many, sql = _count(client, url)
    return few, many, sql


def test_province_dashboard_queries_are_constant(personas):
    from dashboards import services

    services.save_boundary_map(
        by=personas.sulsel_admin, province=Region.objects.get(code="73"),
        upload=upload(square_geojson()),
    )  # fmt: skip
    few, many, sql = _measure(personas, f"/r/73/dashboard/?year={YEAR}", "sulsel_admin")
    assert few == many, sql
    assert many <= LIMIT, "\n".join(sql)


def test_national_dashboard_queries_are_constant(personas):
    few, many, sql = _measure(personas, f"/dashboard/?year={YEAR}", "national_admin")
    assert few == many, sql
    assert many <= LIMIT, "\n".join(sql)


def test_kab_kota_dashboard_queries_are_constant(personas):
    # Gowa without a budget: something is missing, so the knowledge guides are read too.
    make_pokja("73.06", YEAR, budget=None)
    meeting("73.06")
    action_item("73.06")
    indicator_data(["73.06"])
    client, url = personas.client("sulsel_admin"), f"/r/73.06/dashboard/?year={YEAR}"
    few, _sql = _count(client, url)
    _fill([c for c in CODES if c != "73.06"])
    many, sql = _count(client, url)
    assert few == many, sql
    assert any("knowledge_knowledgedocument" in q for q in sql)
    # 4 session/auth/region + evaluate_region (criteria, Pokja, decrees, assessment) + knowledge
    # guides (only when something is missing) + indicators + budget + action items + meetings.
    assert many <= KAB_KOTA_LIMIT, "\n".join(sql)
