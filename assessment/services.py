"""Writes of the assessment: submission by the operator, verification by the level above."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import has_permission
from accounts.permissions import Permission
from assessment import notify
from assessment.engine import EFFECTIVE, FULFILLED, evaluate_region
from assessment.evidence import fingerprint
from assessment.models import Assessment, Criterion, CriterionReview, Declaration, Snapshot
from audit.registry import record
from core.errors import DomainError
from core.uploads import validate_pdf


def verifier_region(region):
    """Verification is done by the level above: the province for a kab/kota, national admins
    (region None) for a province."""
    return region.parent if region.parent_id else None


def may_verify(user, region) -> bool:
    return has_permission(user, Permission.ASSESSMENT_VERIFY, verifier_region(region))


def may_submit(user, region) -> bool:
    """Whether the user is offered "Ajukan": the region's own people (its operators, or the
    province admin for the province itself), not the level above that verifies it."""
    return has_permission(user, Permission.ASSESSMENT_SUBMIT, region) and not may_verify(
        user, region
    )


def _log(code, assessment, changes, by):
    record(
        action="other",
        code=code,
        instance=assessment,
        region_code=assessment.region.code,
        changes=changes,
        actor=by,
    )


@transaction.atomic
def submit(*, by, region, year, note="") -> Assessment:
    """Submit (or resubmit) the year's assessment for verification. Criteria rejected before go
    back to "awaiting verification" with the evidence as it is now; accepted ones stay accepted."""
    outcome = evaluate_region(region, year)
    if outcome.workgroup is None:
        raise DomainError(
            _("This region has no Pokja yet: form the Pokja before submitting an assessment.")
        )
    assessment, _created = Assessment.objects.select_for_update().get_or_create(
        region=region, year=year
    )
    if assessment.status == Assessment.Status.VERIFIED and not outcome.stale:
        raise DomainError(_("The %(year)s assessment has already been verified.") % {"year": year})
    reviews = {r.criterion_id: r for r in assessment.reviews.all()}
    for result in outcome.results:
        review = reviews.get(result.criterion.pk) or CriterionReview(
            assessment=assessment, criterion=result.criterion
        )
        if review.decision != CriterionReview.Decision.ACCEPTED or result.stale:
            # A stale acceptance is verified again; its evidence stays in the snapshot.
            review.decision = CriterionReview.Decision.PENDING
            review.reviewed_at = review.reviewed_by = None
            review.evidence, review.stale_at, review.stale_reason = {}, None, ""
        review.submitted_state = result.state
        review.submitted_explanation = result.explanation
        review.save()
    assessment.status = Assessment.Status.SUBMITTED
    assessment.note = note
    assessment.submitted_at = timezone.now()
    assessment.submitted_by = by
    assessment.version += 1
    assessment.save()
    _log(
        "assessment.submitted",
        assessment,
        {
            "year": year,
            "criteria": {r.criterion.code: r.state for r in outcome.results},
            "note": note,
        },
        by,
    )
    notify.submitted(assessment)
    return assessment


@transaction.atomic
def respond(*, by, assessment, criterion, response) -> CriterionReview:
    """The operator's answer to a rejection (what was fixed)."""
    review = assessment.reviews.select_for_update().filter(criterion=criterion).first()
    if review is None:
        raise DomainError(_("This criterion has not been reviewed."))
    review.response = response.strip()
    review.save(update_fields=["response"])
    _log(
        "assessment.answered",
        assessment,
        {"criterion": criterion.code, "response": review.response},
        by,
    )
    return review


@transaction.atomic
def review(*, by, assessment, criterion, decision, reason="") -> Assessment:
    """Accept or reject one criterion's evidence. When every criterion has a decision, the
    assessment is closed (verified, or returned for correction) and a snapshot is kept."""
    assessment = (
        Assessment.objects.select_for_update().select_related("region").get(pk=assessment.pk)
    )
    before = evaluate_region(assessment.region, assessment.year)
    was_stale = any(r.stale and r.criterion.pk == criterion.pk for r in before.results)
    if assessment.status != Assessment.Status.SUBMITTED and not was_stale:
        raise DomainError(_("Only a submitted assessment can be verified."))
    if decision not in (CriterionReview.Decision.ACCEPTED, CriterionReview.Decision.REJECTED):
        raise DomainError(_("Choose accept or reject."))
    reason = (reason or "").strip()
    if decision == CriterionReview.Decision.REJECTED and not reason:
        message = _("Give the reason for the rejection, so the operator knows what to fix.")
        raise DomainError(message, errors=[{"field": "reason", "message": message}])
    item = assessment.reviews.filter(criterion=criterion).first()
    if item is None:
        raise DomainError(_("This criterion is not part of the submitted assessment."))
    item.decision = decision
    item.reason = reason if decision == CriterionReview.Decision.REJECTED else ""
    item.reviewed_at = timezone.now()
    item.reviewed_by = by
    item.stale_at, item.stale_reason = None, ""
    item.evidence = (
        fingerprint(criterion, before.workgroup, assessment.year)
        if decision == CriterionReview.Decision.ACCEPTED
        else {}
    )
    item.save()
    _log(
        "assessment.reviewed",
        assessment,
        {
            "criterion": criterion.code,
            "decision": decision,
            "reason": reason,
            "evidence": item.evidence.get("hash", ""),
        },
        by,
    )

    outcome = evaluate_region(assessment.region, assessment.year)
    decisions = [r.verified_state for r in outcome.results]
    if decisions and not {"pending", "stale", None} & set(decisions):
        effective = all(d == CriterionReview.Decision.ACCEPTED for d in decisions)
        assessment.status = Assessment.Status.VERIFIED if effective else Assessment.Status.RETURNED
        assessment.verified_at = timezone.now()
        assessment.verified_by = by
        assessment.version += 1
        assessment.save()
        Snapshot.objects.create(
            region=assessment.region,
            year=assessment.year,
            effective=effective,
            computed_effective=outcome.computed_status == EFFECTIVE,
            criteria=[r.as_dict() for r in outcome.results],
            taken_by=by,
        )
        _log(
            "assessment.verified", assessment, {"year": assessment.year, "effective": effective}, by
        )
        notify.closed(assessment)
    return assessment


