"""Figures that tell the truth about themselves (issue 21): target daerah beside target Pokja,
the data source of every figure, demo data marked, explanations where a number surprises."""

from decimal import Decimal

import pytest

from indicators.models import Indicator, Target, WorkGroupIndicator
from regions.models import Region
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
