"""Showing indicator numbers the Indonesian way (`2,18`, `1.234,5`), achievements and grades.
A missing number is shown as "–" with the words "no data yet" for screen readers, never as 0."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from indicators.achievement import Grade
from indicators.achievement import grade as grade_of

register = template.Library()


def format_decimal(value, decimals: int = 2) -> str:
    """Decimal → `1.234,56` with `decimals` places, rounded half up."""
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    decimals = max(0, int(decimals))
    quantum = Decimal(1).scaleb(-decimals)
    text = format(value.quantize(quantum, rounding=ROUND_HALF_UP), f",.{decimals}f")
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def missing():
    return format_html(
        '<span class="missing" title="{}">–<span class="visually-hidden"> {}</span></span>',
        _("no data yet"),
        _("no data yet"),
    )


@register.filter
def num(value, decimals=2):
    """`{{ value|num:indicator.decimals }}`."""
    if value is None or value == "":
        return missing()
    return format_decimal(value, decimals)


@register.filter
def pct(value):
    """An achievement: `101,36%`."""
    if value is None:
        return missing()
    return f"{format_decimal(value, 2)}%"


@register.filter
def grade_badge(value):
    """A grade (Grade, its value, or an achievement number) as a coloured label."""
    if value is None or value == "":
        return missing()
    if isinstance(value, Decimal | int | float):
        value = grade_of(value)
    value = Grade(value)
    return format_html('<mark class="grade grade-{}">{}</mark>', value.value, value.label)


@register.filter
def get_item(mapping, key):
    """`{{ mapping|get_item:key }}`; None when absent."""
    return mapping.get(key) if mapping else None
