"""The hourly check of the 3×24-hour clocks: the province admins (the DPO) are told once of each
request that passed its deadline, the national admins of each breach not yet notified."""

from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.kinds import PRIVACY_BREACH, PRIVACY_REQUEST
from notifications.recipients import holders, province_admins
from notifications.services import notify
from privacy.models import Breach, DataRequest


def notify_overdue(now=None) -> int:
    now = now or timezone.now()
    told = 0
    for request in DataRequest.objects.filter(status="open", deadline__lt=now).select_related(
        "region__parent"
    ):
        told += len(
            notify(
                kind=PRIVACY_REQUEST,
                users=province_admins(request.region),
                title=_("Overdue personal-data request: %(kind)s (past 3×24 hours)")
                % {"kind": request.get_kind_display()},
                url=f"/privacy/requests/{request.pk}/",
                region=request.region,
                key=f"privacy.request.overdue:{request.pk}",
            )
        )
    for breach in Breach.objects.filter(status="open", deadline__lt=now):
        told += len(
            notify(
                kind=PRIVACY_BREACH,
                users=holders(None, ("national_admin",)),
                title=_("Overdue breach notification: %(title)s") % {"title": breach.title},
                url=f"/privacy/breaches/{breach.pk}/",
                region=breach.region,
                key=f"privacy.breach.overdue:{breach.pk}",
            )
        )
    return told
