import datetime

import pytest

from core.formats import format_date_id, format_number, format_rupiah, parse_date, parse_rupiah


@pytest.mark.parametrize(
    ("value", "text"), [(1250000, "Rp 1.250.000"), (0, "Rp 0"), (999, "Rp 999"), (None, "–")]
)
def test_format_rupiah(value, text):
    assert format_rupiah(value) == text


def test_format_date_id():
    assert format_date_id(datetime.date(2023, 7, 25)) == "25 Juli 2023"


def test_format_number_uses_indonesian_separators():
    assert format_number(1234.5, 2) == "1.234,50"


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("1250000", 1250000),
        ("1.250.000", 1250000),
        ("Rp 1.250.000", 1250000),
        ("Rp1.250.000,00", 1250000),
        (1250000, 1250000),
        (1250000.0, 1250000),
    ],
)
def test_parse_rupiah_accepts(raw, value):
    assert parse_rupiah(raw) == value


@pytest.mark.parametrize(
    "raw", ["1,5 juta", "-500000", "Rp -500.000", "12.34", "1.5", "abc", "", None, 1.5, "1.250.00"]
)
def test_parse_rupiah_refuses(raw):
    with pytest.raises(ValueError):
        parse_rupiah(raw)


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("25 Juli 2023", datetime.date(2023, 7, 25)),
        ("25/07/2023", datetime.date(2023, 7, 25)),
        ("2023-07-25", datetime.date(2023, 7, 25)),
        ("1 Agustus 2024", datetime.date(2024, 8, 1)),
    ],
)
def test_parse_date_accepts(raw, value):
    assert parse_date(raw) == value


@pytest.mark.parametrize("raw", ["31/02/2023", "Juli 2023", "2023/07/25", "25 Juliii 2023", ""])
def test_parse_date_refuses(raw):
    with pytest.raises(ValueError):
        parse_date(raw)
