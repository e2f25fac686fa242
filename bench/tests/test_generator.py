"""The synthetic national data generator, at a tiny scale (one province, a tenth of the rows)."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from assessment.engine import EFFECTIVE, NO_WORKGROUP, NOT_EFFECTIVE, evaluate
from audit.models import AuditEvent
from bench.generator import Generator
from budget.models import BudgetAllocation
from indicators.models import Target, Value, WorkGroupIndicator
from meetings.models import ActionItem, Meeting, Participant
from planning.models import Activity, WorkPlan
from regions.models import Region
from workgroups.models import Decree, Member, WorkGroup

YEAR = 2025
SMALL = {"provinces": ["73"], "scale": 0.1, "year": YEAR}


class _Rollback(Exception):
    pass


def _fingerprint():
    """Counts and sample rows that do not depend on ids or the time of the run."""
    return {
        "workgroups": list(
            WorkGroup.objects.order_by("region__code").values_list(
                "region__code", "name", "formed_on", "contact_name"
            )
        ),
        "members": list(
            Member.objects.order_by("workgroup__region__code", "name", "email").values_list(
                "workgroup__region__code", "name", "role", "institution__name"
            )
        ),
        "decrees": list(
            Decree.objects.order_by("workgroup__region__code", "valid_from").values_list(
                "workgroup__region__code", "number", "valid_from", "valid_until", "file"
            )
        ),
        "plans": list(
            WorkPlan.objects.order_by("workgroup__region__code", "year").values_list(
                "workgroup__region__code", "year", "status", "approved_on"
            )
        ),
        "activities": Activity.objects.count(),
        "budgets": list(
            BudgetAllocation.objects.order_by("workgroup__region__code", "year").values_list(
                "workgroup__region__code", "year", "amount", "realised"
            )
        ),
        "targets": list(
            Target.objects.order_by("region__code", "indicator__code", "year").values_list(
                "region__code", "indicator__code", "year", "value"
            )[:200]
        ),
        "values": Value.objects.count(),
        "value_sample": list(
            Value.objects.filter(region__code="73.06")
            .order_by("indicator__code", "year", "period")
            .values_list("indicator__code", "year", "period", "source", "value")
        ),
        "adoptions": WorkGroupIndicator.objects.count(),
        "meetings": list(
            Meeting.objects.order_by("region__code", "starts_at").values_list(
                "region__code", "title", "starts_at"
            )
        ),
        "participants": list(
            Participant.objects.order_by("meeting__starts_at", "name").values_list(
                "name", "attendance"
            )
        ),
        "items": list(
            ActionItem.objects.order_by("region__code", "due_date", "title").values_list(
                "assigned_region__code", "title", "due_date", "status"
            )
        ),
    }


def _generate_and_roll_back(seed):
    """Generate on the test database, read the fingerprint, then leave the database as it was
    (a fresh database for the next run)."""
    result = {}
    try:
        with transaction.atomic():
            result["counts"] = dict(Generator(seed=seed, **SMALL).run())
            result["fingerprint"] = _fingerprint()
            raise _Rollback
    except _Rollback:
        pass
    assert not WorkGroup.objects.exists()
    return result


@pytest.mark.django_db(transaction=False)
def test_same_seed_same_data_and_another_seed_other_data(regions):
    first = _generate_and_roll_back(7)
    second = _generate_and_roll_back(7)
    assert first["counts"] == second["counts"]
    assert first["fingerprint"] == second["fingerprint"]
    other = _generate_and_roll_back(8)
    assert other["fingerprint"]["workgroups"] != first["fingerprint"]["workgroups"]


@pytest.mark.django_db
def test_command_generates_a_realistic_mix_writes_one_audit_record_and_refuses_a_second_run(
    regions,
):
    call_command(
        "generate_national_data", "--seed", "1", "--provinces", "73", "--scale", "0.1",
        "--year", str(YEAR), stdout=io.StringIO(),
    )  # fmt: skip
    sulsel = [Region.objects.get(code="73"), *Region.objects.filter(parent__code="73")]
    # Only Sulsel: every region of it has indicator data, nothing outside it.
    assert Target.objects.exclude(region__code__startswith="73").count() == 0
    assert Target.objects.values("region").distinct().count() == len(sulsel)
    # Targets: 15 indicators × 5 years for every region.
    assert Target.objects.count() == len(sulsel) * 15 * 5
    # Each Pokja: members, five years of meetings with attendance and action items.
    workgroups = WorkGroup.objects.count()
    assert 0 < workgroups < len(sulsel)
    assert Member.objects.count() == workgroups * 2  # 25 members at scale 0.1
    assert Meeting.objects.count() == workgroups * 5  # 12 a year at scale 0.1 → 1 a year
    assert Participant.objects.count() == Meeting.objects.count() * 2
    assert ActionItem.objects.count() == Meeting.objects.count()
    # A mix of outcomes, as in a real province.
    statuses = {r.computed_status for r in evaluate(sulsel, YEAR).values()}
    assert statuses == {EFFECTIVE, NOT_EFFECTIVE, NO_WORKGROUP}
    # One audit record for the whole run (the synthetic catalogue indicators it adds are
    # audited one by one, like any catalogue change).
    (event,) = AuditEvent.objects.filter(code="bench.national_data_generated")
    assert not AuditEvent.objects.filter(action="create", model__startswith="workgroups.")
    assert event.changes["counts"]["workgroups.WorkGroup"] == workgroups
    with pytest.raises(CommandError, match="fresh database"):
        call_command("generate_national_data", "--seed", "1", "--provinces", "73")


@pytest.mark.django_db
def test_command_refuses_unknown_provinces_and_a_bad_scale(regions):
    with pytest.raises(CommandError, match="99"):
        call_command("generate_national_data", "--provinces", "99")
    with pytest.raises(CommandError, match="scale"):
        call_command("generate_national_data", "--scale", "0")
    assert not WorkGroup.objects.exists()
