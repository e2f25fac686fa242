"""Indonesia's three time zones by region code: WIB (UTC+7), WITA (UTC+8), WIT (UTC+9).

A region knows its zone from its province code (Kemendagri); a record without a region is shown
in WIB, the zone of the capital."""

from zoneinfo import ZoneInfo

WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
WIT = "Asia/Jayapura"

_WITA_PROVINCES = frozenset(
    {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
)
_WIT_PROVINCES = frozenset({"81", "82", "91", "92", "93", "94", "95", "96", "97"})

ABBREVIATIONS = {WIB: "WIB", WITA: "WITA", WIT: "WIT"}


def zone_name_for_code(code: str) -> str:
    province = (code or "")[:2]
    if province in _WIT_PROVINCES:
        return WIT
    if province in _WITA_PROVINCES:
        return WITA
    return WIB


def zone_for_code(code: str) -> tuple[ZoneInfo, str]:
    """The zone of the region `code` and its abbreviation: (ZoneInfo("Asia/Makassar"), "WITA")."""
    name = zone_name_for_code(code)
    return ZoneInfo(name), ABBREVIATIONS[name]
