"""The interface language: Indonesian unless the person chose otherwise (issue 22).

Django's LocaleMiddleware follows the browser's `Accept-Language`; Sipokja does not. The
language is, in order: the choice stored in this browser's cookie (the header's switch sets it,
also for anonymous visitors), the logged-in user's stored choice (`User.language`, so it follows
them to another device), else Indonesian (`LANGUAGE_CODE`). Placed after the authentication
middleware, since it reads the user.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.services import choose_language

_CODES = {code for code, _name in settings.LANGUAGES}


def _supported(code):
    return code if code in _CODES else None


def chosen_language(request) -> str:
    cookie = _supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    if cookie:
        return cookie
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        stored = _supported(getattr(user, "language", None))
        if stored:
            return stored
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Activates the chosen language (never the browser's) for the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


@require_POST
def set_language(request):
    """The header's language switch: remember the choice in a cookie and, for a logged-in
    user, on the user; then go back to the page."""
    language = _supported(request.POST.get("language")) or settings.LANGUAGE_CODE
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if request.user.is_authenticated:
        choose_language(by=request.user, user=request.user, language=language)
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
