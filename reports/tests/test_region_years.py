"""Issue 27: reports of a year list the kab/kota as they were in that year (a split kab/kota
before its split date, the new ones from it)."""

import datetime

import pytest

from assessment.matrix import province_rows
from budget.services import province_recap
from regions.models import Region
from reports import builders, jobs

pytestmark = pytest.mark.django_db

SPLIT_DATE = datetime.date(2026, 1, 1)
NEW = {"73.30", "73.31"}


def _split_gowa(regions):
    gowa, sulsel = regions["73.06"], regions["73"]
    gowa.valid_until = SPLIT_DATE
    gowa.save(update_fields=["valid_until"])
    for code, name in [("73.30", "Kabupaten Gowa Utara"), ("73.31", "Kabupaten Gowa Selatan")]:
        new = Region.objects.create(
            code=code,
            name=name,
            level=Region.Level.REGENCY,
            parent=sulsel,
            valid_from=SPLIT_DATE,
        )
        new.predecessors.add(gowa)
    return sulsel


def _codes(regions) -> set:
    return {r.code for r in regions}


@pytest.mark.parametrize(
    ("year", "present", "absent"), [(2025, {"73.06"}, NEW), (2026, NEW, {"73.06"})]
)
def test_reports_of_a_year_list_the_kab_kota_of_that_year(regions, year, present, absent):
    sulsel = _split_gowa(regions)
    listings = {
        "indicator report": _codes(builders.indicator_report(sulsel, year).regions),
        "recap": _codes(row.region for row in province_rows(sulsel, year)),
        "budget recap": _codes(row.region for row in province_recap(sulsel, year).rows),
        "profiles batch": _codes(jobs.profile_regions(sulsel, year)),
        "public page": _codes(row.region for row in builders.public_overview(sulsel, year)["rows"]),
    }
    for name, codes in listings.items():
        assert present <= codes, name
        assert not absent & codes, name
        assert "73.71" in codes, name  # an unchanged kab/kota is listed every year


def test_national_dashboard_counts_the_kab_kota_of_the_year(regions, personas):
    _split_gowa(regions)
    client = personas.client("national_admin")
    totals = {}
    for year in (2025, 2026):
        rows = client.get(f"/dashboard/?year={year}").context["map_rows"]
        totals[year] = next(row["total"] for row in rows if row["province"].code == "73")
    # Gowa until the split, Gowa Utara and Gowa Selatan from it: one kab/kota more.
    assert totals[2026] == totals[2025] + 1 == 25
