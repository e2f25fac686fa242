"""Kemendagri region codes: stored as `73` (province) and `73.71` (kab/kota); `7371` is accepted."""

import re

_DOTTED = re.compile(r"^\d{2}(\.\d{2})?$")
_PLAIN = re.compile(r"^\d{2}(\d{2})?$")


def normalize_code(raw: str) -> str:
    """Return the stored form of a region code, or raise ValueError."""
    value = (raw or "").strip()
    if _DOTTED.match(value):
        return value
    if _PLAIN.match(value):
        return value if len(value) == 2 else f"{value[:2]}.{value[2:]}"
    raise ValueError(f"not a province or kab/kota code: {raw!r}")
