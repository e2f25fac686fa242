import re

import pytest

from assessment.tests.factories import make_pokja
from dashboards.tests.helpers import YEAR, action_item, indicator_data, meeting

pytestmark = pytest.mark.django_db


def _page(personas, code, who="gowa_operator"):
    response = personas.client(who).get(f"/r/{code}/dashboard/?year={YEAR}")
    assert response.status_code == 200
    return response.content.decode()


def test_kab_kota_dashboard_shows_what_is_missing_and_the_next_steps(personas):
    make_pokja("73.71", YEAR, budget=None)

    html = _page(personas, "73.71", "sulsel_admin")

    status = re.search(r'id="status">.*?</div>', html, re.S).group(0)
    assert 'data-status="not_effective"' in status
    missing = re.search(r'id="missing">.*?</ol>', html, re.S).group(0)
    assert 'data-criterion="anggaran"' in missing
    assert 'data-criterion="sk"' not in missing
    assert f'href="/r/73.71/budget/new/?year={YEAR}"' in missing


def test_kab_kota_without_pokja_is_told_to_form_it(personas):
    html = _page(personas, "73.06")
    assert "Pokja belum dibentuk" in html
    assert 'href="/r/73.06/pokja/"' in html


def test_effective_kab_kota_has_nothing_missing(personas):
    make_pokja("73.06", YEAR)
    html = _page(personas, "73.06")
    assert 'id="missing-none"' in html
    assert "Rp 5.000.000" in re.search(r'id="budget">.*?</p>', html, re.S).group(0)


def test_kab_kota_dashboard_lists_indicators_actions_and_meetings(personas):
    make_pokja("73.06", YEAR)
    indicator_data(["73.06"])
    action_item("73.06", title="Terlambat")
    action_item("73.06", days=7, title="Minggu depan")
    action_item("73.71", title="Makassar")
    meeting("73.06", title="Rapat Pokja Gowa")

    html = _page(personas, "73.06")

    assert 'data-indicator="mcpr"' in html and "80,00%" in html
    items = re.search(r'id="items">.*?</ul>', html, re.S).group(0)
    assert re.search(r'<li class="overdue"><a [^>]+>Terlambat</a>', items)
    assert re.search(r"<li><a [^>]+>Minggu depan</a>", items)
    assert "Makassar" not in items
    assert "Rapat Pokja Gowa" in html
