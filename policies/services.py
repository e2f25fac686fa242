"""Regional policies and planning documents: writes (atomic, keyword-only, `by=` the acting
user) and the queries other apps rely on.

Functions for other apps:
- `planning_documents(region_ids, year)`: `{region_id: [Policy, …]}` enacted RPJMD/RKPD/
  Renstra OPD/GDPK in force in `year`, indicators prefetched (two queries).
- `integrated_indicators(region_ids, year)`: `{region_id: {indicator_id, …}}`, the Bangga
  Kencana indicators integrated into those documents.
- `policy_counts(region_ids)`: `{region_id: {status: count}}`.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import known_fields, lock_owned, save_record
from core.errors import field_error
from planning.common import (
    delete_versioned,
    full_clean_or_raise,
    replace_pdf,
)
from policies.models import Policy

POLICY_FIELDS = (
    "kind",
    "number",
    "title",
    "issued_on",
    "status",
    "subgroup",
    "period_start",
    "period_end",
    "summary",
)


# --- reads for other apps ------------------------------------------------------------------


def _in_force(year: int) -> Q:
    """Enacted documents covering `year`: by their period, or (without one) enacted by the
    end of that year."""
    with_period = Q(period_start__isnull=False, period_start__lte=year) & (
        Q(period_end__isnull=True) | Q(period_end__gte=year)
    )
    without_period = Q(period_start__isnull=True, issued_on__year__lte=year) & (
        Q(period_end__isnull=True) | Q(period_end__gte=year)
    )
    return Q(status=Policy.Status.ENACTED) & (with_period | without_period)


def planning_documents(region_ids, year: int) -> dict[int, list[Policy]]:
    """`{region_id: [Policy]}`: the enacted planning documents (RPJMD, RKPD, Renstra OPD, GDPK)
    of those regions in force in `year`, with `indicators` prefetched. Regions without one are
    absent. Used for "Bangga Kencana indicators integrated into regional planning documents"."""
    qs = (
        Policy.objects.filter(region_id__in=list(region_ids), kind__in=Policy.PLANNING_KINDS)
        .filter(_in_force(year))
        .prefetch_related("indicators")
        .order_by("region_id", "kind", "-issued_on")
    )
    result: dict[int, list[Policy]] = {}
    for policy in qs:
        result.setdefault(policy.region_id, []).append(policy)
    return result


def integrated_indicators(region_ids, year: int) -> dict[int, set[int]]:
    """`{region_id: {indicator_id}}`: indicators integrated into the planning documents in force
    in `year` (one query). Regions without any are absent."""
    Through = Policy.indicators.through
    rows = (
        Through.objects.filter(
            policy__in=Policy.objects.filter(
                region_id__in=list(region_ids), kind__in=Policy.PLANNING_KINDS
            ).filter(_in_force(year))
        )
        .values_list("policy__region_id", "indicator_id")
        .distinct()
    )
    result: dict[int, set[int]] = {}
    for region_id, indicator_id in rows:
        result.setdefault(region_id, set()).add(indicator_id)
    return result


def policy_counts(region_ids) -> dict[int, dict[str, int]]:
    """`{region_id: {"drafting": n, "enacted": n, "revoked": n}}` (one query)."""
    result: dict[int, dict[str, int]] = {}
    rows = (
        Policy.objects.filter(region_id__in=list(region_ids))
        .values_list("region_id", "status")
        .annotate(n=Count("pk"))
    )
    for region_id, status, n in rows:
        result.setdefault(region_id, {})[status] = n
    return result


# --- writes --------------------------------------------------------------------------------


@transaction.atomic
def save_policy(
    *,
    by,
    region,
    policy=None,
    expected_version=None,
    indicators=None,
    file=None,
    remove_file=False,
    **fields,
) -> Policy:
    """Create (`policy=None`) or update a policy of `region`. `indicators` (ids or Indicator
    objects) replace the integrated indicators and are only accepted for planning documents.
    Updates need `expected_version` and are refused when someone saved in between."""
    from indicators.models import Indicator
    from workgroups.models import SubGroup

    known_fields(fields, POLICY_FIELDS, "policy")
    creating = policy is None
    if creating:
        policy = Policy(region=region, created_by=by)
    else:
        refused = _("This policy belongs to another region.")
        policy = lock_owned(policy, expected_version, refused, region=region)
    for name, value in fields.items():
        setattr(
            policy,
            name,
            value.strip() if isinstance(value, str) and name in ("number", "title") else value,
        )
    if (
        policy.subgroup_id
        and not SubGroup.objects.filter(pk=policy.subgroup_id, is_active=True).exists()
    ):
        raise field_error("subgroup", _("Choose an active sub-group."))
    full_clean_or_raise(policy, exclude=["region"])

    new_ids = None
    if indicators is not None:
        new_ids = sorted({getattr(i, "pk", i) for i in indicators})
        found = set(
            Indicator.objects.filter(pk__in=new_ids, is_active=True).values_list("pk", flat=True)
        )
        if found != set(new_ids):
            raise field_error("indicators", _("Choose indicators from the catalogue."))
    planning = policy.kind in Policy.PLANNING_KINDS
    if new_ids and not planning:
        message = _(
            "Integrated indicators are recorded for planning documents only (RPJMD, RKPD, Renstra OPD, GDPK)."
        )
        raise field_error("indicators", message)

    replace_pdf(policy, "file", "original_filename", file, remove=remove_file)
    save_record(policy, expected_version=expected_version)

    if not planning and not creating:
        new_ids = []  # a document that is no longer a planning document keeps no indicators
    if new_ids is not None:
        old = [] if creating else sorted(policy.indicators.values_list("pk", flat=True))
        if old != new_ids:
            policy.indicators.set(new_ids)
            record(
                action="update",
                instance=policy,
                region_code=region.code,
                changes={"indicators": [old, new_ids]},
                actor=by,
            )
    return policy


@transaction.atomic
def delete_policy(*, by, policy, expected_version) -> None:
    delete_versioned(policy, expected_version, "file")
