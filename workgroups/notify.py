"""SK expiry notices: every day (on the job schedule, once however many workers run) the
operators of the region and the province's admins are told when the Pokja's decree in force will
expire within 90 days, within 30 days, and once it has expired without a successor. Each notice
goes once per decree and threshold (notifications keyed by both), so a second run, or a run
after a missed day, repeats nothing."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jobs.schedule import daily
from notifications import kinds, recipients
from notifications.services import notify
from workgroups.models import Decree, WorkGroup

DECREE_EXPIRY = "workgroups.decree_expiry"
THRESHOLDS = (30, 90)  # days before the end of validity, nearest first
# An expiry older than this is old news: no "expired" notice for it any more.
EXPIRED_WITHIN_DAYS = 30


def _renewed(decree) -> bool:
    """Whether another decree of the Pokja is in force the day after this one ends."""
    return (
        decree.workgroup.current_decree(on=decree.valid_until + datetime.timedelta(days=1))
        is not None
    )


def _people(region):
    return recipients.operators(region) + recipients.province_admins(region)


def check_decrees(*, today: datetime.date | None = None) -> int:
    """Send the notices due `today`; returns how many notifications were created."""
    today = today or timezone.localdate()
    decrees = (
        Decree.objects.filter(
            workgroup__status=WorkGroup.Status.ACTIVE,
            valid_until__gte=today - datetime.timedelta(days=EXPIRED_WITHIN_DAYS),
            valid_until__lte=today + datetime.timedelta(days=max(THRESHOLDS)),
            valid_from__lte=today,
        )
        .select_related("workgroup__region__parent")
        .order_by("pk")
    )
    created = 0
    for decree in decrees:
        if _renewed(decree):
            continue
        region = decree.workgroup.region
        url = reverse("workgroups:decrees", kwargs={"code": region.code})
        values = {
            "number": decree.number,
            "region": region.display_name,
            "date": decree.valid_until.strftime("%d-%m-%Y"),
        }
        days_left = (decree.valid_until - today).days
        if days_left < 0:
            created += len(
                notify(
                    kind=kinds.DECREE_EXPIRED,
                    users=_people(region),
                    title=lambda v=values: (
                        _("The Pokja decree (SK) %(number)s of %(region)s expired on %(date)s") % v
                    ),
                    url=url,
                    region=region,
                    key=f"decree.expired:{decree.pk}",
                )
            )
            continue
        threshold = next(t for t in THRESHOLDS if days_left <= t)
        created += len(
            notify(
                kind=kinds.DECREE_EXPIRING,
                users=_people(region),
                title=lambda v=values, d=days_left: (
                    _(
                        "The Pokja decree (SK) %(number)s of %(region)s expires on %(date)s "
                        "(in %(days)d days)"
                    )
                    % {**v, "days": d}
                ),
                url=url,
                region=region,
                key=f"decree.expiring:{decree.pk}:{threshold}",
            )
        )
    return created


daily(DECREE_EXPIRY, label=gettext_lazy("Pokja decree (SK) expiry notices"), run=check_decrees)
