"""The answer to a locked-out log-in (django-axes `AXES_LOCKOUT_CALLABLE`): the lock-out page
for the web, JSON for the API (a client of /api/v1/ must never get an HTML page)."""

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def lockout_response(request, original_response=None, credentials=None):
    status = settings.AXES_HTTP_RESPONSE_CODE
    if request.path.startswith("/api/"):
        if original_response is not None and original_response.get("Content-Type", "").startswith(
            "application/json"
        ):
            return original_response  # the API's own 429 answer
        return JsonResponse(
            {"detail": _("Too many failed log-ins. Try again later.")}, status=status
        )
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, status=status)
