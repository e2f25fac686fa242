"""The synthetic national data generator, at a tiny scale (one province, a tenth of the rows)."""

import datetime
import io
from collections import Counter
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from assessment.engine import EFFECTIVE, NO_WORKGROUP, NOT_EFFECTIVE, evaluate
from audit.models import AuditEvent
from bench.generator import Generator
from bench.rows import insert_rows
from budget.models import BudgetAllocation
from indicators.models import Indicator, Target, Value, WorkGroupIndicator
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


# What the generator wrote when every row went through `bulk_create` (before `insert_rows`):
# the faster writer must write the same data for the same seed.
PINNED = {
    "budget.BudgetAllocation": 238, "indicators.Target": 6450, "indicators.Value": 44290,
    "indicators.WorkGroupIndicator": 3855, "meetings.ActionItem": 1200, "meetings.Meeting": 600,
    "meetings.Participant": 3000, "planning.Activity": 932, "planning.Activity_indicators": 932,
    "planning.WorkPlan": 233, "workgroups.Decree": 57, "workgroups.Institution": 450,
    "workgroups.Member": 150, "workgroups.WorkGroup": 30, "workgroups.WorkGroup_subgroups": 120,
}  # fmt: skip
PINNED_STATUSES = {EFFECTIVE: 10, NO_WORKGROUP: 13, NOT_EFFECTIVE: 20}


@pytest.mark.django_db
def test_seed_one_gives_the_counts_and_statuses_it_always_gave(regions):
    counts = Generator(seed=1, provinces=["73", "74"], scale=0.2, year=YEAR, history=2).run()
    assert dict(counts) == PINNED
    assert {label: apps.get_model(label).objects.count() for label in PINNED} == PINNED
    results = evaluate(Region.objects.filter(code__regex=r"^7[34]"), YEAR)
    assert Counter(r.computed_status for r in results.values()) == PINNED_STATUSES


def _rows(queryset):
    """The rows as the database stores them (read without the model's conversions), without
    ids and creation times."""
    meta = queryset.model._meta
    columns = [
        f.column
        for f in meta.concrete_fields
        if f.attname not in ("id", "meeting_id", "created_at", "updated_at")
    ]
    pks = list(queryset.order_by("pk").values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(columns)} FROM {meta.db_table} WHERE id IN "
            f"({', '.join(['%s'] * len(pks))}) ORDER BY id",
            pks,
        )
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


@pytest.mark.django_db
def test_insert_rows_writes_what_bulk_create_writes(regions):
    """Defaults, aware datetimes, dates, decimals and nulls as `bulk_create` stores them; with
    `returning`, the new ids in the order of the rows."""
    gowa, sulsel = regions["73.06"], regions["73"]
    start = datetime.datetime(2025, 3, 4, 1, 30, tzinfo=datetime.UTC)
    hours = datetime.timedelta(hours=3)
    meetings = [
        ("Rapat satu", start, sulsel.pk),
        ("Rapat dua", start + datetime.timedelta(days=40, hours=5), gowa.pk),
    ]
    created = Meeting.objects.bulk_create(
        [
            Meeting(title=t, starts_at=s, ends_at=s + hours, venue="Aula", region_id=r)
            for t, s, r in meetings
        ]
    )
    ids = insert_rows(
        Meeting, ("title", "starts_at", "ends_at", "venue", "region_id"),
        [(t, s, s + hours, "Aula", r) for t, s, r in meetings], returning=True,
    )  # fmt: skip
    assert [Meeting.objects.get(pk=pk).title for pk in ids] == ["Rapat satu", "Rapat dua"]
    assert _rows(Meeting.objects.filter(pk__in=ids)) == _rows(
        Meeting.objects.filter(pk__in=[m.pk for m in created])
    )
    items = [
        (gowa.pk, "Kirim data", datetime.date(2025, 4, 30), "done", start, gowa.pk),
        (sulsel.pk, "Susun laporan", datetime.date(2026, 1, 2), "open", None, gowa.pk),
    ]
    ActionItem.objects.bulk_create([
        ActionItem(region_id=r, meeting=created[0], title=t, due_date=d, status=s, closed_at=c,
                   assigned_region_id=a)
        for r, t, d, s, c, a in items
    ])  # fmt: skip
    insert_rows(
        ActionItem,
        ("region_id", "meeting_id", "title", "due_date", "status", "closed_at",
         "assigned_region_id"),
        [(r, ids[0], t, d, s, c, a) for r, t, d, s, c, a in items],
    )  # fmt: skip
    assert _rows(ActionItem.objects.filter(meeting_id=ids[0])) == _rows(
        ActionItem.objects.filter(meeting=created[0])
    )
    indicator = Indicator.objects.order_by("pk").first()
    Value.objects.bulk_create(
        [Value(region=gowa, indicator=indicator, year=2024, value=Decimal("2.15"), source="pk")]
    )
    insert_rows(
        Value, ("region_id", "indicator_id", "year", "value", "source"),
        [(gowa.pk, indicator.pk, 2025, Decimal("2.15"), "pk")],
    )  # fmt: skip
    first, second = _rows(Value.objects.filter(region=gowa))
    assert first == {**second, "year": 2024}
