"""Checks of a value and a period, shared by forms, the API and imports."""

from decimal import Decimal

from django.utils.translation import gettext as _

from core.errors import DomainError
from indicators.models import Indicator, period_kind


def check_value(indicator: Indicator, value: Decimal) -> None:
    """Raise ValueError when `value` cannot be a value of `indicator` (above its maximum)."""
    if indicator.max_value is not None and value > indicator.max_value:
        raise ValueError(
            _("%(value)s is above the largest possible value of %(indicator)s (%(max)s).")
            % {
                "value": _plain(value),
                "indicator": indicator.code,
                "max": _plain(indicator.max_value),
            }
        )


def check_period(indicator: Indicator, period: str) -> None:
    kind = period_kind(period)
    if kind not in indicator.allowed_period_kinds():
        raise ValueError(
            _("%(indicator)s is recorded %(periodicity)s; a %(kind)s value is not possible.")
            % {
                "indicator": indicator.code,
                "periodicity": indicator.get_periodicity_display().lower(),
                "kind": {"month": _("monthly"), "quarter": _("quarterly"), "year": _("yearly")}[
                    kind
                ],
            }
        )


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _domain_error(exc: ValueError, field_name: str) -> DomainError:
    return DomainError(str(exc), errors=[{"field": field_name, "message": str(exc)}])
