"""The indicators a Pokja adopts, and how many each Pokja has adopted."""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext as _

from core.errors import ConflictError
from indicators.models import Indicator, WorkGroupIndicator
from indicators.services.checks import _domain_error, check_value


@dataclass
class Adoption:
    """One line of the adoption form: adopt `indicator` (or not) with a target and a note.
    `version` is the version of the existing adoption the form was based on."""

    indicator: Indicator
    adopt: bool
    target: Decimal | None = None
    note: str = ""
    version: int | None = None


@transaction.atomic
def set_adoptions(*, by, workgroup, year, adoptions: Iterable[Adoption]) -> dict:
    """Record which indicators the Pokja adopts for `year` with its own targets: adds new ones,
    changes existing ones and removes those no longer adopted. Stale versions are refused.
    Returns counts {"created", "updated", "deleted"}."""
    current = {
        a.indicator_id: a
        for a in WorkGroupIndicator.objects.select_for_update().filter(
            workgroup=workgroup, year=year
        )
    }
    counts = {"created": 0, "updated": 0, "deleted": 0}
    for item in adoptions:
        existing = current.get(item.indicator.pk)
        if (
            existing is not None
            and item.version is not None
            and existing.version != int(item.version)
        ):
            raise ConflictError(
                _("The adoption of %(indicator)s was changed by someone else. Reload the page.")
                % {"indicator": item.indicator.code}
            )
        if not item.adopt:
            if existing is not None:
                existing.delete()
                counts["deleted"] += 1
            continue
        if item.target is not None:
            try:
                check_value(item.indicator, item.target)
            except ValueError as exc:
                raise _domain_error(exc, "target") from None
        if existing is None:
            WorkGroupIndicator.objects.create(
                workgroup=workgroup,
                indicator=item.indicator,
                year=year,
                target=item.target,
                note=item.note,
                created_by=by,
            )
            counts["created"] += 1
        elif existing.target != item.target or existing.note != item.note:
            existing.target, existing.note, existing.is_demo = item.target, item.note, False
            existing.version += 1
            existing.save()
            counts["updated"] += 1
    return counts


def adopted_counts(workgroup_ids: Iterable[int], year: int) -> dict[int, int]:
    """For the effectiveness assessment (criterion 3, "Bangga Kencana indicators with targets"):
    `{workgroup_id: number of indicators the Pokja adopted for `year` with a target}`.

    One query, whatever the number of Pokja; every id asked for is in the result (0 when it
    adopted none). An adoption without a target does not count.
    """
    ids = list(workgroup_ids)
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    rows = (
        WorkGroupIndicator.objects.filter(workgroup_id__in=ids, year=year, target__isnull=False)
        .values("workgroup_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["workgroup_id"]] = row["n"]
    return counts
