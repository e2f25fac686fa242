"""The profile and indicator PDFs as reports (issue 22, item 6): the letterhead's logo, the
place-and-date line with the office's city, the charts drawn on the server, DejaVu fonts only,
no replacement glyph."""

from assessment.tests.test_recap_print import _images, assert_report_grade
from reports.tests.test_profile import YEAR, gowa_pokja  # noqa: F401


def test_profile_pdf_has_logo_city_charts(personas, gowa_pokja, tmp_path):  # noqa: F811
    response = personas.client("gowa_member").get(f"/r/73.06/reports/profile.pdf?year={YEAR}")
    assert response.status_code == 200
    flat = assert_report_grade(response.content, tmp_path, city="Gowa")
    assert "Kriteria efektivitas yang terpenuhi per tahun" in flat
    assert "Capaian indikator terhadap target (%)" in flat
    assert "110,00 %" in flat  # the chart's value, with the table's two decimals
    assert len(_images(response.content, tmp_path)) >= 1


def test_indicator_report_pdf_has_logo_and_city(personas, gowa_pokja, tmp_path):  # noqa: F811
    response = personas.client("sulsel_admin").get(f"/r/73/reports/indicators.pdf?year={YEAR}")
    assert response.status_code == 200
    assert_report_grade(response.content, tmp_path, city="Makassar")
    assert len(_images(response.content, tmp_path)) >= 1
