"""The recap PDF as a report (issue 22, item 6): the office letterhead with its logo, the
place-and-date line with the office's city, full month names, fonts that cover every glyph (no
"?" or replacement character), colour for status and the charts drawn on the server."""

import re
import subprocess

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessment.tests.test_recap_exports import YEAR, _pdftotext, _require, sulsel  # noqa: F401
from core.formats import MONTHS_ID
from core.longdates import long_date


def _tool(args, content, tmp_path) -> str:
    _require(args[0], "poppler-utils")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(content)
    return subprocess.run(
        [*args, str(pdf)], capture_output=True, check=True, timeout=60
    ).stdout.decode()


def _images(content, tmp_path) -> list[list[str]]:
    lines = _tool(["pdfimages", "-list"], content, tmp_path).splitlines()[2:]
    return [line.split() for line in lines if line.strip()]


def _fonts(content, tmp_path) -> list[str]:
    return _tool(["pdffonts"], content, tmp_path).splitlines()[2:]


def assert_report_grade(content, tmp_path, *, city):
    text = _pdftotext(content, tmp_path)
    flat = " ".join(text.split())
    assert f"{city}, {long_date(timezone.localdate(), language='id')}" in flat
    assert "?" not in flat and "\ufffd" not in flat
    short = re.findall(r"\b\d{1,2} (Jan|Feb|Mar|Apr|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des)\b", flat)
    assert not short, f"abbreviated months: {short}"
    assert any(month in flat for month in MONTHS_ID)
    fonts = _fonts(content, tmp_path)
    assert fonts and all("DejaVu" in line for line in fonts), fonts
    assert all(" yes " in f" {line} " for line in fonts)  # embedded
    assert "Halaman 1 dari" in flat
    return flat


def test_recap_pdf_has_logo_chart_city_and_full_dates(personas, sulsel, tmp_path):  # noqa: F811
    response = personas.client("sulsel_viewer").get(f"/r/73/assessment/matrix.pdf?year={YEAR}")
    assert response.status_code == 200
    flat = assert_report_grade(response.content, tmp_path, city="Makassar")
    # The charts: the effective kab/kota over five years and the criteria, drawn as SVG.
    assert "Kabupaten/kota dengan Pokja efektif per tahun" in flat
    assert all(str(year) in flat for year in range(YEAR - 4, YEAR + 1))
    assert "Capaian kriteria" in flat
    # The neutral default logo is embedded as an image.
    assert len(_images(response.content, tmp_path)) >= 1


def test_recap_pdf_carries_the_uploaded_logo_and_city(personas, sulsel, tmp_path):  # noqa: F811
    import io

    from PIL import Image

    from meetings.services import save_letterhead

    buffer = io.BytesIO()
    Image.new("RGB", (97, 61), (200, 30, 30)).save(buffer, "PNG")
    save_letterhead(
        region=sulsel,
        by=personas.sulsel_admin,
        city="Kota Uji",
        logo=SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png"),
    )
    response = personas.client("sulsel_viewer").get(f"/r/73/assessment/matrix.pdf?year={YEAR}")
    assert_report_grade(response.content, tmp_path, city="Kota Uji")
    sizes = [(row[3], row[4]) for row in _images(response.content, tmp_path)]
    assert ("97", "61") in sizes
