"""Read helpers of the Pokja registry (safe to call from any app; the caller checks permissions)."""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import models
from django.utils import timezone

from workgroups.models import Decree, Member, SubGroup, WorkGroup


def active_workgroup(region) -> WorkGroup | None:
    """The active Pokja of `region` (a Region), or None when it has none (never formed, or
    dissolved)."""
    return (
        WorkGroup.objects.filter(region=region, status=WorkGroup.Status.ACTIVE)
        .select_related("region")
        .first()
    )


def active_workgroups(region_ids) -> dict[int, WorkGroup]:
    """{region_id: active WorkGroup} for the given region ids, in one query. Regions without an
    active Pokja are missing from the dict."""
    return {
        wg.region_id: wg
        for wg in WorkGroup.objects.filter(
            region_id__in=list(region_ids), status=WorkGroup.Status.ACTIVE
        )
    }


def current_decrees(workgroup_ids, *, on: datetime.date | None = None) -> dict[int, Decree]:
    """{workgroup_id: Decree in force on `on`} for many Pokja, in one query, with the same rule
    as `WorkGroup.current_decree`: among decrees valid on that date, the one that took effect
    last. Pokja without a valid decree on that date are missing from the dict."""
    on = on or timezone.localdate()
    decrees = (
        Decree.objects.filter(workgroup_id__in=list(workgroup_ids), valid_from__lte=on)
        .filter(models.Q(valid_until__isnull=True) | models.Q(valid_until__gte=on))
        .order_by("workgroup_id", *Decree.CURRENT_ORDER)
    )
    result: dict[int, Decree] = {}
    for decree in decrees:
        result.setdefault(decree.workgroup_id, decree)
    return result


def current_members(workgroup, *, on: datetime.date | None = None):
    """The members active on `on` (default today), with institution and sub-group loaded."""
    on = on or timezone.localdate()
    return (
        workgroup.members.filter(models.Q(active_from__isnull=True) | models.Q(active_from__lte=on))
        .filter(models.Q(active_until__isnull=True) | models.Q(active_until__gte=on))
        .select_related("institution", "subgroup", "user")
    )


def sort_members(members) -> list[Member]:
    """Members in the order of a decree's membership table: by role, sub-group, name."""
    return sorted(
        members,
        key=lambda m: (m.role_rank, m.subgroup.order if m.subgroup else -1, m.name.lower()),
    )


@dataclass(frozen=True)
class SectorMix:
    government: int
    non_government: int
    unknown: int
    by_sector: list  # [(sector label, count)], largest first


def sector_mix(members) -> SectorMix:
    """Government / non-government counts of `members` (an iterable with institutions loaded).
    Members without an institution are counted as unknown."""
    government = non_government = unknown = 0
    sectors = Counter()
    for member in members:
        institution = member.institution
        if institution is None:
            unknown += 1
            continue
        sectors[institution.get_sector_display()] += 1
        if institution.is_government:
            government += 1
        else:
            non_government += 1
    return SectorMix(government, non_government, unknown, sectors.most_common())


def allowed_subgroups(workgroup):
    """Sub-groups a member of this Pokja may belong to: the ones the Pokja picked, or the whole
    active catalogue while it has picked none."""
    picked = workgroup.subgroups.all()
    if picked.exists():
        return picked
    return SubGroup.objects.filter(is_active=True)
