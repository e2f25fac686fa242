import datetime

from core.longdates import long_date, long_datetime, place_and_date
from regions.zones import zone_for_code


def test_full_dates_in_both_languages_and_the_three_zones():
    moment = datetime.datetime(2026, 12, 4, 1, 0, tzinfo=datetime.UTC)
    assert long_date(moment.date(), language="id") == "4 Desember 2026"
    assert long_date(moment.date(), language="en") == "4 December 2026"
    assert long_datetime(moment, *zone_for_code("73.06"), language="id") == (
        "Jumat, 4 Desember 2026 pukul 09.00 WITA"
    )
    assert long_datetime(moment, *zone_for_code("31"), language="id") == (
        "Jumat, 4 Desember 2026 pukul 08.00 WIB"
    )
    assert long_datetime(moment, *zone_for_code("91.01"), language="en") == (
        "Friday, 4 December 2026 at 10:00 WIT"
    )
    assert zone_for_code("")[1] == "WIB"
    assert place_and_date("Makassar", moment.date()) == "Makassar, 4 Desember 2026"
    assert long_date(None) == "–"
