"""A verification follows its evidence. When the province accepts a criterion, the review keeps
what it verified (assessment/evidence.py). Afterwards:

- every write to evidence (assessment/signals.py, in the same transaction as the write) compares
  the region's accepted criteria with their evidence as it is now: a criterion whose evidence
  was deleted, replaced or edited becomes stale at once;
- once a day the scheduled job `assessment.stale_decrees` (assessment/jobs.py) marks the
  acceptances whose SK has expired (the status computation already counts them stale from the
  expiry date on, `CriterionReview.is_stale`; the job writes the record of it).

A stale acceptance keeps its decision, reviewer and evidence as history; the official status of
the region becomes "perlu verifikasi ulang" (engine.REVERIFY) until the province verifies the
criterion again (or the operator resubmits). Every time, `verification_became_stale` is called
once per assessment: it writes the audit record and is where the province is told.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from assessment import notify
from assessment.evidence import fingerprint
from assessment.models import Criterion, CriterionReview
from audit.registry import record
from core.formats import format_date_id


def verification_became_stale(*, region, criteria, reason, year=None, assessment=None):
    """One or more accepted criteria of `region`'s assessment for `year` no longer match the
    evidence that was verified. Writes the audit record and notifies the verifiers (the province
    of a kab/kota, the national admins for a province)."""
    codes = [c.code for c in criteria]
    record(
        action="other",
        code="assessment.verification_stale",
        instance=assessment,
        model_label="" if assessment is not None else "assessment.Assessment",
        region_code=region.code,
        changes={"year": year, "criteria": codes, "reason": reason},
    )
    notify.stale(region, year, why=reason)


def _mark(reviews, reason, now):
    CriterionReview.objects.filter(pk__in=[r.pk for r in reviews]).update(
        stale_at=now, stale_reason=reason
    )
    for review in reviews:
        review.stale_at, review.stale_reason = now, reason


def _report(marked, reason):
    """`marked`: {assessment: [reviews]}."""
    for assessment, reviews in marked.items():
        verification_became_stale(
            region=assessment.region,
            year=assessment.year,
            criteria=[r.criterion for r in reviews],
            reason=reason,
            assessment=assessment,
        )


def _live_reviews(**filters):
    return (
        CriterionReview.objects.filter(
            decision=CriterionReview.Decision.ACCEPTED, stale_at__isnull=True, **filters
        )
        .select_related("criterion", "assessment__region")
        .order_by("assessment_id", "pk")
    )


# Which kinds of criterion read each kind of evidence (assessment/signals.py EVIDENCE); a
# label not listed here (the Pokja itself) may change any.
KINDS_READING = {
    "workgroups.Decree": [Criterion.Kind.DECREE],
    "planning.WorkPlan": [Criterion.Kind.WORK_PLAN],
    "planning.Activity": [Criterion.Kind.WORK_PLAN],
    "budget.BudgetAllocation": [Criterion.Kind.BUDGET],
    "indicators.WorkGroupIndicator": [Criterion.Kind.INDICATORS],
    "policies.Policy": [Criterion.Kind.GDPK, Criterion.Kind.PLANNING_INTEGRATION],
    "assessment.Declaration": [Criterion.Kind.DECLARED],
}


def check_region(region_id, *, change, label="") -> int:
    """Compare the region's accepted criteria (those reading records of `label`, or all) with
    their evidence now; mark those that differ stale, `change` saying what was written. Returns
    how many became stale."""
    filters = {"assessment__region_id": region_id}
    if label in KINDS_READING:
        filters["criterion__kind__in"] = KINDS_READING[label]
    reviews = [r for r in _live_reviews(**filters) if r.evidence.get("hash")]
    if not reviews:
        return 0
    from workgroups.models import WorkGroup

    workgroup = WorkGroup.objects.filter(
        region_id=region_id, status=WorkGroup.Status.ACTIVE
    ).first()
    stale = {}
    for review in reviews:
        now_seen = fingerprint(review.criterion, workgroup, review.assessment.year)
        if now_seen["hash"] != review.evidence["hash"] or now_seen[
            "workgroup"
        ] != review.evidence.get("workgroup"):
            stale.setdefault(review.assessment, []).append(review)
    if not stale:
        return 0
    reason = _("The verified evidence changed: %(change)s.") % {"change": change}
    now = timezone.now()
    _mark([r for group in stale.values() for r in group], reason, now)
    _report(stale, reason)
    return sum(len(group) for group in stale.values())


def describe(instance, action) -> str:
    """ "SK (decree) “…” deleted": what was written, for the reason of a stale verification."""
    verbs = {"deleted": _("deleted"), "added": _("added"), "changed": _("changed")}
    return f"{instance._meta.verbose_name} “{str(instance)[:120]}” {verbs[action]}"


def stale_decrees(today=None) -> int:
    """Mark stale the accepted SK criteria whose verified decree has expired on its assessment
    date (today for the current year). Returns how many became stale."""
    today = today or timezone.localdate()
    marked = {}
    reasons = {}
    for review in _live_reviews(criterion__kind=Criterion.Kind.DECREE):
        on = min(today, datetime.date(review.assessment.year, 12, 31))
        expired = [
            item
            for item in review.evidence.get("items", ())
            if isinstance(item, dict)
            and item.get("valid_until")
            and item["valid_until"] < on.isoformat()
        ]
        if not expired:
            continue
        item = expired[0]
        reason = _("SK %(number)s, which was verified, expired on %(date)s.") % {
            "number": item.get("number", ""),
            "date": format_date_id(datetime.date.fromisoformat(item["valid_until"])),
        }
        _mark([review], reason, timezone.now())
        marked.setdefault(review.assessment, []).append(review)
        reasons[review.assessment] = reason
    for assessment, reviews in marked.items():
        _report({assessment: reviews}, reasons[assessment])
    if marked:
        from assessment import summary

        summary.invalidate(region_ids=[a.region_id for a in marked])
    return sum(len(v) for v in marked.values())
