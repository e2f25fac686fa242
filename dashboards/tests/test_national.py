import re

import pytest

from dashboards.tests.helpers import YEAR, known_setup

pytestmark = pytest.mark.django_db


def test_national_dashboard_counts_per_province(personas):
    known_setup()

    response = personas.client("national_admin").get(f"/dashboard/?year={YEAR}")

    assert response.status_code == 200
    html = response.content.decode()
    rows = re.findall(r'<tr data-province="(\d+)">', html)
    assert len(rows) == 38
    sulsel = re.search(r'<tr data-province="73">.*?</tr>', html, re.S).group(0)
    assert 'href="/r/73/dashboard/?year=2025"' in sulsel
    cells = dict(re.findall(r'data-tile="(\w+)">(\d+) ', sulsel))
    assert cells == {
        "formed": "6",
        "effective": "2",
        "decree": "6",
        "work_plan": "4",
        "indicators": "3",
        "budget": "2",
        "verified": "0",
        "reverify": "0",
    }
    assert ">24<" in sulsel
    assert "8,3%" in sulsel  # 2 of 24
    sultra = re.search(r'<tr data-province="74">.*?</tr>', html, re.S).group(0)
    # Nothing recorded for Sultra in 2025: the row says so instead of a line of zeros.
    assert 'data-tile="effective"' not in sultra
    assert "Belum ada data untuk tahun 2025" in sultra
    # national tiles over all 514 kab/kota
    assert re.search(r'data-tile="effective" data-count="2" data-change="-1"', html)
    assert "dari 514" in html
    assert 'id="share-canvas"' in html and 'id="share-data"' in html
