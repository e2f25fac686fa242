"""The demo data of work plans, budgets and policies follows the shared demo plan and can be
loaded twice."""

import io

import pytest

from budget import demo as budget_demo
from budget import services as budget_services
from budget.models import BudgetAllocation
from planning import demo as planning_demo
from planning import services as planning_services
from planning.models import WorkPlan
from planning.tests import helpers as h
from policies import demo as policies_demo
from policies import services as policies_services
from policies.models import Policy

pytestmark = pytest.mark.django_db

DEMO_POKJA = ["73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.72", "73.05", "73.08"]


def _load():
    out = io.StringIO()
    for module in (planning_demo, budget_demo, policies_demo):
        module.load(out)
    return out.getvalue()


def test_demo_follows_the_plan_and_is_idempotent(regions):
    workgroups = {code: h.workgroup(code, is_demo=True) for code in DEMO_POKJA}
    h.institution("73.06", "Dinas Kesehatan")
    h.indicator("tfr")
    h.indicator("stunting", "Prevalensi balita stunting")

    _load()
    counts = (WorkPlan.objects.count(), BudgetAllocation.objects.count(), Policy.objects.count())
    _load()
    assert (
        WorkPlan.objects.count(),
        BudgetAllocation.objects.count(),
        Policy.objects.count(),
    ) == counts

    ids = [wg.pk for wg in workgroups.values()]
    plans = planning_services.approved_plans_with_activity_counts(ids, 2025)
    with_plan = {code for code, wg in workgroups.items() if wg.pk in plans}
    assert with_plan == {"73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.08", "73.05"}
    assert all(s.has_document and s.activity_count > 0 for s in plans.values())
    assert all(
        5 <= WorkPlan.objects.get(pk=s.plan_id).activities.count() <= 10 for s in plans.values()
    )
    assert WorkPlan.objects.filter(is_demo=True).count() == 8

    totals = budget_services.allocation_totals(ids, 2025)
    budgeted = {code for code, wg in workgroups.items() if totals.get(wg.pk, (0, 0))[0] > 0}
    assert budgeted == {"73", "73.06", "73.71", "73.16", "73.24", "73.72", "73.05", "73.08"}
    assert all(0 < realised <= amount for amount, realised in totals.values())
    assert not BudgetAllocation.objects.filter(is_demo=False).exists()

    documents = policies_services.planning_documents([regions["73"].pk, regions["73.06"].pk], 2025)
    rpjmd = documents[regions["73"].pk][0]
    assert rpjmd.kind == "rpjmd" and {i.code for i in rpjmd.indicators.all()} >= {"tfr", "stunting"}
    assert Policy.objects.filter(
        region__code="73.06", kind="perbup_perwali", status="enacted"
    ).exists()
    assert all(p.title.startswith("[DEMO]") and p.is_demo for p in Policy.objects.all())


def test_demo_without_demo_pokja_skips_plans_and_budgets(regions):
    output = _load()
    assert "skipped" in output
    assert not WorkPlan.objects.exists() and not BudgetAllocation.objects.exists()
