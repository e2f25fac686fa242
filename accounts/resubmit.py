"""A form sent twice (a double tap, a retry on a flaky connection) saves once (issue 22).

The CRUD base (accounts.crud.form_screen) fingerprints each POST: the person (session), the
path, the fields and the uploaded files' names and sizes. The first one claims the fingerprint
in the shared cache before saving; an identical POST within WINDOW seconds does not save again:
it is sent to where the first one went, or, while the first is still being saved, told to wait.
When the cache is unavailable the claim cannot be checked and the POST is saved as usual
(browsers also disable the button after the first press, static/js/app.js).
"""

import hashlib

from django.core.cache import cache

WINDOW = 120
PENDING = "pending"


def fingerprint(request) -> str | None:
    """The POST's key in the cache; None (no check) for a request without a session."""
    fields = sorted(
        (name, value)
        for name in request.POST
        if name != "csrfmiddlewaretoken"
        for value in request.POST.getlist(name)
    )
    files = sorted((name, f.name, f.size) for name, f in request.FILES.items())
    session = getattr(request, "session", None)
    who = getattr(session, "session_key", None)
    if not who:
        return None
    raw = repr((who, request.path, fields, files)).encode()
    return "resubmit:" + hashlib.sha256(raw).hexdigest()


def claim(key) -> str | None:
    """None when this POST may go ahead; else PENDING or the URL the first one went to."""
    if key is None:
        return None
    if cache.add(key, PENDING, WINDOW):
        return None
    return cache.get(key)  # None too when the cache cannot be reached


def done(key, url) -> None:
    if key is not None:
        cache.set(key, url, WINDOW)


def release(key) -> None:
    if key is not None:
        cache.delete(key)
