"""Letter-number patterns: `{klasifikasi}/{urut}/{unit}/{bulan_romawi}/{tahun}` and the like.

Placeholders (documented in docs/letters.md):
    {klasifikasi}   archive classification code of the letter type (e.g. 400.13)
    {urut}          serial number in the office's register for the year (1, 2, …)
    {urut3}         the same, at least three digits (001, 002, …)
    {unit}          the office's unit code (e.g. DPPKB)
    {bulan_romawi}  month of the letter in Roman numerals (I … XII)
    {bulan}         month in two digits (01 … 12)
    {tahun}         year (2025)
"""

import datetime
import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

PLACEHOLDERS = ("klasifikasi", "urut", "urut3", "unit", "bulan_romawi", "bulan", "tahun")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ALLOWED_TEXT = re.compile(r"^[A-Za-z0-9./\- ]*$")


def check_pattern(pattern: str) -> str:
    """The pattern, stripped; ValidationError (Indonesian message) when it names an unknown
    placeholder, lacks the serial number, or holds characters that do not belong in a number."""
    pattern = (pattern or "").strip()
    if not pattern:
        raise ValidationError(_("Write the number pattern."), code="required")
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError:
        raise ValidationError(
            _("The pattern has an unbalanced brace. Write placeholders as {urut}."), code="syntax"
        ) from None
    names = []
    for literal, name, spec, conversion in parts:
        if not _ALLOWED_TEXT.match(literal):
            raise ValidationError(
                _(
                    "Between placeholders write only letters, digits, dots, slashes, hyphens "
                    "and spaces."
                ),
                code="characters",
            )
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise ValidationError(
                _("Unknown placeholder {%(name)s}. Use: %(known)s.")
                % {"name": name, "known": ", ".join("{" + p + "}" for p in PLACEHOLDERS)},
                code="placeholder",
            )
        names.append(name)
    if "urut" not in names and "urut3" not in names:
        raise ValidationError(
            _("The pattern must contain the serial number {urut}, or numbers would repeat."),
            code="serial",
        )
    return pattern


def format_number(
    pattern: str, *, serial: int, classification: str, unit: str, on: datetime.date
) -> str:
    """The letter number for this serial; empty parts (no unit code) leave no double slash."""
    values = {
        "klasifikasi": classification,
        "urut": str(serial),
        "urut3": f"{serial:03d}",
        "unit": unit,
        "bulan_romawi": ROMAN_MONTHS[on.month - 1],
        "bulan": f"{on.month:02d}",
        "tahun": str(on.year),
    }
    number = pattern.format(**values)
    number = re.sub(r"/{2,}", "/", number).strip("/ ")
    return re.sub(r"\s{2,}", " ", number)
