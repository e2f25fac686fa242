"""REDIS_URL: one cache for every instance (real Redis), and a Redis that goes away gives
uncached pages, never errors or stale bodies."""

import logging

import pytest
from django.core.cache import caches
from django.db import transaction

from assessment.tests.factories import make_pokja
from dashboards.tests.helpers import YEAR
from tests.services import closed_url, redis_caches, redis_or_skip

URL = f"/r/73/dashboard/?year={YEAR}"


@pytest.fixture
def shared(settings):
    settings.CACHES = redis_caches(redis_or_skip())
    settings.SIPOKJA_DASHBOARD_CACHE_SECONDS = 300
    settings.SIPOKJA_KEPT_SECONDS = 3600
    cache = caches["default"]
    yield cache
    # Only this test's keys (clear() would empty the Redis other test processes use).
    client = cache._cache.get_client(write=True)
    for key in client.scan_iter(f"{cache.key_prefix}:*"):
        client.delete(key)


def test_values_are_shared_between_cache_connections(shared):
    shared.set("k", "body", 30)
    other = type(shared)(shared._servers, {"KEY_PREFIX": shared.key_prefix})
    assert other.get("k") == "body"
    assert shared.reachable()


def test_a_closed_redis_is_a_miss_not_an_error(settings, caplog):
    settings.CACHES = redis_caches(closed_url())
    cache = caches["default"]
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        cache.set("k", "body", 30)
        assert cache.get("k") is None
        assert cache.get("k", "fallback") == "fallback"
        assert cache.get_or_set("k", "computed") == "computed"
        assert cache.add("k", "x") is False
        assert cache.get_many(["k"]) == {}
        cache.delete("k")
        assert not cache.reachable()
    assert "Cache unavailable" in caplog.text


def _effective(client):
    import re

    response = client.get(URL)
    assert response.status_code == 200
    return int(
        re.search(r'data-tile="effective" data-count="(\d+)"', response.content.decode()).group(1)
    )


@pytest.mark.django_db(transaction=True)
def test_a_change_shows_through_the_shared_cache(personas, shared):
    """Two users' clients stand for two instances: the body one cached is what the other gets,
    until a committed change raises the data version."""
    a, b = personas.client("sulsel_admin"), personas.client("sulsel_admin")
    assert _effective(a) == 0
    assert any(k for k in shared._cache.get_client().keys(f"{shared.key_prefix}:*"))
    with transaction.atomic():
        make_pokja("73.08", YEAR)
    assert _effective(b) == 1
    assert _effective(a) == 1


@pytest.mark.django_db(transaction=True)
def test_pages_still_answer_when_redis_goes_away(personas, settings, shared):
    client = personas.client("sulsel_admin")
    assert _effective(client) == 0
    settings.CACHES = redis_caches(closed_url())  # Redis is gone
    assert _effective(client) == 0
    with transaction.atomic():
        make_pokja("73.08", YEAR)
    assert _effective(client) == 1  # rendered afresh, not stale


def test_a_cached_dashboard_reads_only_the_session_and_the_user(personas, shared):
    """With Redis the data version is a token in Redis and the region, the roles and the unread
    count are read from it: a repeated view costs the session and the user, like any page."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = personas.client("sulsel_admin")
    first = client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        again = client.get(URL)
    assert again.status_code == 200
    assert [q["sql"].split(" FROM ")[1].split()[0] for q in queries.captured_queries] == [
        '"django_session"',
        '"accounts_user"',
    ]

    def main(response):
        html = response.content.decode()
        return html[html.index("<main") : html.index("</main>")]

    assert main(again) == main(first)


def test_a_page_kept_in_redis_goes_to_a_browser_compressed(personas, shared):
    """With Redis the page comes back in the same round trip as the data version (the fast
    path): compressed as kept for a browser that takes gzip, unpacked for a client that does
    not, with no new CSRF cookie."""
    import gzip

    client = personas.client("sulsel_admin")
    first = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    packed = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    plain = client.get(URL)
    assert packed["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain
    assert gzip.decompress(packed.content) == plain.content == first.content
    assert "csrftoken" in first.cookies and "csrftoken" not in packed.cookies


@pytest.mark.django_db(transaction=True)
def test_the_version_token_moves_after_each_committed_change(shared):
    from audit import version
    from audit.models import AuditEvent
    from audit.registry import record

    before = version.token()
    assert str(before).startswith("t") and version.token() == before
    with transaction.atomic():
        record(action=AuditEvent.Action.OTHER, model_label="tests.Thing", object_id="1")
        assert version.token() == before  # not committed yet
    after = version.token()
    assert after != before
    # A token that is lost (evicted, Redis restarted) is replaced by a new one, never an old one.
    shared.delete(version.TOKEN_KEY)
    assert version.token() not in (before, after)


@pytest.mark.django_db(transaction=True)
def test_an_increment_lost_while_redis_was_away_renews_the_token(settings, shared):
    from audit import version

    before = version.token()
    working = settings.CACHES
    settings.CACHES = redis_caches(closed_url())  # this process cannot reach Redis
    version.raise_version_token()
    assert version.token() != before  # the database's version meanwhile
    settings.CACHES = working
    caches["default"]._down_until.clear()
    assert version.token() != before  # replaced as soon as Redis answers again


@pytest.mark.django_db(transaction=True)
def test_a_revoked_role_is_not_served_the_cached_page(personas, shared):
    client = personas.client("sulsel_viewer")
    assert client.get(URL).status_code == 200
    assert client.get(URL).status_code == 200  # from the cache
    with transaction.atomic():
        personas.sulsel_viewer.role_assignments.all().delete()
    assert client.get(URL).status_code == 404
