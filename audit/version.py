"""The data version: a number that changes after every committed state change.

Every state change writes an audit record (audit.registry.record); each record asks for the
version to be raised once its transaction commits. A page cached under the version it read
before reading its data is therefore never served after a change to that data has committed.
Bulk writes that bypass the audit trail (demo data, the synthetic national data) call `bump()`.
"""

import hashlib
import logging
import secrets

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from audit.models import DataVersion

log = logging.getLogger(__name__)
_ROW = 1


# -- The data version, shared through Redis --------------------------------------------------
# A page cached under the data version must read that version on every request. With Redis,
# the version is a token in Redis itself (one GET next to the cached body, no database query):
# every raise of the data version (audit.version.bump) also increments it. A token that is
# missing (evicted, Redis restarted) is replaced by a fresh random one, so bodies cached under
# an older token are never found again. A process whose increment failed (Redis away) replaces
# the token as soon as it reaches Redis again, so a change made during an outage is never
# hidden by a body cached before it (core.cache.SafeRedisCache turns other failures into
# misses). With a process-local cache (the default) there is nothing
# shared to keep in step: callers read the database's version instead.

TOKEN_KEY = "sipokja:data-version-token"
_lost_increment = {"pending": False}


def shared_cache():
    """Django's default cache when it is the shared Redis one (core.cache.SafeRedisCache),
    else None."""
    real = caches["default"]
    return real if isinstance(real, RedisCache) else None


def _resting(cache) -> bool:
    """Whether the cache is leaving Redis alone after a failure (core.cache.SafeRedisCache)."""
    return bool(getattr(cache, "resting", lambda: False)())


def _fresh_token() -> int:
    return secrets.randbits(62)


def token_pending() -> bool:
    """Whether this process lost an increment of the token (it is replaced on the next read)."""
    return _lost_increment["pending"]


def version_token():
    """The shared data-version token, or None (no shared cache, or Redis cannot be reached)."""
    cache = shared_cache()
    if cache is None or _resting(cache):
        return None
    if _lost_increment["pending"]:
        cache.delete(TOKEN_KEY)
        if _resting(cache):
            return None
        _lost_increment["pending"] = False
    token = cache.get(TOKEN_KEY)
    if token is None:
        candidate = _fresh_token()
        token = candidate if cache.add(TOKEN_KEY, candidate, None) else cache.get(TOKEN_KEY)
    return token


def raise_version_token() -> None:
    """Called after the data version was raised: every instance's next read sees a new token."""
    cache = shared_cache()
    if cache is None:
        return
    from redis.exceptions import RedisError  # only with Redis (the package costs 5 MB)

    try:
        if _resting(cache):
            raise RedisError("resting")
        cache._cache.get_client(write=True).incr(cache.make_and_validate_key(TOKEN_KEY))
    except RedisError as error:
        _lost_increment["pending"] = True
        if hasattr(cache, "_failed"):
            cache._failed("incr", error)


def current() -> int:
    """The current data version (one query)."""
    return DataVersion.objects.filter(pk=_ROW).values_list("value", flat=True).first() or 0


def shared() -> bool:
    """Whether the cache is the shared one (Redis), where the version token lives."""
    return shared_cache() is not None


def token():
    """What a cache key carries for the data version: the token shared through Redis (no
    database query) when the cache is Redis and answers, else the database's version."""
    shared = version_token()
    return f"t{shared}" if shared is not None else current()


_token = token  # for `kept`, whose keyword shadows the name


# Aggregates kept under the data version (dashboards, the matrix, the national recap): read
# afresh after every committed change, since the change raises the version, like
# assessment.summary's RegionStatus rows. Each process's memory, or Redis with REDIS_URL;
# `SIPOKJA_KEPT_SECONDS` long at most (0: never kept).


def kept_seconds() -> int:
    from django.conf import settings

    return settings.SIPOKJA_KEPT_SECONDS


def kept(parts, compute, *, token=None):
    """`compute()`, or its answer computed earlier under the same parts and data version
    (`token`, read BEFORE the data; read here when not given)."""
    seconds = kept_seconds()
    if seconds <= 0:
        return compute()
    token = _token() if token is None else token
    key = "kept:" + hashlib.sha256(":".join(map(str, (*parts, token))).encode()).hexdigest()
    cache = caches["default"]
    found = cache.get(key)
    if found is not None:
        return found[0]
    value = compute()
    cache.set(key, (value,), seconds)
    return value


def kept_html(parts, template_name, context, *, token=None):
    """The HTML of `template_name` rendered with `context()`, or the same HTML rendered earlier
    under the same parts, data version, date and language (`kept`). Rendered without a request,
    so it holds nothing of the viewer (no user, no CSRF token): `parts` must name everything
    else its content depends on (region, year, filters, the viewer's permission level where
    links differ). Never for a template that shows personal data."""
    parts = ("html", template_name, *parts, timezone.localdate(), get_language())
    html = kept(parts, lambda: render_to_string(template_name, context()), token=token)
    return mark_safe(html)  # our own rendering, escaped when it was rendered


def _raise() -> None:
    if not DataVersion.objects.filter(pk=_ROW).update(value=F("value") + 1):
        DataVersion.objects.get_or_create(pk=_ROW, defaults={"value": 1})


def bump() -> None:
    _raise()
    # The token shared through Redis follows, once the raise is committed.
    transaction.on_commit(raise_version_token)


def _bump_after_commit() -> None:
    try:
        _raise()
        raise_version_token()
    except Exception:  # the change itself is committed; caches expire on their own
        log.exception("Could not raise the data version")


def changed() -> None:
    """Raise the data version when the current transaction commits (at once outside one).
    Once per transaction: later calls in the same transaction find the pending raise."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_after_commit)
