"""Property tests for the members import: any cells give members or a DomainError listing the
problems, never another exception; a file with any bad row writes nothing (no member, no
institution, no audit record)."""

from hypothesis import given
from hypothesis import strategies as st

from audit.models import AuditEvent
from core.errors import DomainError
from tests import fuzz
from tests.fuzz import FUZZ
from workgroups import services
from workgroups.models import Institution, Member
from workgroups.tests.helpers import FIELDS, build_xlsx, member_row

rows = fuzz.rows(fuzz.cells(), len(FIELDS))


def _counts():
    return Member.objects.count(), Institution.objects.count(), AuditEvent.objects.count()


def _upload(cell_rows):
    return build_xlsx([dict(zip(FIELDS, row, strict=True)) for row in cell_rows])


@FUZZ
@given(rows=rows)
def test_any_cells_import_or_give_a_domain_error(gowa_pokja, rows):
    fuzz.imports_or_names_its_problems(
        lambda: services.import_members(by=None, workgroup=gowa_pokja, uploaded=_upload(rows))
    )


@FUZZ
@given(rows=rows, position=st.integers(min_value=0, max_value=4))
def test_a_file_with_a_bad_row_writes_nothing(gowa_pokja, rows, position):
    good = [[member_row(90 + i)[field] for field in FIELDS] for i in range(2)]
    bad = [member_row(99, role="Bukan peran")[field] for field in FIELDS]
    all_rows = fuzz.with_bad_row(good, rows, position, bad)
    before = _counts()
    try:
        services.import_members(by=None, workgroup=gowa_pokja, uploaded=_upload(all_rows))
    except DomainError as exc:
        assert exc.errors
    else:
        raise AssertionError("a file with a bad row was imported")
    assert _counts() == before
