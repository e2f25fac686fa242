"""Figures that tell the truth about themselves (issue 21): target daerah beside target Pokja,
the data source of every figure, demo data marked, explanations where a number surprises."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from indicators.models import Indicator, Target, Value, WorkGroupIndicator
from regions.models import Region
from reports.tests.helpers import pdf_text
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db
YEAR = 2025


def _gowa_with_both_targets():
    gowa = Region.objects.get(code="73.06")
    stunting = Indicator.objects.get(code="stunting")
    workgroup = WorkGroup.objects.create(region=gowa, name="Pokja Gowa")
    Target.objects.create(region=gowa, indicator=stunting, year=YEAR, value=Decimal("18"))
    WorkGroupIndicator.objects.create(
        workgroup=workgroup, indicator=stunting, year=YEAR, target=Decimal("16.5")
    )
    return gowa


def _stunting(code, *, target, ssgi):
    """The region's stunting target and SSGI realisation for YEAR."""
    region = Region.objects.get(code=code)
    stunting = Indicator.objects.get(code="stunting")
    Target.objects.create(region=region, indicator=stunting, year=YEAR, value=Decimal(target))
    Value.objects.create(
        region=region, indicator=stunting, year=YEAR, source="ssgi", value=Decimal(ssgi)
    )


def _row(html, code):
    return html.split(f'data-indicator="{code}"', 1)[1].split("</tr>", 1)[0]


def test_region_target_and_pokja_target_are_both_shown_each_with_its_name(personas):
    _gowa_with_both_targets()
    client = personas.client("gowa_member")
    for url in (f"/r/73.06/indicators/?year={YEAR}", f"/r/73.06/dashboard/?year={YEAR}"):
        html = client.get(url).content.decode()
        assert "Target daerah" in html and "Target Pokja" in html, url
        row = _row(html.split("<tbody", 1)[1] if "<tbody" in html else html, "stunting")
        assert "18,00" in row and "16,50" in row, url
        assert ">Target<" not in html, url


def test_a_missing_region_target_is_not_called_missing_data(personas):
    html = personas.client("gowa_member").get(f"/r/73.06/indicators/?year={YEAR}").content
    row = _row(html.decode(), "tfr")
    assert "target belum ditetapkan" in row and "belum ada data" in row


def test_a_negative_achievement_carries_its_explanation(personas):
    """Jeneponto stunting 39.8 % against a target of 14 % gives −84.29 %."""
    _stunting("73.04", target="14", ssgi="39.8")
    client = personas.client("sulsel_admin")
    page = client.get(f"/r/73.04/indicators/?year={YEAR}").content.decode()
    assert "−84,29" in page or "-84,29" in page
    assert 'id="negative-note"' in page and "lebih dari dua kali target" in page
    dashboard = client.get(f"/r/73/dashboard/?year={YEAR}&indicator=stunting").content.decode()
    assert 'id="negative-note"' in dashboard
    report = client.get(f"/r/73/reports/indicators/?year={YEAR}").content.decode()
    row = report.split('data-region="73.04"')[1].split("</tr>")[0]
    assert "84,29*" in row and "Capaian negatif" in report
    sheet = load_workbook(
        io.BytesIO(client.get(f"/r/73/reports/indicators.xlsx?year={YEAR}").content)
    ).active
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1]}
    assert rows["73.04"][8] == -84.29 and rows["73.04"][11].startswith("Capaian negatif")
    text = pdf_text(client.get(f"/r/73/reports/indicators.pdf?year={YEAR}").content)
    assert "Capaian negatif" in text


def test_a_missing_target_is_named_in_the_report(personas):
    stunting = Indicator.objects.get(code="stunting")
    Value.objects.create(
        region=Region.objects.get(code="73.06"),
        indicator=stunting,
        year=YEAR,
        source="ssgi",
        value=Decimal("22"),
    )
    client = personas.client("sulsel_admin")
    report = client.get(f"/r/73/reports/indicators/?year={YEAR}").content.decode()
    row = report.split('data-region="73.06"')[1].split("</tr>")[0]
    assert "target belum ditetapkan" in row and "22,00" in row
    dashboard = client.get(f"/r/73/dashboard/?year={YEAR}&indicator=stunting").content.decode()
    row = dashboard.split('id="ranking"')[1].split('data-region="73.06"')[1].split("</tr>")[0]
    assert "target belum ditetapkan" in row


def test_an_unrecorded_budget_is_not_rp_0(personas):
    from budget.models import BudgetAllocation

    gowa = Region.objects.get(code="73.06")
    workgroup = WorkGroup.objects.create(region=gowa, name="Pokja Gowa")
    BudgetAllocation.objects.create(
        workgroup=workgroup, year=YEAR, source="apbd_regency", amount=5_000_000, realised=0
    )
    html = personas.client("sulsel_admin").get(f"/r/73/dashboard/?year={YEAR}").content.decode()
    table = html.split('id="budget-table"')[1].split("</table>")[0]
    makassar = table.split('data-region="73.71"')[1].split("</tr>")[0]
    assert "belum dicatat" in makassar and "Rp" not in makassar
    gowa_row = table.split('data-region="73.06"')[1].split("</tr>")[0]
    assert "5.000.000" in gowa_row and "Rp 0" in gowa_row  # a recorded zero stays a zero


def test_the_province_report_has_the_province_row(personas):
    _stunting("73", target="18", ssgi="23.3")
    html = personas.client("sulsel_admin").get(f"/r/73/reports/indicators/?year={YEAR}")
    row = html.content.decode().split('data-region="73"')[1].split("</tr>")[0]
    assert "18,00" in row and "23,30" in row and "70,56" in row


def test_every_national_target_names_its_primary_document_and_year(regions):
    from indicators.models import NationalTarget

    targets = list(NationalTarget.objects.select_related("indicator"))
    assert targets
    for target in targets:
        assert target.source.startswith("Dokumen primer: "), target
        assert f"target tahun {target.year}" in target.source, target
        assert any(doc in target.source for doc in ("RPJMN", "Renstra BKKBN", "Perpres")), target


def test_the_report_shows_both_targets_each_with_its_name(personas):
    _gowa_with_both_targets()
    client = personas.client("gowa_operator")
    html = client.get(f"/r/73.06/reports/indicators/?year={YEAR}").content.decode()
    assert "Target daerah" in html and "Target Pokja" in html
    row = _row(html.split("<tbody", 1)[1], "stunting")
    assert "18,00" in row and "16,50" in row
    sheet = load_workbook(
        io.BytesIO(client.get(f"/r/73.06/reports/indicators.xlsx?year={YEAR}").content)
    ).active
    assert sheet["G4"].value == "Target daerah" and sheet["M4"].value == "Target Pokja"
    row = next(r for r in sheet.iter_rows(min_row=5, values_only=True) if r[1])
    assert (row[6], row[12]) == (18.0, 16.5)
