"""Helpers of the budget tests (the allocation builders are in planning/tests/helpers.py)."""

# A regency's own calendar of the 2027 budget as the form takes it: the KUA-PPAS on 14 August
# 2026, warned 4 weeks before.
CALENDAR_2027 = {
    "rkpd_from": "02-01-2026",
    "rkpd_until": "29-05-2026",
    "kua_ppas": "14-08-2026",
    "rapbd": "30-11-2026",
    "warn_weeks": "4",
}
