"""Acceptance of the recap "Rekapitulasi Efektivitas Pokja Bangga Kencana" (issue #8): the PDF,
read with pdftotext, lists all 24 kab/kota of Sulsel and the summary; the .xlsx, converted to CSV
by LibreOffice, holds the same statuses and totals as the matrix page."""

import csv
import os
import re
import shutil
import subprocess
import uuid
from html.parser import HTMLParser
from pathlib import Path

import pytest

from assessment import services
from assessment.tests.factories import make_pokja
from core.tests.helpers import assert_contains
from regions.models import Region

YEAR = 2025
SYMBOLS = "✔✘?○"
# Column names of the matrix page that the sheet words differently.
SHEET_COLUMN = {"Status": "Status (hitung)"}


def _require(tool, what):
    if shutil.which(tool) is None:
        if os.environ.get("SIPOKJA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{tool} not found ({what})")
        pytest.skip(f"{tool} is not installed")


@pytest.fixture
def sulsel(personas):
    """Kab/kota in every state: effective and verified, effective, expired SK, draft plan,
    no budget; the other 19 have no Pokja."""
    make_pokja("73.06", YEAR)  # Gowa
    make_pokja("73.71", YEAR)  # Makassar
    make_pokja("73.08", YEAR, decree="expired")  # Bone
    make_pokja("73.09", YEAR, plan="draft")  # Maros
    make_pokja("73.72", YEAR, budget=None)  # Parepare
    gowa = Region.objects.get(code="73.06")
    assessment = services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    services.decide(by=personas.sulsel_admin, assessment=assessment)
    province = Region.objects.get(code="73")
    province.office_name = ""
    province.office_address = "Jl. Andi Pangeran Pettarani No. 1, Makassar"
    province.office_phone = "0411-123456"
    province.save()
    return province


def _pdftotext(content: bytes, tmp_path: Path) -> str:
    _require("pdftotext", "poppler-utils")
    pdf = tmp_path / "recap.pdf"
    pdf.write_bytes(content)
    result = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, timeout=60
    )
    return result.stdout.decode()


