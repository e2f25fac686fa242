"""What the property tests of the spreadsheet imports share: the Hypothesis settings and the
cells a spreadsheet may hold (empty, text, likely words, numbers, dates, booleans)."""

import datetime

from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from core.errors import DomainError

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def text(max_size=40):
    """Any printable text (no control characters or surrogates)."""
    return st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=max_size)


def cells(*, samples=(), max_int=10**12, text_cells=None):
    """Any cell of an uploaded sheet; `samples` are values a user is likely to type."""
    return st.one_of(
        st.none(),
        text() if text_cells is None else text_cells,
        *([st.sampled_from(list(samples))] if samples else []),
        st.integers(min_value=-(10**6), max_value=max_int),
        st.floats(allow_nan=False, allow_infinity=False),
        st.dates(min_value=datetime.date(1900, 3, 1), max_value=datetime.date(2100, 1, 1)),
        st.booleans(),
    )


def rows(cells, width: int):
    """Up to four rows of `width` cells."""
    return st.lists(st.lists(cells, min_size=width, max_size=width), max_size=4)


def imports_or_names_its_problems(run):
    """`run()` imports, or raises a DomainError whose message and every listed error say what is
    wrong; never another exception. Whatever it wrote is rolled back."""
    with transaction.atomic():
        try:
            run()
        except DomainError as exc:
            assert exc.message
            assert all(error["message"] for error in exc.errors)
        transaction.set_rollback(True)


def with_bad_row(good, rows, position, bad):
    """`good` rows, then the fuzzed `rows`, with the `bad` row inserted at `position`."""
    all_rows = good + rows
    all_rows.insert(min(position, len(all_rows)), bad)
    return all_rows
