"""Property tests for the indicator import (XLSX and CSV): any cells give a result or a
DomainError listing the problems, never another exception; a file with any bad row writes
nothing (no target, no value, no audit record)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.models import AuditEvent
from core.errors import DomainError
from indicators.models import Target, Value
from indicators.parsing import parse_number
from indicators.services import import_file
from indicators.tests.helpers import HEADER, csv_bytes, fileobj, xlsx_bytes
from regions.models import Region
from tests import fuzz
from tests.fuzz import FUZZ

pytestmark = pytest.mark.django_db

text = fuzz.text(max_size=30)
SAMPLES = ["73.06", "7306", "stunting", "tfr", "target", "realisasi", "2024-08", "20,5"]
cells = fuzz.cells(samples=SAMPLES, text_cells=text)
rows = fuzz.rows(cells, len(HEADER))
GOOD = [
    ["73.06", "stunting", 2024, "", "target", "20,5", "", "RPJMD"],
    ["73.06", "tfr", 2024, None, "realisasi", "2.31", "PK", ""],
]
BAD = ["73.06", "stunting", 2024, "", "target", "dua puluh", "", ""]


def _import(user, content, name):
    return import_file(
        by=user,
        fileobj=fileobj(content),
        filename=name,
        scope_region=Region.objects.get(code="73.06"),
    )


def _encode(cell_rows, name):
    if name.endswith(".csv"):
        return csv_bytes([["" if c is None else c for c in row] for row in cell_rows])
    return xlsx_bytes(cell_rows)


def _counts():
    return Target.objects.count(), Value.objects.count(), AuditEvent.objects.count()


@FUZZ
@given(rows=rows, name=st.sampled_from(["nilai.xlsx", "nilai.csv"]))
def test_any_cells_import_or_give_a_domain_error(personas, rows, name):
    fuzz.imports_or_names_its_problems(
        lambda: _import(personas.gowa_operator, _encode(rows, name), name)
    )


@FUZZ
@given(
    rows=rows,
    position=st.integers(min_value=0, max_value=6),
    name=st.sampled_from(["nilai.xlsx", "nilai.csv"]),
)
def test_a_file_with_a_bad_row_writes_nothing(personas, rows, position, name):
    all_rows = fuzz.with_bad_row(GOOD, rows, position, BAD)
    before = _counts()
    with pytest.raises(DomainError) as info:
        _import(personas.gowa_operator, _encode(all_rows, name), name)
    assert info.value.errors
    assert _counts() == before


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.one_of(cells, st.decimals(allow_nan=True), st.floats(allow_nan=True)))
def test_parse_number_gives_a_number_or_a_value_error(raw):
    try:
        value = parse_number(raw)
    except ValueError as exc:
        assert str(exc)
    else:
        assert value >= 0
