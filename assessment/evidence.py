"""What a verification verified: the identity and a content hash of the records a criterion
reads, taken when the province accepts the criterion (assessment.services.review) and taken again
whenever that evidence is written (assessment/staleness.py). A different hash means the evidence
was deleted, replaced or edited since: the verification is stale.

Per kind of criterion:
- decree: the SK in force on the assessment date (the one the engine judged): number, title,
  dates, issuer, and its signed PDF (SHA-256 of the file's bytes);
- work plan: the year's plan (status, approval, signed document) and its live activities (what,
  when, cost; not their progress, which moves all year);
- indicators: the indicators adopted for the year with their targets;
- budget: the year's allocations (source, amount, purpose, document; not the realisation);
- GDPK / RPJMD/RKPD: the region's planning documents, their files and linked indicators;
- declared: the declaration, its note and its PDF.
"""

import datetime
import hashlib
import json

from assessment.engine import assessment_date
from assessment.models import Criterion, Declaration

_CHUNK = 1 << 16


def file_digest(field) -> dict | None:
    """`{"name", "sha256"}` of a FileField's content, None when empty. An unreadable file
    hashes as "missing" (so it still differs from the verified one)."""
    if not field:
        return None
    digest = hashlib.sha256()
    try:
        with field.storage.open(field.name, "rb") as handle:
            for chunk in iter(lambda: handle.read(_CHUNK), b""):
                digest.update(chunk)
    except (OSError, ValueError):
        return {"name": field.name, "sha256": "missing"}
    return {"name": field.name, "sha256": digest.hexdigest()}


def _plain(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "as_tuple"):  # Decimal
        return str(value)
    return value


def _record(instance, fields, files=()) -> dict:
    item = {"model": instance._meta.label, "id": instance.pk}
    for name in fields:
        item[name] = _plain(getattr(instance, name))
    for name in files:
        item[name] = file_digest(getattr(instance, name))
    return item


def _decree(workgroup, year, on):
    from workgroups.models import Decree

    for decree in Decree.objects.filter(workgroup=workgroup, valid_from__lte=on).order_by(
        "-valid_from", "-signed_on", "-pk"
    ):
        if decree.valid_until is None or decree.valid_until >= on:
            return [
                _record(
                    decree,
                    ("number", "title", "signed_on", "issuer", "valid_from", "valid_until"),
                    ("file",),
                )
            ]
    return []


def _work_plan(workgroup, year, on):
    from planning.models import Activity, WorkPlan
    from planning.services import LIVE_STATUSES

    plan = WorkPlan.objects.filter(workgroup=workgroup, year=year).first()
    if plan is None:
        return []
    items = [_record(plan, ("title", "status", "approved_on", "approver_name"), ("document",))]
    for activity in Activity.objects.filter(plan=plan, status__in=LIVE_STATUSES).order_by("pk"):
        items.append(
            _record(activity, ("title", "start_month", "end_month", "planned_cost", "cost_source"))
        )
    return items


def _indicators(workgroup, year, on):
    from indicators.models import WorkGroupIndicator

    return [
        _record(adoption, ("indicator_id", "year", "target"))
        for adoption in WorkGroupIndicator.objects.filter(
            workgroup=workgroup, year=year, target__isnull=False
        ).order_by("indicator_id", "pk")
    ]


def _budget(workgroup, year, on):
    from budget.models import BudgetAllocation

    return [
        _record(
            allocation,
            ("year", "source", "amount", "purpose", "document_reference"),
            ("document",),
        )
        for allocation in BudgetAllocation.objects.filter(workgroup=workgroup, year=year).order_by(
            "pk"
        )
    ]


def _policies(workgroup, year, on, kinds):
    from policies.models import Policy

    items = []
    for policy in (
        Policy.objects.filter(region_id=workgroup.region_id, kind__in=kinds)
        .prefetch_related("indicators")
        .order_by("pk")
    ):
        item = _record(policy, ("kind", "number", "title", "issued_on", "status"), ("file",))
        item["indicators"] = sorted(i.pk for i in policy.indicators.all())
        items.append(item)
    return items


def _declared(workgroup, year, on, criterion):
    declaration = Declaration.objects.filter(
        region_id=workgroup.region_id, criterion=criterion
    ).first()
    return [_record(declaration, ("fulfilled", "note"), ("file",))] if declaration else []


def items_for(criterion, workgroup, year, on=None) -> list[dict]:
    on = on or assessment_date(year)
    kind = criterion.kind
    if kind == Criterion.Kind.DECREE:
        return _decree(workgroup, year, on)
    if kind == Criterion.Kind.WORK_PLAN:
        return _work_plan(workgroup, year, on)
    if kind == Criterion.Kind.INDICATORS:
        return _indicators(workgroup, year, on)
    if kind == Criterion.Kind.BUDGET:
        return _budget(workgroup, year, on)
    if kind == Criterion.Kind.GDPK:
        return _policies(workgroup, year, on, ["gdpk"])
    if kind == Criterion.Kind.PLANNING_INTEGRATION:
        return _policies(workgroup, year, on, ["rpjmd", "rkpd"])
    return _declared(workgroup, year, on, criterion)


def digest(items) -> str:
    return hashlib.sha256(
        json.dumps(items, sort_keys=True, default=str, separators=(",", ":")).encode()
    ).hexdigest()


def fingerprint(criterion, workgroup, year, on=None) -> dict:
    """`{"kind", "workgroup", "items", "hash"}`: what accepting `criterion` now verifies."""
    items = items_for(criterion, workgroup, year, on) if workgroup is not None else []
    return {
        "kind": criterion.kind,
        "workgroup": workgroup.pk if workgroup is not None else None,
        "items": items,
        "hash": digest(items),
    }
