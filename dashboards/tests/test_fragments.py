"""Issue 23 item 6: with the whole-page cache off, the heavy parts of the dashboards, the matrix,
the national recap and the public report are kept rendered per data version
(audit.version.kept_html). A change shows on the next request; a part kept for one region,
filter or language never shows for another; nothing of the viewer is kept."""

import datetime
import pickle
import re

import pytest
from django.core.cache import cache
from django.utils import timezone

from assessment.tests.factories import make_pokja
from audit import version
from dashboards import selectors
from dashboards.tests.helpers import YEAR, action_item, meeting
from meetings.models import Meeting

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("rendered_afresh")]

NATIONAL = f"/dashboard/?year={YEAR}"
PROVINCE = f"/r/73/dashboard/?year={YEAR}"
REGENCY = f"/r/73.06/dashboard/?year={YEAR}"
MATRIX = f"/r/73/assessment/matrix/?year={YEAR}"
RECAP = f"/assessment/national/?year={YEAR}"
PUBLIC = f"/transparansi/?province=73&year={YEAR}"


def _main(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", main)


def _scope(html, url):
    """The national recap: the row of South Sulawesi (others may have 24 kab/kota too)."""
    if url != RECAP:
        return html
    start = html.index('data-region="73"')
    return html[start : html.index("</tr>", start)]


def _commit(function, *args, **kwargs):
    """A change as a commit makes it: test transactions never commit, so raise the version."""
    function(*args, **kwargs)
    version.bump()


@pytest.mark.parametrize(
    "url, who, before, after",
    [
        (NATIONAL, "national_admin", 'data-tile="formed" data-count="0"',
         'data-tile="formed" data-count="1"'),
        (PROVINCE, "sulsel_admin", 'data-tile="formed" data-count="0"',
         'data-tile="formed" data-count="1"'),
        (REGENCY, "sulsel_admin", 'data-status="no_workgroup"', 'data-status="not_effective"'),
        (MATRIX, "sulsel_admin", "0 of 24 have a Pokja", "1 of 24 have a Pokja"),
        (RECAP, "national_admin", '<td>0 / 24</td><td>0 / 24</td><td>0 / 24</td>',
         '<td>1 / 24</td><td>0 / 24</td><td>0 / 24</td>'),
        (PUBLIC, "national_admin", "0 of 24 have a Pokja", "1 of 24 have a Pokja"),
    ],
)  # fmt: skip
def test_a_change_shows_on_the_next_request(personas, url, who, before, after):
    client = personas.client(who)
    client.cookies["django_language"] = "en"
    first = _main(client, url)
    assert _main(client, url) == first  # kept: the same page again
    _commit(make_pokja, "73.06", YEAR, budget=None)
    changed = _main(client, url)
    first, changed = _scope(first, url), _scope(changed, url)
    assert before in first and after not in first
    assert after in changed and before not in changed


def test_a_kab_kota_part_never_shows_for_another(personas):
    make_pokja("73.06", YEAR, budget=None)
    version.bump()
    client = personas.client("sulsel_admin")
    gowa = _main(client, REGENCY)
    other = _main(client, f"/r/73.08/dashboard/?year={YEAR}")
    assert 'data-status="not_effective"' in gowa and 'data-status="no_workgroup"' in other
    assert "/r/73.06/" in gowa and "/r/73.06/" not in other


def test_a_province_part_never_shows_for_another(personas):
    client = personas.client("national_admin")
    sulsel = _main(client, PROVINCE)
    sultra = _main(client, f"/r/74/dashboard/?year={YEAR}")
    assert "/r/73/" in sulsel and "/r/73/" not in sultra and "/r/74/" in sultra
    sulsel = _main(client, PUBLIC)
    sultra = _main(client, f"/transparansi/?province=74&year={YEAR}")
    assert 'data-region="73.06"' in sulsel and 'data-region="73.06"' not in sultra
    assert 'data-region="74.01"' in sultra


@pytest.mark.parametrize("url", [NATIONAL, PROVINCE, MATRIX, RECAP, PUBLIC])
def test_each_language_gets_its_own_part(personas, url):
    client = personas.client("national_admin")
    client.cookies["django_language"] = "id"
    indonesian = _main(client, url)
    client.cookies["django_language"] = "en"
    english = _main(client, url)
    assert indonesian != english
    assert _main(client, url) == english
    client.cookies["django_language"] = "id"
    assert _main(client, url) == indonesian


def test_each_filter_and_order_gets_its_own_part(personas):
    make_pokja("73.06", YEAR)
    version.bump()
    client = personas.client("sulsel_admin")
    everyone = _main(client, MATRIX)
    effective = _main(client, MATRIX + "&status=effective")
    none_yet = _main(client, MATRIX + "&status=no_workgroup")
    assert 'data-region="73.06"' in everyone and 'data-region="73.08"' in everyone
    assert 'data-region="73.06"' in effective and 'data-region="73.08"' not in effective
    assert 'data-region="73.06"' not in none_yet and 'data-region="73.08"' in none_yet
    national = personas.client("national_admin")
    by_name = _main(national, NATIONAL)
    by_share = _main(national, NATIONAL + "&sort=share&order=desc")
    assert by_name != by_share
    assert 'aria-sort="descending"><a href="?year=2025&amp;sort=share&amp;order=asc"' in by_share


def test_the_viewers_own_things_are_never_kept(personas):
    """The map link of the province's admins, the letter form of those who may issue it, the
    CSRF token and the menu stay per viewer; meetings and action items are read per request."""
    admin, viewer = personas.client("sulsel_admin"), personas.client("sulsel_viewer")
    link = "/r/73/dashboard/map/"
    assert link in _main(admin, PROVINCE)
    assert link not in _main(viewer, PROVINCE)
    assert link in _main(admin, PROVINCE)
    assert 'id="recap-letter"' in _main(admin, MATRIX)
    assert 'id="recap-letter"' not in _main(viewer, MATRIX)
    kept_html = [
        value[0]
        for value in map(pickle.loads, list(cache._cache.values()))  # the tests' local memory
        if isinstance(value, tuple) and value and isinstance(value[0], str) and "<" in value[0]
    ]
    assert kept_html
    assert not any("csrfmiddlewaretoken" in html or "sulsel_admin" in html for html in kept_html)
    meeting("73.06", title="Rapat koordinasi baru")
    action_item("73.06", title="Tindak lanjut baru")
    # Not audited here (no version raise): still read on the next request.
    shown = _main(admin, PROVINCE) + _main(admin, REGENCY)
    assert "Rapat koordinasi baru" in shown and "Tindak lanjut baru" in shown


def test_a_meeting_that_ends_shows_no_more_and_the_next_takes_its_place(personas, monkeypatch):
    """The kept list of meetings not ended is exact at any moment of the day: no data version
    raise is needed for a meeting to end."""
    ending = meeting("73.06", days=0, title="Rapat yang segera selesai")
    for day in range(1, selectors.UPCOMING_MEETINGS):
        meeting("73.06", days=day)
    meeting("73.06", days=30, title="Rapat terakhir")
    version.bump()
    client = personas.client("sulsel_admin")
    now = timezone.now()
    ends = now + datetime.timedelta(minutes=1)  # room for slow requests on a loaded machine
    Meeting.objects.filter(pk=ending.pk).update(
        starts_at=now - datetime.timedelta(hours=1), ends_at=ends
    )
    for url in (PROVINCE, REGENCY):
        shown = _main(client, url)
        assert "Rapat yang segera selesai" in shown and "Rapat terakhir" not in shown
    # The clock moves past the meeting's end (the same day: the kept list is not rebuilt).
    later = ends + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    for url in (PROVINCE, REGENCY):
        shown = _main(client, url)
        assert "Rapat yang segera selesai" not in shown and "Rapat terakhir" in shown
