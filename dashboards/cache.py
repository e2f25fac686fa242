"""The rendered body of the province and kab/kota dashboards, cached in Django's cache: each
process's memory by default, one Redis shared by every instance with `REDIS_URL` (a Redis that
is away means a miss: core.cache).

The key holds the data version (audit.version.token: with Redis a token kept in Redis itself, so
a cached view reads no database row beyond the session and the user), read BEFORE the data: any
committed change raises it, so the next request renders afresh. It also holds the date (overdue
items, the assessment date) and the language; `SIPOKJA_DASHBOARD_CACHE_SECONDS` bounds the age
of an entry (what only time changes: a meeting that has just ended). 0 turns the cache off.

A whole page is kept compressed and goes as kept to a browser that takes gzip (`_answer`).

`region_view` is accounts.access.region_view for these pages, with the region and the user's
role assignments read from the same cache under the same data version (role assignments and
regions are audited, so a change to them raises it).
"""

import gzip
import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.middleware.gzip import re_accepts_gzip  # how Django's GZipMiddleware decides
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.safestring import mark_safe
from django.utils.text import compress_string
from django.utils.translation import get_language

from accounts import access
from audit import version
from notifications.services import unread_key
from notifications.templatetags.notifications import unread_notifications


def _key(*parts) -> str:
    return ":".join(str(p) for p in parts)


def rendered(parts, render, *, token=None) -> str:
    """`render()` (a str), or the same str rendered earlier under the same parts, data version,
    date and language."""
    seconds = settings.SIPOKJA_DASHBOARD_CACHE_SECONDS
    if seconds <= 0:
        return mark_safe(render())
    token = version.token() if token is None else token
    key = _key("dashboard", *parts, token, timezone.localdate(), get_language())
    body = cache.get(key)
    if body is None:
        body = render()
        cache.set(key, body, seconds)
    return mark_safe(body)  # our own rendering, escaped when it was rendered


def _page_key(request, token):
    """The key of the whole page for this user, address, data version, date, language and CSRF
    secret (the menu's forms carry a token of it), or None when it is not to be cached (the
    cache off, or a message to show)."""
    if settings.SIPOKJA_DASHBOARD_CACHE_SECONDS <= 0 or len(messages.get_messages(request)):
        return None
    secret = _csrf_digest(request)
    return _key(
        "page.gz", request.user.pk, token, timezone.localdate(), get_language(), secret,
        request.get_full_path(),
    )  # fmt: skip


def page(request, render_page):
    """The whole page: `render_page()` (an HttpResponse), kept with the unread count it shows
    under the key region_view chose (a later view with the same count gets it back in the same
    cache round trip as the access check), and with Redis also under a key without the data
    version, holding the version it was rendered at (`_fast_page`)."""
    key = getattr(request, "_page_key", None)
    if key is None:
        return render_page()
    response = render_page()
    if response.status_code == 200 and not getattr(response, "streaming", False):
        unread = unread_notifications({"request": request})
        seconds = settings.SIPOKJA_DASHBOARD_CACHE_SECONDS
        body = _kept_body(response.content)
        cache.set(key, (unread, body), seconds)
        fast_key = getattr(request, "_fast_key", None)
        if fast_key:
            cache.set(fast_key, (request._token, unread, body), seconds)
    return response


def _kept_body(content: bytes) -> bytes:
    """A page body as kept: compressed once (gzip, with Django's random padding against BREACH),
    so that a browser gets about a sixth of the bytes and nginx passes it on as it is. (The keys
    say `.gz`: a body kept uncompressed by an earlier release is never read as compressed.)"""
    return compress_string(content, max_random_bytes=100)


def _answer(request, kept: bytes) -> HttpResponse:
    """The kept body, as it is to a client that accepts gzip (every browser), else unpacked."""
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(kept)
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(gzip.decompress(kept))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _fast_key(request, code, permission):
    secret = _csrf_digest(request)
    user = request.user
    return _key(
        "fast-page.gz", user.pk, user.is_superuser, code, permission.value, timezone.localdate(),
        get_language(), secret, request.get_full_path(),
    )  # fmt: skip


def _fast_page(request, code, permission):
    """With Redis: the page this user was given at this address under the current data version,
    read in ONE round trip with the version token and the unread count (None: go the usual
    way). The user passed the region check under that version, and a change to roles or
    regions raises it."""
    shared = version.shared_cache()
    if (
        shared is None
        or version.kept_seconds() <= 0
        or settings.SIPOKJA_DASHBOARD_CACHE_SECONDS <= 0
        or version.token_pending()
        or len(messages.get_messages(request))
    ):
        return None
    key = request._fast_key = _fast_key(request, code, permission)
    unread = unread_key(request.user.pk)
    found = shared.get_many([version.TOKEN_KEY, key, unread])
    if version.TOKEN_KEY not in found or key not in found or unread not in found:
        return None
    token, shown_unread, content = found[key]
    if token != f"t{found[version.TOKEN_KEY]}" or shown_unread != found[unread]:
        return None
    return _answer(request, content)


def _csrf_digest(request) -> str:
    """A digest of the CSRF secret the page's forms carry a token of (part of a page's key): the
    browser's cookie, or a new one that the response sends as a cookie. (A cached page does not
    renew an existing cookie's expiry: every rendered page does.)"""
    if "CSRF_COOKIE" not in request.META:
        get_token(request)
    return hashlib.sha256(request.META["CSRF_COOKIE"].encode()).hexdigest()[:16]


# Aggregates and lookups a dashboard reads (its status outcome, criteria, the access check) are
# kept under the data version whether or not bodies are cached (audit.version.kept).
kept = version.kept


def _cached_region(request, code, permission, token):
    """accounts.access.get_region, its answer (and the user's role assignments) kept under the
    data version; refusals (404, 403) are never cached. The menu's unread count (kept in the
    shared cache by notifications.services) and the cached page are read in the same round
    trip: `(region, page body or None)`."""
    user = request.user
    seconds = version.kept_seconds()
    if seconds <= 0:
        return access.get_region(user, code, permission), None
    key = _key("region-access", user.pk, user.is_superuser, code, permission.value, token)
    page_key = request._page_key = _page_key(request, token)
    wanted = [key, unread_key(user.pk)] + ([page_key] if page_key else [])
    found = cache.get_many(wanted)
    if unread_key(user.pk) in found and version.shared():
        request._unread_notifications = found[unread_key(user.pk)]
    if key not in found:
        region = access.get_region(user, code, permission)
        cache.set(key, (region, access._assignments(user)), seconds)
        return region, None
    region, assignments = found[key]
    user._sipokja_assignments = assignments  # what access._assignments would read
    body = None
    if page_key in found:
        unread, content = found[page_key]
        if unread == unread_notifications({"request": request}):
            body = content
    return region, body


def region_view(permission):
    """accounts.access.region_view with the lookup above, answering a cached page at once; the
    view also gets `token` (the data version it was answered under) to key its parts with."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            fast = _fast_page(request, code, permission)
            if fast is not None:
                return fast
            token = request._token = version.token()
            request.region, body = _cached_region(request, code, permission, token)
            if body is not None:
                return _answer(request, body)
            return view(request, request.region, *args, token=token, **kwargs)

        wrapper.permission = permission
        return wrapper

    return decorator
