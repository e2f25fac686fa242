"""Indonesia's three time zones. Meeting times are entered and printed in the organising
region's zone: WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9)."""

from zoneinfo import ZoneInfo

WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
WIT = "Asia/Jayapura"

# Province codes (Kemendagri) by zone; every other province is WIB.
_WITA_PROVINCES = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT_PROVINCES = {"81", "82", "91", "92", "93", "94", "95", "96", "97"}

ABBREVIATIONS = {WIB: "WIB", WITA: "WITA", WIT: "WIT"}


def zone_name(region) -> str:
    province = region.code[:2]
    if province in _WIT_PROVINCES:
        return WIT
    if province in _WITA_PROVINCES:
        return WITA
    return WIB


def region_timezone(region) -> ZoneInfo:
    return ZoneInfo(zone_name(region))


def abbreviation(region) -> str:
    return ABBREVIATIONS[zone_name(region)]
