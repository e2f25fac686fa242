"""Reading numbers, periods, sources and codes as people write them in spreadsheets and forms.

Every parser raises `ValueError` with a translated message that can be shown as is.
"""

import datetime
import math
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from indicators.models import VALUE_DECIMALS, VALUE_DIGITS, YEAR_MAX, YEAR_MIN, DataSource
from regions.codes import normalize_code

_QUANTUM = Decimal(1).scaleb(-VALUE_DECIMALS)
_LIMIT = Decimal(10) ** (VALUE_DIGITS - VALUE_DECIMALS)
_PLAIN_NUMBER = re.compile(r"^\d+(\.\d+)?$")
_THOUSANDS_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")


def _not_a_number(text):
    return ValueError(_("%(value)s is not a number. Write it like 2,18 or 2.18.") % {"value": text})


def parse_number(raw) -> Decimal:
    """`2,18`, `2.18`, `1.234,5`, `27,2 %` or a spreadsheet number → Decimal (4 places at most,
    rounded half up). Refuses negatives, words and numbers too large to store."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ValueError(_("Enter a number."))
    if isinstance(raw, bool):
        raise _not_a_number(raw)
    if isinstance(raw, Decimal):
        value = raw
    elif isinstance(raw, int):
        value = Decimal(raw)
    elif isinstance(raw, float):
        if not math.isfinite(raw):
            raise _not_a_number(raw)
        value = Decimal(repr(raw))
    else:
        original = str(raw).strip()
        text = original.replace("\u00a0", "").replace(" ", "")
        if text.endswith("%"):
            text = text[:-1]
        if text.startswith("-"):
            raise ValueError(_("The number cannot be negative."))
        if "," in text and "." in text:
            if text.rfind(",") > text.rfind("."):  # Indonesian: 1.234,56
                text = text.replace(".", "").replace(",", ".")
            else:  # English: 1,234.56
                text = text.replace(",", "")
        elif "," in text:
            if text.count(",") > 1:
                raise _not_a_number(original)
            text = text.replace(",", ".")
        elif text.count(".") > 1:
            if not _THOUSANDS_DOTS.match(text):
                raise _not_a_number(original)
            text = text.replace(".", "")
        if not _PLAIN_NUMBER.match(text):
            raise _not_a_number(original)
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise _not_a_number(original) from None
    if not value.is_finite():
        raise _not_a_number(raw)
    if value < 0:
        raise ValueError(_("The number cannot be negative."))
    if value >= _LIMIT:
        raise ValueError(_("The number is too large."))
    return value.quantize(_QUANTUM, rounding=ROUND_HALF_UP)


def parse_year(raw) -> int:
    def invalid():  # built only on failure: this runs once per imported row
        return ValueError(
            _("%(value)s is not a year between %(min)d and %(max)d.")
            % {"value": raw, "min": YEAR_MIN, "max": YEAR_MAX}
        )

    if isinstance(raw, bool) or raw is None:
        raise invalid()
    if isinstance(raw, float):
        if not raw.is_integer():
            raise invalid()
        raw = int(raw)
    if isinstance(raw, int):
        year = raw
    else:
        text = str(raw).strip()
        if text.endswith(".0"):
            text = text[:-2]
        if not text.isdigit():
            raise invalid()
        year = int(text)
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise invalid()
    return year


_PERIOD_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_PERIOD_QUARTER = re.compile(r"^(\d{4})[-/ ]?(?:Q|TW|TRIWULAN)[-\s]?([1-4]|I|II|III|IV)$")
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4"}


def parse_period(raw, year: int | None) -> tuple[int | None, str]:
    """Period cell → (year it names or None, stored period code).

    Empty or `2025` = the whole year (""), `2025-03` = March (`M03`), `2025-Q1` (also `2025 TW1`)
    = first quarter (`Q1`). A date cell (Excel turns `2025-03` into 1 March 2025) is its month.
    The year in the period must match the year column when both are given."""
    if isinstance(raw, datetime.datetime | datetime.date):
        named_year, period = raw.year, f"M{raw.month:02d}"
    elif raw is None or (isinstance(raw, str) and not raw.strip()):
        return year, ""
    else:
        if isinstance(raw, float) and raw.is_integer():
            raw = int(raw)
        text = str(raw).strip().upper()
        if text.isdigit() and len(text) == 4:
            named_year, period = int(text), ""
        elif m := _PERIOD_MONTH.match(text):
            month = int(m[2])
            if not 1 <= month <= 12:
                raise ValueError(_("%(value)s: the month must be 01 to 12.") % {"value": raw})
            named_year, period = int(m[1]), f"M{month:02d}"
        elif m := _PERIOD_QUARTER.match(text):
            named_year, period = int(m[1]), "Q" + _ROMAN.get(m[2], m[2])
        else:
            raise ValueError(
                _(
                    "%(value)s is not a period. Leave it empty or write 2025 for the year, "
                    "2025-03 for a month or 2025-Q1 for a quarter."
                )
                % {"value": raw}
            )
    if year is not None and named_year != year:
        raise ValueError(
            _("The period %(period)s is not in the year %(year)d.") % {"period": raw, "year": year}
        )
    return named_year, period


def format_period(year: int, period: str) -> str:
    """The spreadsheet form of a period: `2025`, `2025-03`, `2025-Q1`."""
    if not period:
        return str(year)
    if period.startswith("Q"):
        return f"{year}-{period}"
    return f"{year}-{period[1:]}"


def parse_region_code(raw) -> str:
    """`73.71`, `7371`, the number 7371, or 73.1 (a spreadsheet that turned `73.10` into a
    number) → `73.71` / `73.10`."""
    if isinstance(raw, bool) or raw is None:
        raise ValueError(_("Enter a region code such as 73.71."))
    if isinstance(raw, float):
        raw = str(int(raw)) if raw.is_integer() else f"{raw:.2f}"
    text = str(raw).strip()
    if not text:
        raise ValueError(_("Enter a region code such as 73.71."))
    try:
        return normalize_code(text)
    except ValueError:
        raise ValueError(
            _("%(value)s is not a region code. Write it like 73.71 or 7371.") % {"value": text}
        ) from None


# What people write in the source column → stored value.
SOURCE_NAMES = {
    DataSource.SSGI: "SSGI",
    DataSource.SKI: "SKI",
    DataSource.EPPGBM: "e-PPGBM",
    DataSource.PK: "PK",
    DataSource.SUSENAS: "Susenas",
    DataSource.LF_SP2020: "LF SP2020",
    DataSource.OTHER: "Lainnya",
}
_SOURCE_ALIASES = {
    "ssgi": DataSource.SSGI,
    "ski": DataSource.SKI,
    "eppgbm": DataSource.EPPGBM,
    "pk": DataSource.PK,
    "pendataankeluarga": DataSource.PK,
    "pendataankeluargapk": DataSource.PK,
    "susenas": DataSource.SUSENAS,
    "lfsp2020": DataSource.LF_SP2020,
    "longformsp2020": DataSource.LF_SP2020,
    "sp2020": DataSource.LF_SP2020,
    "other": DataSource.OTHER,
    "lainnya": DataSource.OTHER,
    "lainlain": DataSource.OTHER,
}


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def parse_source(raw) -> str:
    text = "" if raw is None else str(raw).strip()
    if not text:
        raise ValueError(_("Enter the data source of the value."))
    source = _SOURCE_ALIASES.get(_squash(text))
    if source is None:
        raise ValueError(
            _("%(value)s is not a known data source. Use one of: %(choices)s.")
            % {"value": text, "choices": ", ".join(SOURCE_NAMES.values())}
        )
    return source


TARGET = "target"
VALUE = "value"
KIND_NAMES = {TARGET: "target", VALUE: "realisasi"}
_KIND_ALIASES = {
    "target": TARGET,
    "sasaran": TARGET,
    "value": VALUE,
    "realisasi": VALUE,
    "realisation": VALUE,
    "realization": VALUE,
    "nilai": VALUE,
}


def parse_kind(raw) -> str:
    text = "" if raw is None else str(raw).strip()
    kind = _KIND_ALIASES.get(_squash(text))
    if kind is None:
        raise ValueError(_("%(value)s: write target or realisasi.") % {"value": text or "–"})
    return kind
