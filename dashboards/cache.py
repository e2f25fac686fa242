"""The rendered body of the province and kab/kota dashboards, cached in Django's cache: each
process's memory by default, one Redis shared by every instance with `REDIS_URL` (a Redis that
is away means a miss: core.cache).

The key holds the data version (audit.version.token: with Redis a token kept in Redis itself, so
a cached view reads no database row beyond the session and the user), read BEFORE the data: any
committed change raises it, so the next request renders afresh. It also holds the date (overdue
items, the assessment date) and the language; `SIPOKJA_DASHBOARD_CACHE_SECONDS` bounds the age
of an entry (what only time changes: a meeting that has just ended). 0 turns the cache off.

`region_view` is accounts.access.region_view for these pages, with the region and the user's
role assignments read from the same cache under the same data version (role assignments and
regions are audited, so a change to them raises it).
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.safestring import mark_safe
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


def page(request, parts, render_page, *, token):
    """The whole page (`render_page()`, an HttpResponse), or its HTML rendered earlier for the
    same user, page, data version, date, language, address, unread count and CSRF secret (the
    forms of the menu carry a token of it). Pages with a message to show are never cached."""
    seconds = settings.SIPOKJA_DASHBOARD_CACHE_SECONDS
    if seconds <= 0 or len(messages.get_messages(request)):
        return render_page()
    get_token(request)  # the CSRF secret exists from here on (and its cookie is sent)
    secret = hashlib.sha256(_csrf_secret(request)).hexdigest()
    key = _key(
        "page", *parts, token, timezone.localdate(), get_language(), request.user.pk,
        unread_notifications({"request": request}), secret[:16], request.get_full_path(),
    )  # fmt: skip
    body = cache.get(key)
    if body is not None:
        return HttpResponse(body)
    response = render_page()
    if response.status_code == 200 and not getattr(response, "streaming", False):
        cache.set(key, response.content, seconds)
    return response


def _csrf_secret(request) -> bytes:
    return (request.META.get("CSRF_COOKIE") or "").encode()


# Aggregates and lookups a dashboard reads (its status outcome, criteria, the access check) are
# kept under the data version whether or not bodies are cached (audit.version.kept).
kept = version.kept
KEPT_SECONDS = version.KEPT_SECONDS


def _cached_region(request, code, permission, token):
    """accounts.access.get_region, its answer (and the user's role assignments) kept under the
    data version; refusals (404, 403) are never cached. The menu's unread count (kept in the
    shared cache by notifications.services) is read in the same round trip."""
    user = request.user
    key = _key("region-access", user.pk, user.is_superuser, code, permission.value, token)
    found = cache.get_many([key, unread_key(user.pk)])
    if unread_key(user.pk) in found and version.shared():
        request._unread_notifications = found[unread_key(user.pk)]
    if key in found:
        region, assignments = found[key]
        user._sipokja_assignments = assignments  # what access._assignments would read
        return region
    region = access.get_region(user, code, permission)
    cache.set(key, (region, access._assignments(user)), KEPT_SECONDS)
    return region


def region_view(permission):
    """accounts.access.region_view with the lookup above; the view also gets `token` (the data
    version it was answered under) to key its body with."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, code, *args, **kwargs):
            token = version.token()
            request.region = _cached_region(request, code, permission, token)
            return view(request, request.region, *args, token=token, **kwargs)

        wrapper.permission = permission
        return wrapper

    return decorator
