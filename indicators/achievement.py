"""Achievement (capaian) and grade, the way BKKBN reports them (docs/domain.md §5).

- higher is better: capaian = realisation / target × 100
- lower is better:  capaian = (2 − realisation / target) × 100
  (derived from published figures; it reproduces e.g. Babel TFR 2.18 against 2.21 → 101.36)
- grades (Surat Sestama 458/RC.06/B1/2019): ≥ 90 Sangat Baik, 80–89 Baik, 70–79 Cukup, < 70 Kurang

A missing target or value gives no achievement (None), never zero; so does a target of 0.
The result is rounded half up to two decimals, as the published figures are. For lower-is-better
indicators a value far above the target gives a low or even negative achievement, as the formula
says; it is not clamped.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.db import models
from django.utils.translation import pgettext_lazy

TWO_PLACES = Decimal("0.01")


class Grade(models.TextChoices):
    VERY_GOOD = "very_good", pgettext_lazy("achievement grade", "Very good")
    GOOD = "good", pgettext_lazy("achievement grade", "Good")
    FAIR = "fair", pgettext_lazy("achievement grade", "Fair")
    POOR = "poor", pgettext_lazy("achievement grade", "Poor")


# Lower bounds, checked from the top: 89.99 is "Baik", 90.00 is "Sangat Baik".
GRADE_BOUNDS = [
    (Decimal("90"), Grade.VERY_GOOD),
    (Decimal("80"), Grade.GOOD),
    (Decimal("70"), Grade.FAIR),
]


def _decimal(number) -> Decimal | None:
    if number is None or number == "":
        return None
    if isinstance(number, Decimal):
        return number
    try:
        return Decimal(str(number))
    except (InvalidOperation, ValueError):
        return None


def achievement(value, target, direction) -> Decimal | None:
    """Capaian in percent, rounded half up to 2 places; None when value or target is missing
    or the target is 0. `direction` is "higher" or "lower" (`Indicator.Direction`)."""
    value, target = _decimal(value), _decimal(target)
    if value is None or target is None or target == 0:
        return None
    ratio = value / target
    if direction == "lower":
        result = (2 - ratio) * 100
    elif direction == "higher":
        result = ratio * 100
    else:
        raise ValueError(f"unknown direction {direction!r}")
    return result.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def is_negative(score) -> bool:
    """A negative achievement: on a lower-is-better indicator the realisation is more than twice
    the target, so (2 − realisation / target) × 100 is below zero (e.g. Jeneponto stunting 39.8 %
    against 14 % → −84.29). Pages and reports explain it with `NEGATIVE_NOTE`."""
    score = _decimal(score)
    return score is not None and score < 0


NEGATIVE_NOTE = (
    "Capaian negatif: realisasi lebih dari dua kali target pada indikator yang makin rendah makin"
    " baik, sehingga (2 − realisasi ÷ target) × 100 di bawah nol. Ini bukan kesalahan."
)


def grade(score) -> Grade | None:
    """The grade of an achievement; None when the achievement is missing."""
    score = _decimal(score)
    if score is None:
        return None
    for bound, result in GRADE_BOUNDS:
        if score >= bound:
            return result
    return Grade.POOR


def grade_label(score) -> str | None:
    result = grade(score)
    return None if result is None else str(result.label)
