"""Property tests for the activities import: any cells give activities or a DomainError listing
the problems, never another exception; a file with any bad row writes nothing."""

import datetime

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from core.errors import DomainError
from planning import services
from planning.models import Activity
from planning.tests import helpers as h

COLUMNS = 11
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
cells = st.one_of(
    st.none(),
    st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=40),
    st.sampled_from(["Januari", "13", "Rp 1.000.000", "1,5 juta", "-5", "tfr", "Dinas Kesehatan"]),
    st.integers(min_value=-(10**6), max_value=10**16),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
    st.booleans(),
)
rows = st.lists(st.lists(cells, min_size=COLUMNS, max_size=COLUMNS), max_size=4)


@pytest.fixture
def plan(personas):
    h.institution("73.06", "Dinas Kesehatan")
    h.indicator("tfr")
    h.subgroup()
    return h.plan("73.06", activities=1)


def _counts():
    return Activity.objects.count(), AuditEvent.objects.count()


@FUZZ
@given(rows=rows)
def test_any_cells_import_or_give_a_domain_error(plan, rows):
    with transaction.atomic():
        try:
            services.import_activities(
                by=None, plan=plan, uploaded=h.filled_template(h.template_for(plan), rows)
            )
        except DomainError as exc:
            assert exc.message
            assert all(error["message"] for error in exc.errors)
        transaction.set_rollback(True)


@FUZZ
@given(rows=rows, position=st.integers(min_value=0, max_value=4))
def test_a_file_with_a_bad_row_writes_nothing(plan, rows, position):
    all_rows = [h.activity_row("Rapat koordinasi A"), h.activity_row("Rapat koordinasi B")] + rows
    all_rows.insert(min(position, len(all_rows)), h.activity_row("Biaya", planned_cost="1,5 juta"))
    before = _counts()
    with pytest.raises(DomainError) as info:
        services.import_activities(
            by=None, plan=plan, uploaded=h.filled_template(h.template_for(plan), all_rows)
        )
    assert info.value.errors
    assert _counts() == before
