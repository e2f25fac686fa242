"""Indonesia's three time zones. Meeting times are entered and printed in the organising
region's zone: WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9). The zone of a region code is known in
one place, regions.zones (the audit log reads it too)."""

from zoneinfo import ZoneInfo

from regions.zones import ABBREVIATIONS, WIB, WIT, WITA, zone_name_for_code

__all__ = ["ABBREVIATIONS", "WIB", "WIT", "WITA", "abbreviation", "region_timezone", "zone_name"]


def zone_name(region) -> str:
    return zone_name_for_code(region.code)


def region_timezone(region) -> ZoneInfo:
    return ZoneInfo(zone_name(region))


def abbreviation(region) -> str:
    return ABBREVIATIONS[zone_name(region)]
