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


def test_invitation_pdf_of_a_kab_kota_prints_the_default_logo_and_its_town(regions, tmp_path):
    import datetime
    import subprocess
    from zoneinfo import ZoneInfo

    from meetings import services
    from meetings.pdf import invitation_pdf
    from reports.tests.helpers import pdf_text, require_tool

    start = datetime.datetime(2026, 12, 10, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    meeting = services.create_meeting(
        region=h.region("73.06"), by=None, title="Rapat Pokja", starts_at=start,
        ends_at=start + datetime.timedelta(hours=3), venue="Aula Kantor Bupati",
        letter_number="400/1/2026", letter_date=datetime.date(2026, 12, 4),
    )  # fmt: skip
    pdf = invitation_pdf(meeting)
    text = pdf_text(pdf)
    assert "Gowa, 4 Desember 2026" in text
    assert "\ufffd" not in text and "?" not in text
    require_tool("pdfimages")
    path = tmp_path / "undangan.pdf"
    path.write_bytes(pdf)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, check=True, timeout=60
    ).stdout.decode()
    assert len(listing.splitlines()) >= 3  # header lines and at least the logo
