"""The province and kab/kota dashboards' rendered bodies are cached per data version: the same page with fewer
queries until a change commits, then the change shows at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from assessment.tests.factories import make_pokja
from audit import version
from audit.models import AuditEvent
from audit.registry import record
from dashboards.tests.helpers import YEAR

pytestmark = pytest.mark.django_db
URL = f"/r/73/dashboard/?year={YEAR}"


@pytest.fixture
def cached(settings, kept_aggregates):
    settings.SIPOKJA_DASHBOARD_CACHE_SECONDS = 300


def _effective(html):
    return int(re.search(r'data-tile="effective" data-count="(\d+)"', html).group(1))


def _get(client, url=URL):
    """The page's <main> (the rest carries a fresh CSRF token; so does the province's profiles
    batch form, outside the cached body: its token is blanked) and its number of queries."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]*', r"\1", main), len(queries)


@pytest.mark.parametrize(
    "url, shows",
    [
        (URL, 'data-tile="formed" data-count="1"'),
        (f"/r/73.06/dashboard/?year={YEAR}", 'data-status="not_effective"'),
    ],
)
def test_a_repeated_view_is_the_same_page_with_fewer_queries(personas, cached, url, shows):
    make_pokja("73.06", YEAR, budget=None)
    client = personas.client("sulsel_admin")
    first, first_queries = _get(client, url)
    again, again_queries = _get(client, url)
    assert again == first and shows in again
    # session, user, the data version and the header's unread-notifications count (the region
    # and the user's roles are kept under the data version; with Redis the last two are not
    # database queries either: core/tests/test_shared_cache.py)
    assert again_queries == 4 < first_queries


@pytest.mark.django_db(transaction=True)
def test_a_committed_change_shows_on_the_next_request(personas, cached):
    """With real commits: a change shows once committed, not before."""
    client = personas.client("sulsel_admin")
    assert _effective(_get(client)[0]) == 0
    with transaction.atomic():
        make_pokja("73.08", YEAR)
    assert _effective(_get(client)[0]) == 1
    with transaction.atomic():
        make_pokja("73.06", YEAR)
        # Not committed yet: the version has not moved and the cached page is served.
        assert _effective(_get(client)[0]) == 1
    assert _effective(_get(client)[0]) == 2


def test_the_version_rises_once_per_transaction(django_capture_on_commit_callbacks):
    before = version.current()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        record(action=AuditEvent.Action.OTHER, model_label="tests.Thing", object_id="1")
        record(action=AuditEvent.Action.OTHER, model_label="tests.Thing", object_id="2")
    assert len(callbacks) == 1
    assert version.current() == before + 1


def test_each_language_and_right_gets_its_own_page(personas, cached):
    admin, viewer = personas.client("sulsel_admin"), personas.client("sulsel_viewer")
    link = "/r/73/dashboard/map/"
    assert link in _get(admin)[0]
    assert link not in _get(viewer)[0]  # the admin's page (with the map link) is not reused
    indonesian = _get(admin)[0]
    admin.cookies["django_language"] = "en"
    english = _get(admin)[0]
    assert "Peta status Pokja" in indonesian and "Map of Pokja status" in english


def test_the_cache_is_off_with_zero_seconds(personas, settings):
    settings.SIPOKJA_DASHBOARD_CACHE_SECONDS = 0
    cache.clear()
    client = personas.client("sulsel_admin")
    _get(client)  # fills the status cache
    first = _get(client)[1]
    assert _get(client)[1] == first > 5


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "url, before, after",
    [
        (f"/r/73/assessment/matrix/?year={YEAR}", 'data-status="no_workgroup"', None),
        (f"/r/73.08/dashboard/?year={YEAR}", None, 'data-status="effective"'),
    ],
)
def test_kept_aggregates_follow_a_committed_change(
    personas, settings, kept_aggregates, url, before, after
):
    """The matrix rows and the kab/kota outcome are kept under the data version: a committed
    change shows on the next request, with the page cache off or on."""
    client = personas.client("sulsel_admin")

    def row_of_bone():
        if "/matrix/" not in url:
            return _get(client, url)[0]
        html = client.get(url).content.decode()
        start = html.index('data-region="73.08"')
        return html[start : html.index("</tr>", start)]

    first = row_of_bone()
    assert row_of_bone() == first
    with transaction.atomic():
        make_pokja("73.08", YEAR)
    changed = row_of_bone()
    assert changed != first
    if before:
        assert before in first and before not in changed
    if after:
        assert after not in first and after in changed
    cache.clear()


def _cached_twice(client, **headers):
    first = client.get(URL, **headers)
    again = client.get(URL, **headers)
    assert first.status_code == again.status_code == 200
    return first, again


def test_a_kept_page_goes_to_a_browser_compressed_as_kept(personas, cached):
    """A browser says it takes gzip: the kept page goes as kept (compressed once, when it was
    kept), and unpacks to the page the first request rendered."""
    import gzip

    client = personas.client("sulsel_admin")
    first, again = _cached_twice(client, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in first  # rendered: nginx compresses it on its way
    assert again["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in again["Vary"] and "Cookie" in again["Vary"]
    assert gzip.decompress(again.content) == first.content
    assert int(again["Content-Length"]) == len(again.content) < len(first.content) / 3


def test_a_kept_page_goes_unpacked_to_a_client_without_gzip(personas, cached):
    client = personas.client("sulsel_admin")
    first, again = _cached_twice(client)
    assert "Content-Encoding" not in again
    assert again.content == first.content
    assert "Accept-Encoding" in again["Vary"]


def test_a_kept_page_keeps_the_browsers_csrf_cookie_and_its_forms_post(personas, cached):
    """The page's forms carry a token of the CSRF cookie's secret: a kept page sends no new
    cookie, and its log-out form posts with the cookie the browser holds."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.sulsel_admin, backend="django.contrib.auth.backends.ModelBackend")
    first, again = _cached_twice(client)
    assert "csrftoken" in first.cookies  # the first page made the secret
    assert "csrftoken" not in again.cookies  # the kept page leaves the browser's cookie be
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', again.content.decode())
    response = client.post("/accounts/logout/", {"csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 302
