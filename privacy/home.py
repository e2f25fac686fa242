"""Open data-subject requests and breaches on the home page of the admins who must serve them."""

from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import has_permission, regions_in_scope
from accounts.home import HomeItem, HomeSection
from accounts.permissions import Permission
from privacy.models import Breach, DataRequest


def time_left_text(deadline, now) -> str:
    left = deadline - now
    if left.total_seconds() < 0:
        hours = int(-left.total_seconds() // 3600)
        return _("Overdue by %(hours)d hours") % {"hours": hours}
    return _("%(hours)d hours left") % {"hours": int(left.total_seconds() // 3600)}


def open_requests(user):
    regions = regions_in_scope(user)
    return DataRequest.objects.filter(status=DataRequest.Status.OPEN, region__in=regions)


def open_requests_section(user, year):
    if not any(
        has_permission(user, Permission.USER_MANAGE, region)
        for region in regions_in_scope(user).filter(parent__isnull=True)[:40]
    ):
        return None
    now = timezone.now()
    items = []
    for request in open_requests(user).select_related("region")[:20]:
        overdue = request.is_overdue(now)
        items.append(
            HomeItem(
                text=f"{request.get_kind_display()}: {request.subject_name} ({request.region})",
                url=f"/privacy/requests/{request.pk}/",
                link_label=_("Serve"),
                detail=time_left_text(request.deadline, now),
                tag="late" if overdue else "",
            )
        )
    breaches = Breach.objects.filter(status=Breach.Status.OPEN)
    if user.role_assignments.filter(region__isnull=True).exists() or user.is_superuser:
        for breach in breaches[:10]:
            items.append(
                HomeItem(
                    text=_("Breach: %(title)s") % {"title": breach.title},
                    url=f"/privacy/breaches/{breach.pk}/",
                    detail=time_left_text(breach.deadline, now),
                    tag="late" if breach.is_overdue(now) else "",
                )
            )
    if not items:
        return None
    return HomeSection(
        key="privacy",
        title=_("Personal data: requests to serve within 3×24 hours"),
        items=items,
        more_url="/privacy/requests/",
        more_label=_("All requests"),
    )
