"""The BKKBN capaian formula (docs/domain.md §5) against published figures, in both directions."""

from decimal import Decimal

import pytest

from indicators.achievement import Grade, achievement, grade, grade_label


@pytest.mark.parametrize(
    ("value", "target", "direction", "expected"),
    [
        # Bangka Belitung 2025 (pantau.com): lower is better
        ("2.18", "2.21", "lower", "101.36"),  # TFR
        ("32.2", "29", "lower", "88.97"),  # ASFR 15–19
        ("8.0", "8.53", "lower", "106.21"),  # unmet need
        # Bali (tribunnews): lower is better
        ("20", "17.4", "lower", "85.06"),  # ASFR 15–19
        ("10.6", "10.9", "lower", "102.75"),  # unmet need
        # National 2023 (radarbangka): higher is better
        ("22.3", "22.1", "higher", "100.90"),  # MUKP
        # iBangga 61.43 / 59 = 104.1186…: half-up to 104.12 (docs/domain.md quotes 104.11, ±0.05)
        ("61.43", "59", "higher", "104.12"),
    ],
)
def test_achievement_reproduces_published_figures(value, target, direction, expected):
    assert achievement(Decimal(value), Decimal(target), direction) == Decimal(expected)


def test_achievement_higher_is_better_is_ratio_times_hundred():
    assert achievement(Decimal("63.41"), Decimal("63.41"), "higher") == Decimal("100.00")
    assert achievement(Decimal("50"), Decimal("100"), "higher") == Decimal("50.00")


def test_achievement_lower_is_better_rewards_values_below_target():
    assert achievement(Decimal("7"), Decimal("14"), "lower") == Decimal("150.00")
    assert achievement(Decimal("28"), Decimal("14"), "lower") == Decimal("0.00")


def test_achievement_rounds_half_up_to_two_places():
    # 0.100050 × 100 = 10.005 → 10.01 (half up); 0.100049 × 100 = 10.0049 → 10.00
    assert achievement(Decimal("0.100050"), Decimal("1"), "higher") == Decimal("10.01")
    assert achievement(Decimal("0.100049"), Decimal("1"), "higher") == Decimal("10.00")


def test_achievement_accepts_strings_and_numbers():
    assert achievement("2.18", 2.21, "lower") == Decimal("101.36")


@pytest.mark.parametrize(
    ("value", "target"), [(None, "2.21"), ("2.18", None), (None, None), ("", "2")]
)
def test_achievement_missing_value_or_target_is_none_not_zero(value, target):
    assert achievement(value, target, "lower") is None


def test_achievement_zero_target_is_none():
    assert achievement(Decimal("5"), Decimal("0"), "higher") is None
    assert achievement(Decimal("5"), Decimal("0"), "lower") is None


def test_achievement_unknown_direction_is_refused():
    with pytest.raises(ValueError):
        achievement(1, 1, "sideways")


@pytest.mark.parametrize(
    ("score", "expected"),
    [
        ("150", Grade.VERY_GOOD),
        ("90", Grade.VERY_GOOD),
        ("90.00", Grade.VERY_GOOD),
        ("89.99", Grade.GOOD),
        ("80", Grade.GOOD),
        ("79.99", Grade.FAIR),
        ("70", Grade.FAIR),
        ("69.99", Grade.POOR),
        ("0", Grade.POOR),
        ("-20", Grade.POOR),
    ],
)
def test_grade_boundaries_are_exact(score, expected):
    assert grade(Decimal(score)) == expected


def test_grade_of_missing_achievement_is_none():
    assert grade(None) is None
    assert grade_label(None) is None


def test_grade_labels_are_indonesian_by_default(settings):
    from django.utils import translation

    with translation.override("id"):
        assert grade_label(Decimal("101.36")) == "Sangat Baik"
        assert grade_label(Decimal("88.97")) == "Baik"
        assert grade_label(Decimal("75")) == "Cukup"
        assert grade_label(Decimal("50")) == "Kurang"
    with translation.override("en"):
        assert grade_label(Decimal("88.97")) == "Good"
