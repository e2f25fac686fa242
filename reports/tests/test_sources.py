"""Sources honoured (issue 21): with SSGI and e-PPGBM stunting values for the same kab/kota and
year, every surface shows the figures of one source, names it, and `?source=` switches it."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from indicators.models import Indicator, Target, Value
from regions.models import Region
from reports.tests.helpers import pdf_text

pytestmark = pytest.mark.django_db
YEAR = 2025

# region: (target, SSGI, e-PPGBM). e-PPGBM has more regions: the old majority pick chose it.
TABLE = {
    "73.06": ("20.00", "22.00", "9.00"),
    "73.71": ("18.00", "30.60", "4.08"),
    "73.08": ("25.00", None, "12.50"),
}
# (source, region): (realisation, achievement) as printed
EXPECTED = {
    ("ssgi", "73.06"): ("22,00", "90,00"),
    ("ssgi", "73.71"): ("30,60", "30,00"),
    ("ssgi", "73.08"): ("–", "–"),
    ("eppgbm", "73.06"): ("9,00", "155,00"),
    ("eppgbm", "73.71"): ("4,08", "177,33"),
    ("eppgbm", "73.08"): ("12,50", "150,00"),
}
LABEL = {"ssgi": "SSGI", "eppgbm": "e-PPGBM"}


@pytest.fixture
def both(regions):
    stunting = Indicator.objects.get(code="stunting")
    for code, (target, ssgi, eppgbm) in TABLE.items():
        region = Region.objects.get(code=code)
        Target.objects.create(region=region, indicator=stunting, year=YEAR, value=Decimal(target))
        for source, value in (("ssgi", ssgi), ("eppgbm", eppgbm)):
            if value is not None:
                Value.objects.create(
                    region=region, indicator=stunting, year=YEAR, source=source, value=value
                )
    return stunting


def _cells(html, code):
    row = html.split(f'data-region="{code}"')[1].split("</tr>")[0]
    return [c.split(">", 1)[1].split("</td>")[0] for c in row.split("<td")[1:]]


@pytest.mark.parametrize("source", [None, "ssgi", "eppgbm"])
def test_province_dashboard_shows_one_named_source(personas, both, source):
    chosen = source or "ssgi"  # the documented default: surveys first, never a majority count
    query = f"?year={YEAR}&indicator=stunting" + (f"&source={source}" if source else "")
    html = personas.client("sulsel_viewer").get(f"/r/73/dashboard/{query}").content.decode()
    ranking = html.split('id="ranking"')[1].split("</table>")[0]
    for (src, code), (value, score) in EXPECTED.items():
        if src != chosen:
            continue
        cells = _cells(ranking, code)
        assert value in cells[2], (code, cells)
        assert score.replace("–", "") in cells[3], (code, cells)
    heading = html.split('id="achievement-title"')[1].split("</p>")[0]
    assert LABEL[chosen] in heading
    assert 'name="source"' in html  # more than one source: the selector shows
    assert f'<option value="{chosen}" selected>' in html


@pytest.mark.parametrize("source", ["ssgi", "eppgbm"])
def test_province_report_html_pdf_xlsx_follow_the_chosen_source(personas, both, source):
    client = personas.client("sulsel_viewer")
    page = client.get(f"/r/73/reports/indicators/?year={YEAR}&source={source}")
    report = page.context["report"]
    assert [s.source for s in report.sections] == [source]
    section = page.content.decode().split('data-indicator="stunting"')[1].split("</section>")[0]
    assert f"{LABEL[source]})" in section
    for (src, code), (value, score) in EXPECTED.items():
        if src == source:
            assert _cells(section, code)[3:5] == [value, score], code

    sheet = load_workbook(
        io.BytesIO(client.get(f"/r/73/reports/indicators.xlsx?year={YEAR}&source={source}").content)
    ).active
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1]}
    for (src, code), (value, _score) in EXPECTED.items():
        if src == source:
            assert rows[code][5] == LABEL[source]
            expected = None if value == "–" else float(value.replace(",", "."))
            assert rows[code][7] == expected, code

    text = pdf_text(
        client.get(f"/r/73/reports/indicators.pdf?year={YEAR}&source={source}").content,
        layout=True,
    )
    assert f"{LABEL[source]})" in text
    gowa_value, gowa_score = EXPECTED[(source, "73.06")]
    assert f"Kabupaten Gowa 20,00 – {gowa_value} {gowa_score}" in text


def test_report_default_is_the_first_survey_source_not_the_majority(personas, both):
    page = personas.client("sulsel_viewer").get(f"/r/73/reports/indicators/?year={YEAR}")
    assert [s.source for s in page.context["report"].sections] == ["ssgi"]
    assert 'name="source"' in page.content.decode()


@pytest.mark.parametrize("source", ["ssgi", "eppgbm"])
def test_api_achievement_and_ranking_name_the_source(personas, both, source):
    client = personas.api_client("sulsel_viewer")
    data = client.get(
        f"/api/v1/regions/73.06/indicators/stunting/achievement?year={YEAR}&source={source}"
    ).json()
    value, score = EXPECTED[(source, "73.06")]
    assert (data["source"], data["source_label"]) == (source, LABEL[source])
    assert Decimal(data["value"]) == Decimal(value.replace(",", "."))
    assert Decimal(data["achievement"]) == Decimal(score.replace(",", "."))
    rows = client.get(
        f"/api/v1/regions/73/indicators/stunting/ranking?year={YEAR}&source={source}"
    ).json()
    by_code = {r["region"]: r for r in rows}
    for (src, code), (value, _score) in EXPECTED.items():
        if src == source:
            got = by_code[code]["value"]
            assert (None if got is None else Decimal(got)) == (
                None if value == "–" else Decimal(value.replace(",", "."))
            )
            assert by_code[code]["source_label"] == LABEL[source]
