"""The status cache: same answers as the engine, one query when fresh, and never stale after a
write to the records (signals, bulk imports, time passing, concurrent computations)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment import services, summary
from assessment.engine import EFFECTIVE, NO_WORKGROUP, NOT_EFFECTIVE, evaluate
from assessment.models import Criterion, RegionStatus, StatusEpoch
from assessment.tests.factories import make_pokja
from budget.models import BudgetAllocation
from indicators.models import WorkGroupIndicator
from planning.models import Activity, WorkPlan
from planning.services import import_activities
from planning.tests import helpers as planning_helpers
from regions.models import Region
from workgroups.models import Decree

YEAR = 2025


def _sulsel():
    return [Region.objects.get(code="73"), *Region.objects.filter(parent__code="73")]


def _status(code, year=YEAR):
    region = Region.objects.get(code=code)
    return summary.statuses([region], [year])[(code, year)]


def test_statuses_agree_with_the_engine(regions):
    make_pokja("73.06", YEAR)
    make_pokja("73.08", YEAR, decree="expired")
    make_pokja("73.09", YEAR, budget=None)
    regions_ = _sulsel()

    cached = summary.statuses(regions_, [YEAR, YEAR - 1])
    engine = evaluate(regions_, YEAR)

    assert len(cached) == 2 * len(regions_)
    for region in regions_:
        row = cached[(region.code, YEAR)]
        outcome = engine[region.code]
        assert row.computed_status == outcome.computed_status
        assert row.official_status == outcome.official_status
        assert row.criteria == {r.criterion.code: r.state for r in outcome.results}
    assert cached[("73.06", YEAR)].computed_status == EFFECTIVE
    assert cached[("73.08", YEAR)].kinds["decree"] == "not_fulfilled"
    assert cached[("73.08", YEAR)].met("budget") and not cached[("73.08", YEAR)].met("decree")
    assert cached[("73.09", YEAR)].kinds["budget"] == "not_reported"
    assert cached[("73.03", YEAR)].computed_status == NO_WORKGROUP
    assert cached[("73.06", YEAR - 1)].computed_status == NOT_EFFECTIVE


def test_a_fresh_cache_answers_in_one_query(regions):
    make_pokja("73.06", YEAR)
    regions_ = _sulsel()
    summary.statuses(regions_, [YEAR, YEAR - 1])

    with CaptureQueriesContext(connection) as queries:
        again = summary.statuses(regions_, [YEAR, YEAR - 1])
    assert len(queries) == 1
    assert again[("73.06", YEAR)].computed_status == EFFECTIVE


@pytest.mark.parametrize(
    "change",
    [
        "delete_budget",
        "expire_decree",
        "unapprove_plan",
        "cancel_activity",
        "remove_target",
        "switch_criterion_on",
        "new_workgroup_elsewhere",
    ],
)
def test_every_write_to_the_records_refreshes_the_status(regions, change):
    workgroup = make_pokja("73.06", YEAR)
    assert _status("73.06").computed_status == EFFECTIVE

    if change == "delete_budget":
        BudgetAllocation.objects.get(workgroup=workgroup).delete()
    elif change == "expire_decree":
        decree = Decree.objects.get(workgroup=workgroup)
        decree.valid_until = datetime.date(YEAR - 1, 1, 31)
        decree.save()
    elif change == "unapprove_plan":
        plan = WorkPlan.objects.get(workgroup=workgroup)
        plan.status, plan.approved_on, plan.approver_name = WorkPlan.Status.DRAFT, None, ""
        plan.save()
    elif change == "cancel_activity":
        activity = Activity.objects.get(plan__workgroup=workgroup)
        activity.status = Activity.Status.CANCELLED
        activity.save()
    elif change == "remove_target":
        adoption = WorkGroupIndicator.objects.get(workgroup=workgroup)
        adoption.target = None
        adoption.save()
    elif change == "switch_criterion_on":
        gdpk = Criterion.objects.get(year=YEAR, code="gdpk", province__isnull=True)
        gdpk.is_active = True
        gdpk.save()
    elif change == "new_workgroup_elsewhere":
        make_pokja("73.71", YEAR)
        assert _status("73.71").computed_status == EFFECTIVE
        assert _status("73.06").computed_status == EFFECTIVE
        return

    assert _status("73.06").computed_status == NOT_EFFECTIVE


def test_a_bulk_import_of_activities_refreshes_the_status(regions, personas):
    """The import writes with bulk_create (no signals) and invalidates the region itself."""
    plan = planning_helpers.plan("73.06", YEAR, approved=True, activities=0)
    assert _status("73.06").kinds["work_plan"] == "not_fulfilled"  # approved but empty

    upload = planning_helpers.filled_template(
        planning_helpers.template_for(plan),
        [planning_helpers.activity_row("Rapat koordinasi", institutions="", indicators="")],
    )
    import_activities(by=personas.gowa_operator, plan=plan, uploaded=upload)

    assert Activity.objects.filter(plan=plan).count() == 1
    assert _status("73.06").kinds["work_plan"] == "fulfilled"


def test_verification_refreshes_the_official_status(regions, personas):
    make_pokja("73.06", YEAR)
    region = Region.objects.get(code="73.06")
    assert _status("73.06").official_status == "not_submitted"

    assessment = services.submit(by=personas.gowa_operator, region=region, year=YEAR)
    assert _status("73.06").official_status == "awaiting"

    services.decide(by=personas.sulsel_admin, assessment=assessment)
    assert _status("73.06").official_status == EFFECTIVE


def test_a_row_computed_for_another_date_is_recomputed(regions):
    make_pokja("73.06", YEAR)
    _status("73.06")
    RegionStatus.objects.filter(year=YEAR).update(
        as_of=datetime.date(YEAR, 6, 30), computed_status="stale marker"
    )

    assert _status("73.06").computed_status == EFFECTIVE
    assert RegionStatus.objects.get(region__code="73.06", year=YEAR).as_of == datetime.date(
        YEAR, 12, 31
    )


def test_a_computation_overtaken_by_a_change_is_not_stored(regions):
    make_pokja("73.06", YEAR)
    region = Region.objects.get(code="73.06")
    epoch = summary._epoch()
    StatusEpoch.objects.filter(pk=1).update(value=epoch + 1)  # a write committed meanwhile

    rows = summary._compute([region], YEAR, epoch=epoch)

    assert rows[0].computed_status == EFFECTIVE  # the caller still gets the answer
    assert not RegionStatus.objects.filter(region=region, year=YEAR).exists()


def test_invalidation_after_commit_counts_an_epoch(regions, django_capture_on_commit_callbacks):
    epoch = summary._epoch()
    with django_capture_on_commit_callbacks(execute=True):
        summary.invalidate(region_ids=[Region.objects.get(code="73.06").pk])
    assert summary._epoch() == epoch + 1


def test_refresh_all_writes_every_region(regions):
    make_pokja("73.06", YEAR)
    written = summary.refresh_all(YEAR)
    assert written == Region.objects.count()
    assert RegionStatus.objects.filter(year=YEAR).count() == Region.objects.count()