def _xlsx_to_csv(content: bytes, tmp_path: Path) -> list[list[str]]:
    _require("libreoffice", "LibreOffice")
    source = tmp_path / "recap.xlsx"
    source.write_bytes(content)
    profile = Path(f"/tmp/lo-{uuid.uuid4()}")
    try:
        subprocess.run(
            [
                "libreoffice",
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76",
                "--outdir",
                str(tmp_path),
                str(source),
            ],
            capture_output=True,
            check=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    with open(tmp_path / "recap.csv", encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


class _MatrixTable(HTMLParser):
    """The rows of <table id="matrix">: {region code: [cell texts]}, plus the header."""

    def __init__(self):
        super().__init__()
        self.inside = False
        self.header, self.rows = [], {}
        self._code = self._cell = self._cells = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == "matrix":
            self.inside = True
        elif self.inside and tag == "tr":
            self._code, self._cells = attrs.get("data-region"), []
        elif self.inside and tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "table":
            self.inside = False
        elif tag in ("td", "th") and self._cell is not None:
            self._cells.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr":
            if self._code:
                self.rows[self._code] = self._cells
            else:
                self.header = self._cells

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def _plain(label: str) -> str:
    return label.strip().lstrip(SYMBOLS).strip()


def _counts(text):
    """{label: (n, total)} from 'N dari 24' phrases."""
    return [tuple(map(int, m)) for m in re.findall(r"(\d+) dari (\d+)", text)]


def test_recap_pdf_lists_every_regency_with_letterhead_and_summary(personas, sulsel, tmp_path):
    client = personas.client("sulsel_viewer")
    response = client.get(f"/r/73/assessment/matrix.pdf?year={YEAR}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = _pdftotext(response.content, tmp_path)
    flat = " ".join(text.split())

    names = list(sulsel.children.values_list("name", flat=True))
    assert len(names) == 24
    missing = [name for name in names if name not in flat]
    assert not missing, f"kab/kota missing from the recap PDF: {missing}"
    # Letterhead: the default office name when none is set, the address and phone.
    assert "PERWAKILAN BKKBN PROVINSI SULAWESI SELATAN" in flat.upper()
    assert_contains(
        flat,
        "Jl. Andi Pangeran Pettarani No. 1, Makassar",
        "0411-123456",
        "REKAPITULASI EFEKTIVITAS POKJA BANGGA KENCANA",
        # Summary: 2 effective (Gowa, Makassar), 1 verified, 5 formed, out of 24; Indonesian date.
        "Kabupaten/kota dengan Pokja efektif: 2 dari 24",
        "terverifikasi: 1",
        "Pokja terbentuk: 5 dari 24",
    )
    from django.utils import timezone

    from core.formats import format_date_id

    assert format_date_id(timezone.localdate()) in flat


def test_recap_pdf_uses_the_office_letterhead_when_set(personas, sulsel, tmp_path):
    sulsel.office_name = "Perwakilan BKKBN Provinsi Sulawesi Selatan (Kantor Uji)"
    sulsel.office_email = "sulsel@bkkbn.test"
    sulsel.save()
    response = personas.client("sulsel_admin").get(f"/r/73/assessment/matrix.pdf?year={YEAR}")
    flat = " ".join(_pdftotext(response.content, tmp_path).split())
    assert "(KANTOR UJI)" in flat.upper()
    assert "sulsel@bkkbn.test" in flat


def test_recap_xlsx_holds_the_same_statuses_and_totals_as_the_matrix_page(
    personas, sulsel, tmp_path
):
    client = personas.client("sulsel_viewer")
    page = client.get(f"/r/73/assessment/matrix/?year={YEAR}")
    html = page.content.decode()
    table = _MatrixTable()
    table.feed(html)
    assert len(table.rows) == 25  # the province and its 24 kab/kota
    headline = re.search(r'id="headline">(.*?)</p>', html, re.S).group(1)
    page_counts = _counts(headline)

    export = client.get(f"/r/73/assessment/matrix.xlsx?year={YEAR}")
    assert export.status_code == 200
    lines = _xlsx_to_csv(export.content, tmp_path)
    header_index = next(i for i, line in enumerate(lines) if line[:3] == ["No", "Kode", "Wilayah"])
    header = lines[header_index]
    body = [
        line for line in lines[header_index + 1 :] if len(line) > 2 and re.match(r"^\d\d", line[1])
    ]
    assert [line[0] for line in body] == ["", *map(str, range(1, 25))]
    sheet = {line[1]: line for line in body}
    assert set(sheet) == set(table.rows)

    # Criterion columns and statuses, matched by column name.
    page_columns = table.header[1:]
    shared = [name for name in page_columns if SHEET_COLUMN.get(name, name) in header]
    assert len(shared) >= 6  # four criteria, status and official status
    for code, cells in table.rows.items():
        for name in shared:
            on_page = _plain(cells[1 + page_columns.index(name)])
            in_sheet = _plain(sheet[code][header.index(SHEET_COLUMN.get(name, name))])
            assert on_page == in_sheet, f"{code} {name}: page {on_page!r}, sheet {in_sheet!r}"
        assert sheet[code][2] == cells[0]  # region name
    assert _plain(sheet["73.06"][header.index("Status (hitung)")]) == "Efektif"
    assert _plain(sheet["73.08"][header.index("Status (hitung)")]) == "Belum efektif"
    assert _plain(sheet["73.10"][header.index("Status (hitung)")]) == "Pokja belum terbentuk"

    # Totals: effective (computed), verified effective and formed, each "N dari 24".
    totals = {line[2]: _counts(line[3])[0] for line in lines if len(line) > 3 and "dari" in line[3]}
    assert totals["Kab/kota efektif (hitung)"] == page_counts[0] == (2, 24)
    assert totals["Kab/kota efektif (resmi)"] == page_counts[1] == (1, 24)
    assert totals["Pokja terbentuk"] == page_counts[2] == (5, 24)
