"""The inbox: the list (newest first, paginated), mark one read (then go to its page), mark all
read, and the e-mail preferences (a form on the profile page, posted here)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import crud
from notifications import services
from notifications.kinds import KINDS
from notifications.models import Notification


@login_required
@require_GET
def inbox(request):
    notifications = Notification.objects.filter(user=request.user).select_related("region")
    listing = crud.listing(request, notifications, per_page=20)
    unread = Notification.objects.filter(user=request.user).unread().exists()
    return render(
        request,
        "notifications/inbox.html",
        {"page": listing.page, "listing": listing, "any_unread": unread},
    )


def _safe(request, url):
    if url and url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return "notifications:inbox"


@login_required
@require_POST
def read(request, pk):
    """Mark one notification read and open the page it is about."""
    notification = get_object_or_404(Notification, pk=pk, user=request.user)
    services.mark_read(notification=notification, by=request.user)
    return redirect(_safe(request, notification.url))


@login_required
@require_POST
def read_all(request):
    count = services.mark_all_read(by=request.user)
    if count:
        messages.success(request, _("All notifications are marked read."))
    return redirect("notifications:inbox")


@login_required
@require_POST
def preferences(request):
    email_kinds = [key for key in request.POST.getlist("email") if key in KINDS]
    services.set_preferences(by=request.user, email_kinds=email_kinds)
    messages.success(request, _("Your notification preferences were saved."))
    return redirect("/accounts/profile/#notifications")
