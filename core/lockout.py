"""Log-in lock-out (django-axes).

`LockoutHandler` (`AXES_HANDLER`) adds a second lock-out to axes's per user name and IP address
one: an IP address with `SIPOKJA_LOGIN_IP_FAILURE_LIMIT` failed log-ins, whatever the user names,
within the last `SIPOKJA_LOGIN_IP_COOLOFF_MINUTES`, is locked out too, so one password tried on
many accounts is slowed down (issue 17, finding 8).

`lockout_response` (`AXES_LOCKOUT_CALLABLE`) is the answer to a locked-out log-in: the lock-out
page for the web, JSON for the API (a client of /api/v1/ must never get an HTML page)."""

import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
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


def _ip_cool_off() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.SIPOKJA_LOGIN_IP_COOLOFF_MINUTES)


def ip_failures(ip_address) -> int:
    """Failed log-ins from `ip_address`, for any user name, within the IP cool-off."""
    if not ip_address:
        return 0
    since = timezone.now() - _ip_cool_off()
    total = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


class LockoutHandler(AxesDatabaseHandler):
    """axes's database handler, plus the lock-out per IP address across user names."""

    def get_failures(self, request, credentials=None) -> int:
        failures = super().get_failures(request, credentials)
        ip_address = getattr(request, "axes_ip_address", None)
        if ip_failures(ip_address) >= settings.SIPOKJA_LOGIN_IP_FAILURE_LIMIT:
            return max(failures, get_failure_limit(request, credentials))
        return failures

    def clean_expired_user_attempts(self, request=None, credentials=None) -> int:
        """Keep failures as long as either lock-out still counts them."""
        keep = max(get_cool_off(request) or datetime.timedelta(0), _ip_cool_off())
        count, _ = AccessAttempt.objects.filter(attempt_time__lte=timezone.now() - keep).delete()
        return count
