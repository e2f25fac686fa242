"""Property tests for Rupiah and date parsing (core.formats): any input gives a value or a
ValueError with a message, never another exception, and what Sipokja writes it reads back."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.formats import format_date_id, format_rupiah, parse_date, parse_rupiah

FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None)

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.text(alphabet="Rp.,- 0123456789juta"),
    st.dates(),
    st.datetimes(),
    st.decimals(allow_nan=False),
)


def _whole_rupiah(amount) -> bool:
    return isinstance(amount, int) and 0 <= amount <= 10**15


def _a_date(value) -> bool:
    return isinstance(value, datetime.date)


@pytest.mark.parametrize(
    "parse, valid", [(parse_rupiah, _whole_rupiah), (parse_date, _a_date)], ids=["rupiah", "date"]
)
@FUZZ
@given(raw=anything)
def test_a_parser_returns_its_value_or_a_value_error(parse, valid, raw):
    try:
        value = parse(raw)
    except ValueError as exc:
        assert str(exc)
    else:
        assert valid(value)


@FUZZ
@given(st.integers(min_value=0, max_value=10**15))
def test_formatted_rupiah_reads_back(amount):
    assert parse_rupiah(format_rupiah(amount)) == amount


@FUZZ
@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_formatted_dates_read_back(value):
    assert parse_date(format_date_id(value)) == value
    assert parse_date(value.strftime("%d/%m/%Y")) == value
    assert parse_date(value.isoformat()) == value
