"""The knowledge demo: Gowa shows one unanswered issue among three, the province's themes show
stunting shared by three regions, every criterion kind has a guide, and loading twice changes
nothing."""

import io

import pytest

from indicators import demo as indicators_demo
from knowledge import demo, services
from knowledge.models import KnowledgeDocument, StrategicIssue
from planning import demo as planning_demo
from planning.tests import helpers as h
from policies import demo as policies_demo

pytestmark = pytest.mark.django_db

DEMO_POKJA = ["73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.72", "73.05", "73.08"]


def test_demo_follows_the_plan_and_is_idempotent(personas, regions):
    for code in DEMO_POKJA:
        h.workgroup(code, is_demo=True)
    out = io.StringIO()
    for module in (indicators_demo, planning_demo, policies_demo):
        module.load(out)

    demo.load(out)
    counts = (StrategicIssue.objects.count(), KnowledgeDocument.objects.count())
    demo.load(out)
    assert (StrategicIssue.objects.count(), KnowledgeDocument.objects.count()) == counts == (6, 10)
    assert all(i.is_demo and i.title.startswith("[DEMO]") for i in StrategicIssue.objects.all())

    gowa = personas.client("gowa_operator").get("/r/73.06/issues/")
    answered = {row["issue"].theme: row["answered"] for row in gowa.context["rows"]}
    assert answered == {"stunting": True, "child_marriage": True, "unmet_need": False}
    stunting = StrategicIssue.objects.get(region__code="73.06", theme="stunting")
    assert [i.code for i in stunting.indicators.all()] == ["stunting"]
    assert [a.plan.year for a in stunting.activities.all()] == [2025]
    marriage = StrategicIssue.objects.get(region__code="73.06", theme="child_marriage")
    assert marriage.policies.count() == 1
    evidence = services.latest_achievements(regions["73.06"], stunting.indicators.all())
    assert not next(iter(evidence.values())).missing

    themes = personas.client("sulsel_admin").get("/r/73/issues/themes/?year=2026")
    groups = {g.theme: g for g in themes.context["groups"]}
    assert groups["stunting"].region_count == 3 and groups["stunting"].is_shared

    guides = services.guides_for_kinds(regions["73.06"])
    assert set(guides) == set(services.KIND_CATEGORIES)
    assert all(g.kind == "guide" for g in guides.values())
    assert KnowledgeDocument.objects.filter(is_generated=True).count() == 4
