"""The letterhead every PDF prints (meetings.kop): the region's logo, else its province's, else
the neutral default; the city of the place-and-date line."""

import base64

from meetings.kop import DEFAULT_LOGO, default_logo, kop
from meetings.tests import helpers as h


def test_kab_kota_without_letterhead_prints_the_province_logo_and_its_own_town(regions):
    h.letterhead("73")
    parts = kop(h.region("73.06"))
    assert parts["logo"].startswith("data:image/png;base64,")
    assert parts["logo"] != default_logo()
    assert parts["city"] == "Gowa"
    assert parts["header_line"].startswith("KEMENTERIAN")
    assert parts["office_name"] == "Perwakilan BKKBN Provinsi Sulawesi Selatan"


def test_without_any_upload_the_neutral_default_logo_and_the_capital(regions):
    parts = kop(h.region("73"))
    assert parts["logo"] == default_logo()
    assert base64.b64decode(parts["logo"].split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    assert DEFAULT_LOGO.endswith(".png")
    assert parts["city"] == "Makassar"
    assert kop(h.region("71"))["city"] == "Manado"
    assert kop(h.region("73.71"))["city"] == "Makassar"
