"""Region names in the report PDFs are in their official form with their type (issue 22):
"Provinsi Sulawesi Selatan", never the bare "Sulawesi Selatan", also in the document title."""

from io import BytesIO

from pypdf import PdfReader

from reports.tests.test_profile import YEAR, gowa_pokja  # noqa: F401


def _title(content: bytes) -> str:
    return PdfReader(BytesIO(content)).metadata.title


def test_province_report_pdf_title_names_the_province_officially(personas, gowa_pokja):  # noqa: F811
    response = personas.client("sulsel_admin").get(f"/r/73/reports/indicators.pdf?year={YEAR}")
    assert response.status_code == 200
    assert _title(response.content) == f"Laporan Capaian Indikator Provinsi Sulawesi Selatan {YEAR}"


def test_regency_profile_pdf_title_names_the_regency_officially(personas, gowa_pokja):  # noqa: F811
    response = personas.client("gowa_member").get(f"/r/73.06/reports/profile.pdf?year={YEAR}")
    assert response.status_code == 200
    assert _title(response.content) == f"Profil Pokja Bangga Kencana Kabupaten Gowa {YEAR}"
