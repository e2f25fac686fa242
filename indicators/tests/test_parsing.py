import datetime
from decimal import Decimal

import pytest

from indicators.parsing import (
    format_period,
    parse_kind,
    parse_number,
    parse_period,
    parse_region_code,
    parse_source,
    parse_year,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2,18", "2.18"),
        ("2.18", "2.18"),
        (" 27,2 % ", "27.2"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        (2.18, "2.18"),
        (14, "14"),
        (Decimal("8.53"), "8.53"),
        ("0,123456", "0.1235"),
    ],
)
def test_parse_number_accepts_comma_and_point(raw, expected):
    assert parse_number(raw) == Decimal(expected)


@pytest.mark.parametrize(
    "raw", ["", None, "abc", "1,2,3", "2,18x", "-1", "-1,5", True, float("nan"), "1e5", "100000000"]
)
def test_parse_number_refuses_bad_input(raw):
    with pytest.raises(ValueError):
        parse_number(raw)


@pytest.mark.parametrize(
    ("raw", "expected"), [(2025, 2025), ("2025", 2025), (2025.0, 2025), ("2025.0", 2025)]
)
def test_parse_year(raw, expected):
    assert parse_year(raw) == expected


@pytest.mark.parametrize("raw", ["25", "1999", "2101", "dua ribu", 2025.5, None])
def test_parse_year_refuses_bad_input(raw):
    with pytest.raises(ValueError):
        parse_year(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, (2025, "")),
        ("", (2025, "")),
        ("2025", (2025, "")),
        (2025, (2025, "")),
        ("2025-03", (2025, "M03")),
        ("2025-3", (2025, "M03")),
        ("2025/12", (2025, "M12")),
        ("2025-Q1", (2025, "Q1")),
        ("2025-q4", (2025, "Q4")),
        ("2025 TW2", (2025, "Q2")),
        ("2025-TWIII", (2025, "Q3")),
        (datetime.datetime(2025, 3, 1), (2025, "M03")),
    ],
)
def test_parse_period(raw, expected):
    assert parse_period(raw, 2025) == expected


@pytest.mark.parametrize("raw", ["2025-13", "2025-Q5", "Maret", "2024-03"])
def test_parse_period_refuses_bad_or_other_year(raw):
    with pytest.raises(ValueError):
        parse_period(raw, 2025)


def test_parse_period_gives_the_year_when_the_year_column_is_empty():
    assert parse_period("2024-Q2", None) == (2024, "Q2")


@pytest.mark.parametrize(
    ("year", "period", "text"),
    [(2025, "", "2025"), (2025, "M03", "2025-03"), (2025, "Q1", "2025-Q1")],
)
def test_format_period_round_trips(year, period, text):
    assert format_period(year, period) == text
    assert parse_period(text, year) == (year, period)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("73.71", "73.71"),
        ("7371", "73.71"),
        (7371, "73.71"),
        (73, "73"),
        (" 73.06 ", "73.06"),
        (73.1, "73.10"),
        (73.71, "73.71"),
    ],
)
def test_parse_region_code(raw, expected):
    assert parse_region_code(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "73.7", "Makassar", "737100"])
def test_parse_region_code_refuses_bad_codes(raw):
    with pytest.raises(ValueError):
        parse_region_code(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("SSGI", "ssgi"),
        ("ski", "ski"),
        ("e-PPGBM", "eppgbm"),
        ("EPPGBM", "eppgbm"),
        ("PK", "pk"),
        ("Pendataan Keluarga", "pk"),
        ("Pendataan Keluarga (PK)", "pk"),
        ("Susenas", "susenas"),
        ("LF SP2020", "lf_sp2020"),
        ("lf_sp2020", "lf_sp2020"),
        ("Lainnya", "other"),
        ("other", "other"),
    ],
)
def test_parse_source(raw, expected):
    assert parse_source(raw) == expected


@pytest.mark.parametrize("raw", ["", None, "Riskesdas"])
def test_parse_source_refuses_unknown_sources(raw):
    with pytest.raises(ValueError):
        parse_source(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("target", "target"), ("Target", "target"), ("realisasi", "value"), ("value", "value")],
)
def test_parse_kind(raw, expected):
    assert parse_kind(raw) == expected


def test_parse_kind_refuses_other_words():
    with pytest.raises(ValueError):
        parse_kind("capaian")
