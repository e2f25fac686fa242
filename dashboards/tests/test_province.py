import re

import pytest

from dashboards.tests.helpers import (
    YEAR,
    action_item,
    indicator_data,
    known_setup,
    meeting,
)

pytestmark = pytest.mark.django_db


def _tile(html, key):
    match = re.search(rf'data-tile="{key}" data-count="(\d+)" data-change="(-?\d+)"', html)
    assert match, key
    return int(match.group(1)), int(match.group(2))


def _page(personas, url=f"/r/73/dashboard/?year={YEAR}", who="sulsel_admin"):
    response = personas.client(who).get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_tiles_count_kab_kota_and_the_change_from_last_year(personas):
    known_setup()

    html = _page(personas)

    assert _tile(html, "formed") == (6, 0)
    assert _tile(html, "effective") == (2, -1)
    assert _tile(html, "decree") == (6, 0)
    assert _tile(html, "work_plan") == (4, 1)
    assert _tile(html, "indicators") == (3, 0)
    assert _tile(html, "budget") == (2, -1)
    assert html.count("dari 24") >= 6  # "N of 24" in Indonesian
    assert "−1" in html and "+1" in html and "tidak berubah" in html


def test_tiles_link_to_where_the_data_is_managed(personas):
    html = _page(personas)
    assert f'href="/r/73/assessment/matrix/?year={YEAR}&amp;status=effective"' in html
    assert f'href="/r/73/budget/regencies/?year={YEAR}"' in html


def test_criteria_summary_counts_each_state(personas):
    known_setup()

    html = _page(personas)

    sk = re.search(r'data-criterion="sk">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'class="number">(\d+)<', sk) == ["6", "0", "18"]
    budget = re.search(r'data-criterion="anggaran">.*?</tr>', html, re.S).group(0)
    assert re.findall(r'class="number">(\d+)<', budget) == ["2", "0", "22"]
    assert f'href="/r/73/assessment/matrix/?year={YEAR}"' in html


def test_tile_map_colours_each_kab_kota_by_status_and_links_to_its_dashboard(personas):
    known_setup()

    html = _page(personas)

    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    areas = re.findall(r'<a href="([^"]+)" class="area status-(\w+)" data-region="([\d.]+)"', svg)
    assert len(areas) == 24
    by_code = {code: (url, status) for url, status, code in areas}
    assert by_code["73.06"] == (f"/r/73.06/dashboard/?year={YEAR}", "effective")
    assert by_code["73.71"][1] == "not_effective"
    assert by_code["73.01"][1] == "no_workgroup"
    assert svg.count("<rect") == 24
    assert "<title>Kabupaten Gowa: Efektif</title>" in svg
    # legend and table view
    assert "Efektif (2)" in html
    assert 'id="map-table"' in html


def test_budget_by_kab_kota_has_a_chart_and_a_table(personas):
    known_setup()

    html = _page(personas)

    row = re.search(
        r'<tr data-region="73.06"><th scope="row"><a href="/r/73.06/budget/.*?</tr>', html
    )
    assert "Rp 5.000.000" in row.group(0)
    assert 'id="budget-canvas"' in html and 'id="budget-data"' in html
    assert 'src="/static/vendor/chart-4.6.1.umd.min.js" defer' in html


def test_achievement_ranking_for_the_default_and_a_chosen_indicator(personas):
    indicator = indicator_data(["73.01", "73.02", "73.03"])  # 80%, 82%, 84%
    indicator_data(
        ["73.06"],
        indicator=__import__("indicators.models").models.Indicator.objects.get(code="tfr"),
    )

    html = _page(personas)  # default: the first catalogue indicator with data (tfr)
    assert 'value="tfr" selected' in html

    html = _page(personas, f"/r/73/dashboard/?year={YEAR}&indicator={indicator.code}")
    ranking = re.search(r'id="ranking">.*?</table>', html, re.S).group(0)
    order = re.findall(r'data-region="([\d.]+)"', ranking)
    assert order[:3] == ["73.03", "73.02", "73.01"]
    assert len(order) == 24  # the others come last, unranked
    assert "84,00%" in ranking
    assert 'id="achievement-canvas"' in html


def test_unknown_indicator_shows_a_message(personas):
    html = _page(personas, f"/r/73/dashboard/?year={YEAR}&indicator=nope")
    assert "tidak memiliki realisasi" in html or "belum" in html


def test_upcoming_meetings_and_overdue_items_of_the_province_and_its_kab_kota(personas):
    meeting("73", title="Forum Komunikasi Provinsi")
    meeting("73.06", title="Rapat Pokja Gowa")
    meeting("74", title="Rapat Sultra")
    action_item("73.06", title="Gowa terlambat")
    action_item("73.06", days=10, title="Belum jatuh tempo")
    action_item("74", set_by="74", title="Sultra terlambat")

    html = _page(personas)

    meetings = re.search(r'id="meetings">.*?</ul>', html, re.S).group(0)
    assert "Forum Komunikasi Provinsi" in meetings and "Rapat Pokja Gowa" in meetings
    assert "Rapat Sultra" not in meetings
    overdue = re.search(r'id="overdue">.*?</ul>', html, re.S).group(0)
    assert "Gowa terlambat" in overdue
    assert "Belum jatuh tempo" not in overdue and "Sultra terlambat" not in overdue


def test_year_is_validated(personas):
    assert personas.client("sulsel_admin").get("/r/73/dashboard/?year=1999").status_code == 404
    assert personas.client("sulsel_admin").get("/r/73/dashboard/?year=abc").status_code == 404


def test_home_links_each_user_to_their_dashboard_of_the_open_year(personas):
    from core.years import open_year

    year = open_year()
    for name, url in [
        ("national_admin", "/dashboard/"),
        ("sulsel_admin", "/r/73/dashboard/"),
        ("gowa_operator", "/r/73.06/dashboard/"),
    ]:
        html = personas.client(name).get("/").content.decode()
        assert f'href="{url}?year={year}" role="button"' in html
