"""The shared cache (Redis, when `REDIS_URL` is set) that never fails a request.

A cache is an optimisation: when Redis goes away, reads miss and writes are dropped, so pages
render from the database (never from a stale copy: every cached body is keyed by the data
version, audit.version). Each failure is logged; after one, this process leaves Redis alone
for `RETRY_SECONDS` so that a hung server does not add its timeout to every request.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
# What each operation answers while Redis cannot be reached: a miss, nothing stored.
_FALLBACKS = {
    "get": lambda key, default=None, version=None: default,
    "get_many": lambda *args, **kwargs: {},
    "has_key": lambda *args, **kwargs: False,
    "add": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "set": lambda *args, **kwargs: None,
    "set_many": lambda *args, **kwargs: [],
    "delete_many": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: False,
    "get_or_set": None,  # built on get and add: safe through them
}


class _ReusedClient(RedisCacheClient):
    """Django's Redis client that builds one `redis.Redis` per connection pool and reuses it
    (Django builds one per operation, about 500 dict entries of response callbacks each time:
    most of a cached page's cost). A `redis.Redis` is safe to share between threads."""

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SafeRedisCache(RedisCache):
    """Django's Redis cache whose connection errors become cache misses (logged)."""

    # Per Redis location, when this process may try it again (shared by its threads).
    _down_until: dict[str, float] = {}

    def __init__(self, server, params):
        params = dict(params)
        options = {"socket_connect_timeout": 1, "socket_timeout": 1, **params.get("OPTIONS", {})}
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = _ReusedClient
        self._location = ",".join(self._servers)

    def validate_key(self, key):
        """Redis takes any key: no memcached key warnings (a loop over each key's characters on
        every read)."""

    def resting(self) -> bool:
        """Whether a recent failure says to leave Redis alone for now."""
        return time.monotonic() < self._down_until.get(self._location, 0.0)

    def reachable(self) -> bool:
        """Whether Redis answers a PING now (for /readyz); never raises."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except RedisError as error:
            self._failed("ping", error)
            return False

    def _failed(self, operation: str, error: Exception) -> None:
        self._down_until[self._location] = time.monotonic() + RETRY_SECONDS
        log.warning(
            "Cache unavailable (%s: %s); serving without it for %ss",
            operation,
            error,
            RETRY_SECONDS,
        )


def _guarded(name, fallback):
    method = getattr(RedisCache, name)

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if self.resting():
            return fallback(*args, **kwargs)
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            self._failed(name, error)
            return fallback(*args, **kwargs)

    return guarded


for _name, _fallback in _FALLBACKS.items():
    if _fallback is not None:
        setattr(SafeRedisCache, _name, _guarded(_name, _fallback))