def acceptable(outcome) -> list:
    """The criteria "Terima semua yang terpenuhi" accepts: fulfilled by the records and awaiting
    a decision (pending, or an acceptance gone stale)."""
    return [
        r
        for r in outcome.results
        if r.state == FULFILLED
        and r.review is not None
        and r.verified_state in ("pending", "stale")
    ]


@transaction.atomic
def accept_met(*, by, assessment) -> list:
    """Accept, in one transaction, every criterion the records fulfil that awaits a decision
    (one audit record per criterion, as `review` writes; the operators are told once, when the
    verification closes). Returns the accepted criteria."""
    assessment = (
        Assessment.objects.select_for_update().select_related("region").get(pk=assessment.pk)
    )
    results = acceptable(evaluate_region(assessment.region, assessment.year))
    if not results:
        raise DomainError(_("No fulfilled criterion is waiting for a decision."))
    for result in results:
        review(
            by=by,
            assessment=assessment,
            criterion=result.criterion,
            decision=CriterionReview.Decision.ACCEPTED,
        )
    return [r.criterion for r in results]


@transaction.atomic
def decide(*, by, assessment, rejected=None) -> Assessment:
    """Decide every criterion not yet accepted at once: those named in `rejected`
    (`{criterion code: reason}`) returned with their reason, the others accepted (the demo data,
    and tests that need a verified or returned assessment)."""
    rejected = rejected or {}
    items = assessment.reviews.exclude(decision=CriterionReview.Decision.ACCEPTED)
    for item in items.select_related("criterion"):
        reason = rejected.get(item.criterion.code, "")
        review(
            by=by,
            assessment=assessment,
            criterion=item.criterion,
            decision=CriterionReview.Decision.REJECTED
            if reason
            else CriterionReview.Decision.ACCEPTED,
            reason=reason,
        )
    assessment.refresh_from_db()
    return assessment


@transaction.atomic
def resubmit(*, by, region, year, answers, note="") -> Assessment:
    """The operator's answers to the returned criteria and the resubmission, in one step:
    `answers` is `{criterion: text}`; every returned criterion needs an answer."""
    assessment = Assessment.objects.select_for_update().filter(region=region, year=year).first()
    if assessment is None or assessment.status != Assessment.Status.RETURNED:
        raise DomainError(_("The %(year)s assessment has not been returned.") % {"year": year})
    rejected = assessment.reviews.filter(decision=CriterionReview.Decision.REJECTED)
    errors = [
        {"field": f"answer_{r.criterion_id}", "message": _("Write what was fixed.")}
        for r in rejected
        if not (answers.get(r.criterion) or "").strip()
    ]
    if errors:
        raise DomainError(_("Answer every returned criterion."), errors=errors)
    for criterion, text in answers.items():
        respond(by=by, assessment=assessment, criterion=criterion, response=text)
    return submit(by=by, region=region, year=year, note=note)


@transaction.atomic
def reopen(*, by, assessment) -> Assessment:
    """The verifier reopens a verified assessment (for example after new evidence)."""
    assessment.status = Assessment.Status.SUBMITTED
    assessment.reviews.update(
        decision=CriterionReview.Decision.PENDING,
        reviewed_at=None,
        reviewed_by=None,
        evidence={},
        stale_at=None,
        stale_reason="",
    )
    assessment.version += 1
    assessment.save()
    _log("assessment.reopened", assessment, {"year": assessment.year}, by)
    return assessment


@transaction.atomic
def declare(*, by, region, criterion, fulfilled, note="", file=None) -> Declaration:
    if criterion.kind != Criterion.Kind.DECLARED:
        raise DomainError(_("This criterion is read from the records; it cannot be declared."))
    if file is not None:
        validate_pdf(file)
    declaration, created = Declaration.objects.get_or_create(
        region=region, criterion=criterion, defaults={"fulfilled": fulfilled, "note": note}
    )
    declaration.fulfilled = fulfilled
    declaration.note = note
    if file is not None:
        declaration.file.save("evidence.pdf", file, save=False)
    declaration.save()
    record(
        action="create" if created else "update",
        instance=declaration,
        region_code=region.code,
        changes={"criterion": criterion.code, "fulfilled": fulfilled, "note": note},
        actor=by,
    )
    return declaration


@transaction.atomic
def save_criterion(*, by, criterion, **fields) -> Criterion:
    """Create or change a criterion. National criteria cannot be switched off by a province."""
    for key, value in fields.items():
        setattr(criterion, key, value)
    criterion.full_clean()
    criterion.save()
    return criterion


def history(province, years) -> dict:
    """`{year: (effective kab/kota, kab/kota with a verified status)}` from the snapshots: the
    latest snapshot per kab/kota and year counts."""
    rows = (
        Snapshot.objects.filter(region__parent=province, year__in=list(years))
        .order_by("region_id", "year", "-taken_at", "-pk")
        .values_list("region_id", "year", "effective")
    )
    latest = {}
    for region_id, year, effective in rows:
        latest.setdefault((region_id, year), effective)
    result = {year: [0, 0] for year in years}
    for (_region, year), effective in latest.items():
        result[year][1] += 1
        result[year][0] += int(effective)
    return {year: tuple(v) for year, v in result.items()}
