"""The national assessment page: each province's own criteria and its kab/kota counts (from
the status cache, so the page stays fast at 514 kab/kota)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.tests.factories import make_pokja
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db
YEAR = 2025


def _row(response, code):
    return next(r for r in response.context["rows"] if r["province"].code == code)


def test_national_page_counts_kab_kota_per_province(personas):
    make_pokja("73.06", YEAR)
    make_pokja("73.08", YEAR, decree="expired")
    make_pokja("74.01", YEAR)
    client = personas.client("national_admin")
    response = client.get(f"/assessment/national/?year={YEAR}")
    assert response.status_code == 200
    sulsel, sultra = _row(response, "73"), _row(response, "74")
    assert (sulsel["formed"], sulsel["effective"], sulsel["total"]) == (2, 1, 24)
    assert (sultra["formed"], sultra["effective"]) == (1, 1)
    assert response.context["effective"] == 2


def test_national_page_follows_changes_to_the_records(personas):
    """The cached kab/kota statuses are invalidated by writes: dissolving Gowa's Pokja shows."""
    gowa = make_pokja("73.06", YEAR)
    client = personas.client("national_admin")
    assert _row(client.get(f"/assessment/national/?year={YEAR}"), "73")["effective"] == 1
    gowa.status = WorkGroup.Status.DISSOLVED
    gowa.save()
    row = _row(client.get(f"/assessment/national/?year={YEAR}"), "73")
    assert (row["formed"], row["effective"]) == (0, 0)


def test_national_page_queries_do_not_grow_with_kab_kota(personas):
    client = personas.client("national_admin")
    url = f"/assessment/national/?year={YEAR}"
    make_pokja("73.06", YEAR)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for code in ["73.01", "73.02", "73.03", "73.04", "74.01", "74.02"]:
        make_pokja(code, YEAR)
    client.get(url)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many), [q["sql"][:80] for q in many.captured_queries]
