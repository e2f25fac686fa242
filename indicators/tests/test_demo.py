import io
from decimal import Decimal

import pytest

from indicators import demo
from indicators.models import Target, Value, WorkGroupIndicator
from indicators.selectors import ranking
from regions.models import Region
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db

POKJA = ["73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.72", "73.05", "73.08"]


def test_demo_is_deterministic_idempotent_and_follows_the_plan(regions):
    for code in POKJA:
        WorkGroup.objects.create(
            region=Region.objects.get(code=code), name=f"[DEMO] Pokja {code}", is_demo=True
        )
    demo.load(io.StringIO())
    first = sorted(
        Value.objects.values_list("region__code", "indicator__code", "year", "source", "value")
    )
    targets = Target.objects.count()
    demo.load(io.StringIO())
    assert (
        sorted(
            Value.objects.values_list("region__code", "indicator__code", "year", "source", "value")
        )
        == first
    )
    assert Target.objects.count() == targets
    assert all(v.is_demo and v.note == demo.NOTE for v in Value.objects.all())

    province = Region.objects.get(code="73")
    survey = dict(
        Value.objects.filter(region=province, indicator__code="stunting")
        .exclude(source="eppgbm")
        .values_list("year", "value")
    )
    assert (
        survey[2022] == Decimal("27.2")
        and survey[2023] == Decimal("27.4")
        and survey[2024] == Decimal("23.3")
    )
    assert Value.objects.get(
        region__code="73.71", indicator__code="stunting", year=2022
    ).value == Decimal("18.4")
    # e-PPGBM kept apart and lower than the survey for every kab/kota and year
    for code in ("73.06", "73.71", "73.26"):
        for year in (2023, 2024, 2025):
            values = dict(
                Value.objects.filter(
                    region__code=code, indicator__code="stunting", year=year
                ).values_list("source", "value")
            )
            assert set(values) == {"eppgbm", demo.SURVEY[year]}
            assert values["eppgbm"] < values[demo.SURVEY[year]]
    # Adopted with 2025 targets: the plan's regions, not Takalar
    adopting = set(
        WorkGroupIndicator.objects.filter(year=2025, target__isnull=False).values_list(
            "workgroup__region__code", flat=True
        )
    )
    assert adopting == set(demo.ADOPTING)
    assert "73.05" not in adopting
    # The Sulsel ranking of 2024 has every kab/kota graded
    from indicators.models import Indicator

    lines = ranking(province, Indicator.objects.get(code="stunting"), year=2024, source="ssgi")
    assert len(lines) == 24 and all(line.grade is not None for line in lines)
    assert len({line.grade for line in lines}) >= 2


def test_demo_without_pokja_loads_values_and_says_so(regions):
    out = io.StringIO()
    demo.load(out)
    assert Value.objects.filter(region__code="73.06").exists()
    assert not WorkGroupIndicator.objects.exists()
    assert "No active Pokja" in out.getvalue()
