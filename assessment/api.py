from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from accounts.access import get_region
from accounts.permissions import Permission
from assessment import services
from assessment.engine import evaluate_region
from assessment.matrix import province_rows
from assessment.models import Assessment, Criterion, CriterionReview

router = Router(tags=["assessment"])


class CriterionOut(Schema):
    code: str
    name: str
    national: bool
    state: str
    explanation: str
    fix_url: str
    verified_state: str | None
    rejection_reason: str
    operator_response: str
    # Why an accepted criterion needs verifying again (verified_state "stale").
    stale_reason: str = ""


class AssessmentOut(Schema):
    region: str
    region_name: str
    year: int
    has_workgroup: bool
    computed_status: str
    official_status: str
    verification_status: str
    last_update: str | None
    criteria: list[CriterionOut]


class SubmitIn(Schema):
    year: int
    note: str = ""


class VerifyIn(Schema):
    year: int
    criterion: str
    decision: CriterionReview.Decision
    reason: str = ""


def _year(year):
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@router.get("/regions/{code}/assessment", response=AssessmentOut)
def get_assessment(request, code: str, year: int):
    """Criteria with computed and verified states and explanations, and the overall status."""
    region = get_region(request.user, code)
    return evaluate_region(region, _year(year)).as_dict()


@router.get("/regions/{code}/assessment/matrix", response=list[AssessmentOut])
def get_matrix(request, code: str, year: int):
    """One row per region: the province itself, then each of its kab/kota."""
    region = get_region(request.user, code)
    if not region.is_province:
        raise Http404
    return [row.as_dict() for row in province_rows(region, _year(year))]


@router.post("/regions/{code}/assessment/submit", response=AssessmentOut)
def submit_assessment(request, code: str, payload: SubmitIn):
    """Submit (or resubmit) the year's assessment for verification."""
    region = get_region(request.user, code, Permission.ASSESSMENT_SUBMIT)
    services.submit(by=request.user, region=region, year=_year(payload.year), note=payload.note)
    return evaluate_region(region, payload.year).as_dict()


@router.post("/regions/{code}/assessment/verify", response=AssessmentOut)
def verify_assessment(request, code: str, payload: VerifyIn):
    """Accept or reject one criterion (by code); a rejection needs a reason. Verification is
    done by the level above the region."""
    region = get_region(request.user, code)
    if not services.may_verify(request.user, region):
        raise PermissionDenied
    assessment = get_object_or_404(Assessment, region=region, year=_year(payload.year))
    province_id = region.parent_id or region.pk
    criterion = (
        Criterion.objects.filter(
            year=payload.year, code=payload.criterion, province__isnull=True
        ).first()
        or Criterion.objects.filter(
            year=payload.year, code=payload.criterion, province_id=province_id
        ).first()
    )
    if criterion is None:
        raise Http404
    services.review(
        by=request.user,
        assessment=assessment,
        criterion=criterion,
        decision=payload.decision,
        reason=payload.reason,
    )
    return evaluate_region(region, payload.year).as_dict()


class YearIn(Schema):
    year: int


@router.post("/regions/{code}/assessment/accept-met", response=AssessmentOut)
def accept_met(request, code: str, payload: YearIn):
    """Accept, in one request, every criterion the records fulfil that awaits a decision
    ("Terima semua yang terpenuhi"); the others stay for a decision one by one."""
    region = get_region(request.user, code)
    if not services.may_verify(request.user, region):
        raise PermissionDenied
    assessment = get_object_or_404(Assessment, region=region, year=_year(payload.year))
    services.accept_met(by=request.user, assessment=assessment)
    return evaluate_region(region, payload.year).as_dict()
