import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.engine import (
    EFFECTIVE,
    FULFILLED,
    NO_WORKGROUP,
    NOT_EFFECTIVE,
    NOT_FULFILLED,
    NOT_REPORTED,
    evaluate,
    evaluate_region,
)
from assessment.models import Criterion
from assessment.reports import province_rows
from assessment.tests.factories import make_pokja
from budget.models import BudgetAllocation
from regions.models import Region

YEAR = 2025


def _states(code):
    outcome = evaluate_region(Region.objects.get(code=code), YEAR)
    return {r.criterion.code: r.state for r in outcome.results}, outcome


def test_complete_pokja_is_effective(regions):
    make_pokja("73.06", YEAR)
    states, outcome = _states("73.06")
    assert states == {
        "sk": FULFILLED,
        "rencana_kerja": FULFILLED,
        "indikator": FULFILLED,
        "anggaran": FULFILLED,
    }
    assert outcome.computed_status == EFFECTIVE
    assert outcome.official_status == "not_submitted"


def test_region_without_pokja(regions):
    states, outcome = _states("73.03")
    assert outcome.computed_status == NO_WORKGROUP
    assert set(states.values()) == {NOT_REPORTED}
    assert outcome.results[0].fix_url == f"/r/73.03/pokja/?year={outcome.year}"


def test_expired_decree_is_not_fulfilled(regions):
    make_pokja("73.08", YEAR, decree="expired")
    states, outcome = _states("73.08")
    assert states["sk"] == NOT_FULFILLED
    assert outcome.computed_status == NOT_EFFECTIVE
    sk = outcome.result_for("sk")
    assert "kedaluwarsa" in sk.explanation or "expired" in sk.explanation
    assert "30 Juni 2024" in sk.explanation
    assert sk.fix_url == f"/r/73.08/pokja/decrees/new/?year={outcome.year}"


def test_decree_without_pdf_is_not_fulfilled(regions):
    make_pokja("73.06", YEAR, decree="no_pdf")
    assert _states("73.06")[0]["sk"] == NOT_FULFILLED


def test_missing_decree_is_not_reported(regions):
    make_pokja("73.06", YEAR, decree=None)
    assert _states("73.06")[0]["sk"] == NOT_REPORTED


@pytest.mark.parametrize(
    ("kwargs", "code", "state"),
    [
        ({"plan": None}, "rencana_kerja", NOT_REPORTED),
        ({"plan": "draft"}, "rencana_kerja", NOT_FULFILLED),
        ({"activities": 0}, "rencana_kerja", NOT_FULFILLED),
        ({"indicators": 0}, "indikator", NOT_REPORTED),
        ({"budget": None}, "anggaran", NOT_REPORTED),
    ],
)
def test_incomplete_criteria(regions, kwargs, code, state):
    make_pokja("73.06", YEAR, **kwargs)
    states, outcome = _states("73.06")
    assert states[code] == state
    assert outcome.computed_status == NOT_EFFECTIVE
    assert outcome.result_for(code).fix_url.startswith("/r/73.06/")
    assert all(s == FULFILLED for c, s in states.items() if c != code)


def test_deleting_the_only_budget_turns_the_criterion_off_at_once(regions):
    workgroup = make_pokja("73.06", YEAR)
    assert _states("73.06")[1].computed_status == EFFECTIVE
    BudgetAllocation.objects.filter(workgroup=workgroup).delete()
    states, outcome = _states("73.06")
    assert states["anggaran"] == NOT_REPORTED
    assert outcome.computed_status == NOT_EFFECTIVE


def test_thresholds_are_settings_of_the_criterion(regions):
    make_pokja("73.06", YEAR, indicators=2)
    evaluate_region(Region.objects.get(code="73.06"), YEAR)  # creates the year's criteria
    Criterion.objects.filter(year=YEAR, code="indikator").update(settings={"min_indicators": 3})
    states, outcome = _states("73.06")
    assert states["indikator"] == NOT_FULFILLED
    assert "3" in outcome.result_for("indikator").explanation


def test_budget_below_the_minimum_is_not_fulfilled(regions):
    make_pokja("73.06", YEAR, budget=5_000_000)
    evaluate_region(Region.objects.get(code="73.06"), YEAR)
    Criterion.objects.filter(year=YEAR, code="anggaran").update(settings={"min_amount": 10_000_000})
    states, outcome = _states("73.06")
    assert states["anggaran"] == NOT_FULFILLED
    assert "Rp 10.000.000" in outcome.result_for("anggaran").explanation


def test_optional_criteria_can_be_switched_on(regions):
    make_pokja("73.06", YEAR)
    evaluate_region(Region.objects.get(code="73.06"), YEAR)
    Criterion.objects.filter(year=YEAR, code="gdpk").update(is_active=True)
    states, outcome = _states("73.06")
    assert states["gdpk"] == NOT_REPORTED
    assert outcome.computed_status == NOT_EFFECTIVE


def test_provincial_criterion_applies_only_in_its_province(regions):
    make_pokja("73.06", YEAR)
    make_pokja("74.01", YEAR)
    evaluate_region(Region.objects.get(code="73.06"), YEAR)
    Criterion.objects.create(
        year=YEAR,
        code="forum",
        name="Hadir di forum",
        kind="declared",
        province=Region.objects.get(code="73"),
    )
    assert "forum" in _states("73.06")[0]
    assert "forum" not in _states("74.01")[0]


def test_next_year_copies_the_national_configuration(regions):
    evaluate_region(Region.objects.get(code="73.06"), YEAR)
    Criterion.objects.filter(year=YEAR, code="gdpk").update(is_active=True)
    evaluate_region(Region.objects.get(code="73.06"), YEAR + 1)
    assert Criterion.objects.get(year=YEAR + 1, code="gdpk").is_active


def _matrix_queries(start, end):
    sulsel = Region.objects.get(code="73")
    for code in list(sulsel.children.values_list("code", flat=True))[start:end]:
        make_pokja(code, YEAR)
    province_rows(sulsel, YEAR)  # warm the year's criteria
    with CaptureQueriesContext(connection) as context:
        rows = province_rows(Region.objects.get(code="73"), YEAR)
    return len(context.captured_queries), rows


def test_matrix_runs_a_constant_number_of_queries(regions):
    few, rows = _matrix_queries(0, 2)
    assert len(rows) == 25
    many, rows = _matrix_queries(2, 24)
    assert many == few
    assert sum(r.computed_status == EFFECTIVE for r in rows) == 24
    assert many <= 12


def test_evaluate_many_regions(regions):
    make_pokja("73.06", YEAR)
    make_pokja("73.71", YEAR, budget=None)
    results = evaluate(list(Region.objects.filter(code__in=["73.06", "73.71", "73.03"])), YEAR)
    assert {code: r.computed_status for code, r in results.items()} == {
        "73.06": EFFECTIVE,
        "73.71": NOT_EFFECTIVE,
        "73.03": NO_WORKGROUP,
    }
