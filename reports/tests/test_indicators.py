import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from core.tests.helpers import assert_contains
from indicators.models import Indicator, Target, Value
from regions.models import Region
from reports.tests.helpers import pdf_text, queries

YEAR = 2025


def _record(code, indicator, target=None, **values):
    region = Region.objects.get(code=code)
    if target is not None:
        Target.objects.create(region=region, indicator=indicator, year=YEAR, value=Decimal(target))
    for source, value in values.items():
        Value.objects.create(
            region=region, indicator=indicator, year=YEAR, source=source, value=Decimal(value)
        )


@pytest.fixture
def known(regions):
    """mCPR (higher is better) and stunting (lower is better) in three kab/kota of Sulsel.
    Stunting has SSGI for two regions and e-PPGBM for one: the report uses SSGI."""
    mcpr = Indicator.objects.get(code="mcpr")
    stunting = Indicator.objects.get(code="stunting")
    _record("73.06", mcpr, "60.00", pk="57.00")  # 95,00 Sangat Baik
    _record("73.71", mcpr, "50.00", pk="37.50")  # 75,00 Cukup
    _record("73.08", mcpr, "40.00")  # target only
    _record("73.06", stunting, "20.00", ssgi="22.00", eppgbm="9.00")  # 90,00
    _record("73.71", stunting, "18.00", ssgi="30.60")  # 30,00 Kurang
    return {"mcpr": mcpr, "stunting": stunting}


EXPECTED = {
    # (indicator, region): (target, realisation, achievement, grade)
    ("mcpr", "73.06"): ("60,00", "57,00", "95,00", "Sangat Baik"),
    ("mcpr", "73.71"): ("50,00", "37,50", "75,00", "Cukup"),
    ("mcpr", "73.08"): ("40,00", "–", "–", "–"),
    ("stunting", "73.06"): ("20,00", "22,00", "90,00", "Sangat Baik"),
    ("stunting", "73.71"): ("18,00", "30,60", "30,00", "Kurang"),
}


def _number(text):
    return None if text == "–" else float(text.replace(".", "").replace(",", "."))


def test_province_report_html_xlsx_and_pdf_agree(personas, known):
    client = personas.client("sulsel_viewer")
    page = client.get(f"/r/73/reports/indicators/?year={YEAR}")
    assert page.status_code == 200
    report = page.context["report"]
    assert [s.indicator.code for s in report.sections] == ["mcpr", "stunting"]
    assert [s.source for s in report.sections] == ["pk", "ssgi"]
    assert len(report.sections[0].cells) == 25  # the province's own row, then 24 kab/kota
    assert report.sections[0].cells[0].region.code == "73"
    html = page.content.decode()
    for (indicator, code), (target, value, score, grade) in EXPECTED.items():
        section = html.split(f'data-indicator="{indicator}"')[1].split("</section>")[0]
        row = section.split(f'data-region="{code}"')[1].split("</tr>")[0]
        cells = [c.split(">", 1)[1] for c in row.split("<td")[1:]]
        cells = [c.split("</td>")[0] for c in cells]
        # [name, target daerah, target Pokja, realisation, achievement, grade]
        assert [cells[1], *cells[3:]] == [target, value, score, grade], (indicator, code)

    export = client.get(f"/r/73/reports/indicators.xlsx?year={YEAR}")
    assert export.status_code == 200
    assert "capaian-indikator-73-2025.xlsx" in export["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(export.content)).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert len(rows) == 50  # 2 indicators × (the province + 24 kab/kota)
    by_key = {(Indicator.objects.get(name=r[3]).code, r[1]): r for r in rows}
    for key, (target, value, score, grade) in EXPECTED.items():
        row = by_key[key]
        assert row[6] == _number(target)
        assert row[7] == _number(value)
        assert row[8] == _number(score)
        assert (row[9] or "–") == grade
    assert by_key[("stunting", "73.06")][5] == "SSGI"

    pdf = client.get(f"/r/73/reports/indicators.pdf?year={YEAR}")
    assert pdf.status_code == 200
    text = pdf_text(pdf.content, layout=True)
    assert_contains(
        text,
        "LAPORAN CAPAIAN INDIKATOR BANGGA KENCANA",
        "Kabupaten Gowa 60,00 – 57,00 95,00 Sangat Baik",
        "Kota Makassar 50,00 – 37,50 75,00 Cukup",
        "Kabupaten Bone 40,00 – – – –",
        "Kabupaten Gowa 20,00 – 22,00 90,00 Sangat Baik",
        "Kota Makassar 18,00 – 30,60 30,00 Kurang",
    )


def test_regency_report_lists_its_own_indicators(personas, known):
    client = personas.client("gowa_operator")
    page = client.get(f"/r/73.06/reports/indicators/?year={YEAR}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kota Makassar" not in html and "37,50" not in html
    row = html.split('data-indicator="stunting"')[1].split("</tr>")[0]
    assert "SSGI" in row and "22,00" in row and "90,00" in row
    sheet = load_workbook(
        io.BytesIO(client.get(f"/r/73.06/reports/indicators.xlsx?year={YEAR}").content)
    ).active
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    assert [(r[1], r[6], r[7], r[8]) for r in rows] == [
        ("73.06", 60.0, 57.0, 95.0),
        ("73.06", 20.0, 22.0, 90.0),
    ]
    text = pdf_text(client.get(f"/r/73.06/reports/indicators.pdf?year={YEAR}").content)
    assert "Kabupaten Gowa" in text and "95,00" in text and "90,00" in text


def test_unknown_format_is_404(personas, known):
    client = personas.client("sulsel_admin")
    assert client.get(f"/r/73/reports/indicators.csv?year={YEAR}").status_code == 404
    assert client.get(f"/r/73/reports/indicators.docx?year={YEAR}").status_code == 404


def test_report_runs_a_constant_number_of_queries(personas, known):
    client = personas.client("sulsel_admin")
    url = f"/r/73/reports/indicators/?year={YEAR}"
    before = queries(client, url)
    for code in ["73.01", "73.02", "73.03", "73.04", "73.05", "73.10", "73.11"]:
        for name, target in (("tfr", "2.10"), ("ibangga", "60"), ("mcpr", "55")):
            _record(code, Indicator.objects.get(code=name), target, pk=target)
    assert queries(client, url) == before
