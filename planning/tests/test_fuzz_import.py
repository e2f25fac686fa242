"""Property tests for the activities import: any cells give activities or a DomainError listing
the problems, never another exception; a file with any bad row writes nothing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEvent
from core.errors import DomainError
from planning import services
from planning.models import Activity
from planning.tests import helpers as h
from tests import fuzz
from tests.fuzz import FUZZ

COLUMNS = 11
SAMPLES = ["Januari", "13", "Rp 1.000.000", "1,5 juta", "-5", "tfr", "Dinas Kesehatan"]
rows = fuzz.rows(fuzz.cells(samples=SAMPLES, max_int=10**16), COLUMNS)


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
    fuzz.imports_or_names_its_problems(
        lambda: services.import_activities(
            by=None, plan=plan, uploaded=h.filled_template(h.template_for(plan), rows)
        )
    )


@FUZZ
@given(rows=rows, position=st.integers(min_value=0, max_value=4))
def test_a_file_with_a_bad_row_writes_nothing(plan, rows, position):
    good = [h.activity_row("Rapat koordinasi A"), h.activity_row("Rapat koordinasi B")]
    bad = h.activity_row("Biaya", planned_cost="1,5 juta")
    all_rows = fuzz.with_bad_row(good, rows, position, bad)
    before = _counts()
    with pytest.raises(DomainError) as info:
        services.import_activities(
            by=None, plan=plan, uploaded=h.filled_template(h.template_for(plan), all_rows)
        )
    assert info.value.errors
    assert _counts() == before
