"""The rendered body of the province and kab/kota dashboards, cached in Django's cache: each
process's memory by default, one Redis shared by every instance with `REDIS_URL` (a Redis that
is away means a miss: core.cache).

The key holds the data version (audit.version), read BEFORE the data: any committed change
raises it, so the next request renders afresh. It also holds the date (overdue items, the
assessment date) and the language; `SIPOKJA_DASHBOARD_CACHE_SECONDS` bounds the age of an
entry (what only time changes: a meeting that has just ended). 0 turns the cache off.
"""

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from audit import version


def rendered(parts, render) -> str:
    """`render()` (a str), or the same str rendered earlier under the same parts, data version,
    date and language."""
    seconds = settings.SIPOKJA_DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return mark_safe(render())
    key = ":".join(
        str(p)
        for p in ("dashboard", *parts, version.current(), timezone.localdate(), get_language())
    )
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, seconds)
    return mark_safe(body)  # our own rendering, escaped when it was rendered
