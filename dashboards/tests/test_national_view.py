"""The national view (issue 22, item 7): a tile-grid map of the 38 provinces drilling down to
each province's dashboard, a table sortable on the server that keeps the year in its links,
pending submissions and budgets recorded, and "no data" instead of zeros."""

import re

import pytest

from assessment import services
from dashboards.tests.helpers import YEAR, known_setup
from regions.models import Region

pytestmark = pytest.mark.django_db


def _order(html):
    table = html.split('id="provinces"', 1)[1]
    return re.findall(r'<tr data-province="(\d+)">', table)


def test_tile_map_has_38_provinces_linking_to_their_dashboards(personas):
    known_setup()
    html = personas.client("national_admin").get(f"/dashboard/?year={YEAR}").content.decode()
    tile_map = html.split('id="tile-map"', 1)[1].split("</ol>", 1)[0]
    cells = re.findall(r'<li class="tile-map-cell band-(\w+)"[^>]*data-province="(\d+)"', tile_map)
    assert len(cells) == 38
    bands = dict((code, band) for band, code in cells)
    assert bands["73"] == "q1"  # 2 of 24 effective: 8,3%
    assert bands["74"] == "none"  # nothing recorded
    assert 'href="/r/73/dashboard/?year=2025"' in tile_map
    assert "SULSEL" in tile_map and "8,3%" in tile_map
    assert "belum ada data" in tile_map
    # grid positions are all different
    places = re.findall(r"grid-row: (\d+); grid-column: (\d+);", tile_map)
    assert len(set(places)) == 38


def test_table_sorts_on_the_server_and_keeps_the_year(personas):
    known_setup()
    gowa = Region.objects.get(code="73.06")
    services.submit(by=personas.gowa_operator, region=gowa, year=YEAR)
    client = personas.client("national_admin")
    html = client.get(f"/dashboard/?year={YEAR}&sort=share&order=desc").content.decode()
    order = _order(html)
    assert len(order) == 38
    assert order[0] == "73"  # the only province with data comes first
    assert f'href="?year={YEAR}&amp;sort=share&amp;order=asc"' in html  # flips, keeps the year
    sulsel = re.search(r'<tr data-province="73">.*?</tr>', html, re.S).group(0)
    assert re.search(r'data-col="pending">1<', sulsel)
    assert re.search(r'data-col="budget">Rp [\d.]+<br><small>\d+ alokasi', sulsel)
    by_name = _order(client.get(f"/dashboard/?year={YEAR}&sort=name").content.decode())
    assert by_name[0] == "73"  # with data first, then the rest by name
    rest = [Region.objects.get(code=code).name for code in by_name[1:]]
    assert rest == sorted(rest)
    # An unknown sort key falls back to the name.
    assert client.get(f"/dashboard/?year={YEAR}&sort=drop+table").status_code == 200


def test_no_data_province_says_so(personas):
    html = personas.client("national_admin").get(f"/dashboard/?year={YEAR}").content.decode()
    aceh = re.search(r'<tr data-province="11">.*?</tr>', html, re.S).group(0)
    assert "Belum ada data untuk tahun 2025" in aceh
    assert "38 provinsi belum memiliki data" in html
