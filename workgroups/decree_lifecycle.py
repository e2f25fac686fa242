"""The SK's life (issue 26): a decree may replace an older one (`Decree.replaces`; the older one
stays in the history, shown as replaced), and the province sees which Pokja's decree in force
ends within 90 days with no successor registered yet."""

import datetime

from django.utils import timezone

from workgroups.models import Decree, WorkGroup
from workgroups.services import current_decrees

EXPIRY_WARNING_DAYS = 90


def expiring_decrees(regions, *, on: datetime.date | None = None) -> dict[str, Decree]:
    """{region code: the decree in force} for the regions whose active Pokja's decree ends
    within EXPIRY_WARNING_DAYS days of `on` (default today) and has no successor yet (a decree
    that replaces it or takes effect after it)."""
    on = on or timezone.localdate()
    limit = on + datetime.timedelta(days=EXPIRY_WARNING_DAYS)
    workgroups = {
        w.pk: w
        for w in WorkGroup.objects.filter(
            region__in=list(regions), status=WorkGroup.Status.ACTIVE
        ).select_related("region")
    }
    current = current_decrees(workgroups, on=on)
    ending = {
        pk: decree
        for pk, decree in current.items()
        if decree.valid_until is not None and decree.valid_until <= limit
    }
    if not ending:
        return {}
    later = Decree.objects.filter(workgroup_id__in=list(ending)).values_list(
        "workgroup_id", "valid_from", "replaces_id"
    )
    succeeded = {
        workgroup_id
        for workgroup_id, valid_from, replaces_id in later
        if replaces_id == ending[workgroup_id].pk or valid_from > ending[workgroup_id].valid_from
    }
    return {
        workgroups[pk].region.code: decree for pk, decree in ending.items() if pk not in succeeded
    }
