from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.errors import ConflictError, DomainError
from indicators.models import Indicator, NationalTarget, Target, WorkGroupIndicator
from indicators.services import Adoption, adopted_counts, save_target, save_value, set_adoptions
from regions.models import Region
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db


def _workgroup(code):
    return WorkGroup.objects.create(region=Region.objects.get(code=code), name=f"Pokja {code}")


def test_adopted_counts_counts_adoptions_with_a_target_in_one_query(personas):
    gowa, makassar, bone = _workgroup("73.06"), _workgroup("73.71"), _workgroup("73.08")
    tfr, stunting, mcpr = (Indicator.objects.get(code=c) for c in ("tfr", "stunting", "mcpr"))
    WorkGroupIndicator.objects.create(
        workgroup=gowa, indicator=tfr, year=2025, target=Decimal("2.1")
    )
    WorkGroupIndicator.objects.create(
        workgroup=gowa, indicator=stunting, year=2025, target=Decimal("18")
    )
    WorkGroupIndicator.objects.create(
        workgroup=gowa, indicator=mcpr, year=2025, target=None
    )  # no target
    WorkGroupIndicator.objects.create(
        workgroup=gowa, indicator=mcpr, year=2024, target=Decimal("60")
    )  # other year
    WorkGroupIndicator.objects.create(
        workgroup=makassar, indicator=tfr, year=2025, target=Decimal("2.0")
    )
    with CaptureQueriesContext(connection) as queries:
        counts = adopted_counts([gowa.pk, makassar.pk, bone.pk], 2025)
    assert counts == {gowa.pk: 2, makassar.pk: 1, bone.pk: 0}
    assert len(queries) == 1
    assert adopted_counts([], 2025) == {}


def test_set_adoptions_adds_changes_and_removes(personas):
    gowa = _workgroup("73.06")
    tfr, stunting = Indicator.objects.get(code="tfr"), Indicator.objects.get(code="stunting")
    counts = set_adoptions(
        by=personas.gowa_operator,
        workgroup=gowa,
        year=2025,
        adoptions=[
            Adoption(tfr, True, Decimal("2.1")),
            Adoption(stunting, True, None),
        ],
    )
    assert counts == {"created": 2, "updated": 0, "deleted": 0}
    adoption = WorkGroupIndicator.objects.get(indicator=tfr)
    counts = set_adoptions(
        by=personas.gowa_operator,
        workgroup=gowa,
        year=2025,
        adoptions=[
            Adoption(tfr, True, Decimal("2.05"), version=adoption.version),
            Adoption(stunting, False),
        ],
    )
    assert counts == {"created": 0, "updated": 1, "deleted": 1}
    adoption.refresh_from_db()
    assert (adoption.target, adoption.version) == (Decimal("2.05"), 2)
    assert not WorkGroupIndicator.objects.filter(indicator=stunting).exists()


def test_set_adoptions_refuses_a_stale_version_and_changes_nothing(personas):
    gowa = _workgroup("73.06")
    tfr, stunting = Indicator.objects.get(code="tfr"), Indicator.objects.get(code="stunting")
    WorkGroupIndicator.objects.create(
        workgroup=gowa, indicator=tfr, year=2025, target=Decimal("2.1"), version=3
    )
    with pytest.raises(ConflictError):
        set_adoptions(
            by=personas.gowa_operator,
            workgroup=gowa,
            year=2025,
            adoptions=[
                Adoption(stunting, True, Decimal("18")),
                Adoption(tfr, True, Decimal("2.0"), version=2),
            ],
        )
    assert WorkGroupIndicator.objects.get().target == Decimal("2.1")
    assert WorkGroupIndicator.objects.count() == 1


def test_set_adoptions_refuses_a_target_above_the_maximum(personas):
    gowa = _workgroup("73.06")
    with pytest.raises(DomainError):
        set_adoptions(
            by=personas.gowa_operator,
            workgroup=gowa,
            year=2025,
            adoptions=[Adoption(Indicator.objects.get(code="mcpr"), True, Decimal("101"))],
        )
    assert not WorkGroupIndicator.objects.exists()


def test_save_target_refuses_a_second_target_for_the_same_year(personas):
    gowa = Region.objects.get(code="73.06")
    tfr = Indicator.objects.get(code="tfr")
    save_target(
        by=personas.gowa_operator, region=gowa, indicator=tfr, year=2025, value=Decimal("2.1")
    )
    with pytest.raises(ConflictError):
        save_target(
            by=personas.gowa_operator, region=gowa, indicator=tfr, year=2025, value=Decimal("2.0")
        )
    assert Target.objects.get().value == Decimal("2.1")


def test_save_value_checks_the_period_of_the_indicator(personas):
    gowa = Region.objects.get(code="73.06")
    with pytest.raises(DomainError):
        save_value(
            by=personas.gowa_operator,
            region=gowa,
            indicator=Indicator.objects.get(code="ibangga"),
            year=2025,
            period="M01",
            source="pk",
            value=Decimal("60"),
        )


def test_catalogue_is_seeded_with_sources(db):
    indicators = {i.code: i for i in Indicator.objects.all()}
    assert set(indicators) == {
        "tfr", "mcpr", "unmet-need", "asfr-15-19", "ibangga", "mukp", "stunting", "pa-mkjp", "dcr",
        "keluarga-terjangkau", "ipbk",
    }  # fmt: skip
    assert indicators["stunting"].direction == "lower" and indicators["mcpr"].direction == "higher"
    assert all(i.reference.startswith("https://") for i in indicators.values())
    targets = {
        (t.indicator.code, t.year): t for t in NationalTarget.objects.select_related("indicator")
    }
    assert targets[("tfr", 2021)].is_uncertain and not targets[("tfr", 2022)].is_uncertain
    assert targets[("stunting", 2025)].value == Decimal("18")
    assert targets[("stunting", 2029)].value == Decimal("14.2")
    assert targets[("ibangga", 2023)].value == Decimal("59")
    assert all(t.source for t in targets.values())
