"""Indonesian formats: Rupiah (`Rp 1.250.000`) and dates (`25 Juli 2023`)."""

import datetime
import re

from django.utils.translation import gettext as _

MONTHS_ID = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
_MONTH_LOOKUP = {name.lower(): i + 1 for i, name in enumerate(MONTHS_ID)}
_MONTH_LOOKUP.update({name.lower()[:3]: i + 1 for i, name in enumerate(MONTHS_ID)})
_MONTH_LOOKUP.update(
    {
        name: i + 1
        for i, name in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]  # fmt: skip
        )
    }
)
_MONTH_LOOKUP.update(
    {"agt": 8, "ags": 8, "des": 12, "okt": 10, "peb": 2, "nop": 11, "aug": 8, "oct": 10, "dec": 12}
)


def format_rupiah(amount) -> str:
    """`1250000` → `Rp 1.250.000`; None → `–` (missing is never shown as zero)."""
    if amount is None:
        return "–"
    amount = int(amount)
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp {abs(amount):,}".replace(",", ".")


def format_number(value, decimals=0) -> str:
    """Indonesian number format: `1.234,56`."""
    if value is None:
        return "–"
    text = f"{float(value):,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def format_percent(value, decimals=1) -> str:
    """`12.5` → `12,5%`: a percentage always with its sign and a fixed number of decimals
    (the same in tables, charts and exports); None → `–`."""
    if value is None or value == "":
        return "–"
    return f"{format_number(value, decimals)}%"


def format_date_id(value) -> str:
    """`2023-07-25` → `25 Juli 2023`, whatever the interface language (letters and reports)."""
    if value is None:
        return "–"
    if isinstance(value, datetime.datetime):
        value = value.date()
    return f"{value.day} {MONTHS_ID[value.month - 1]} {value.year}"


_RUPIAH = re.compile(r"^(?:rp\.?\s*)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,00?)?$", re.IGNORECASE)


def parse_rupiah(raw) -> int:
    """Parse a Rupiah amount: `1250000`, `1.250.000`, `Rp 1.250.000`, `Rp1.250.000,00`.

    Refuses negatives, decimals, words (`1,5 juta`) and ambiguous input with a clear message.
    """
    if isinstance(raw, bool):
        raise ValueError(_("Enter an amount in whole Rupiah, for example 1.250.000."))
    if isinstance(raw, int):
        value = raw
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise ValueError(_("Enter an amount in whole Rupiah, without cents."))
        value = int(raw)
    else:
        text = str(raw or "").strip()
        if not text:
            raise ValueError(_("Enter an amount in Rupiah."))
        if (
            text.startswith("-")
            or text.lower().startswith("rp -")
            or text.lower().startswith("rp-")
        ):
            raise ValueError(_("The amount cannot be negative."))
        match = _RUPIAH.match(text.replace(" ", "") if text.lower().startswith("rp") else text)
        if not match:
            raise ValueError(
                _("%(value)s is not an amount in Rupiah. Write digits only, for example 1.250.000.")
                % {"value": text}
            )
        value = int(match.group(1).replace(".", ""))
    if value < 0:
        raise ValueError(_("The amount cannot be negative."))
    if value > 10**15:
        raise ValueError(_("The amount is too large."))
    return value


_DATE_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_DATE_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")


def parse_date(raw) -> datetime.date:
    """Parse `25 Juli 2023`, `25/07/2023`, `25-07-2023` or `2023-07-25` (day before month)."""
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = str(raw or "").strip()
    invalid = ValueError(
        _("%(value)s is not a date. Write it as 25/07/2023 or 25 Juli 2023.") % {"value": text}
    )
    try:
        if m := _DATE_ISO.match(text):
            return datetime.date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DATE_NUMERIC.match(text):
            return datetime.date(int(m[3]), int(m[2]), int(m[1]))
        if m := _DATE_WORDS.match(text):
            month = _MONTH_LOOKUP.get(m[2].lower())
            if month:
                return datetime.date(int(m[3]), month, int(m[1]))
    except ValueError:
        raise invalid from None
    raise invalid
