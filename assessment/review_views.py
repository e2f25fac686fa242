"""The verifier's one-pass review of a submitted assessment (a card per criterion: the
evidence, the history, accept or return with a reason; "Terima semua yang terpenuhi" in one
request) and the operator's answer-and-resubmit in one step (assessment/review.py)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from assessment import review as presenter
from assessment import services
from assessment.engine import evaluate_region
from assessment.forms import ReviewForm
from assessment.models import Assessment, Criterion, CriterionReview
from core.errors import DomainError


def review_url(region, year) -> str:
    return reverse("assessment:review", kwargs={"code": region.code, "year": year})


def _verifier_or_403(request, region):
    if not services.may_verify(request.user, region):
        raise PermissionDenied


def _next_waiting(region, year):
    """The oldest other submission waiting in the same verifier's queue."""
    siblings = {"region__parent_id": region.parent_id} if region.parent_id else {
        "region__parent__isnull": True
    }  # fmt: skip
    return (
        Assessment.objects.filter(status=Assessment.Status.SUBMITTED, **siblings)
        .exclude(region=region, year=year)
        .select_related("region")
        .order_by("submitted_at", "pk")
        .first()
    )


def _review_page(request, region, year, review_error=None):
    outcome = evaluate_region(region, year)
    assessment = outcome.assessment
    history = presenter.history(assessment)
    submitted = assessment is not None and assessment.status == Assessment.Status.SUBMITTED
    cards = [
        {
            "result": r,
            "evidence": presenter.evidence(outcome, r),
            "history": history.get(r.criterion.code, []),
            "can_decide": r.review is not None and (submitted or r.stale),
            "error": review_error if review_error and review_error["criterion"] == r.criterion.pk
            else None,
        }
        for r in outcome.results
    ]  # fmt: skip
    return render(
        request,
        "assessment/review.html",
        {
            "region": region,
            "year": year,
            "outcome": outcome,
            "cards": cards,
            "acceptable": services.acceptable(outcome),
            "next_waiting": _next_waiting(region, year),
        },
    )


@region_view(Permission.REGION_VIEW)
def review(request, region, year):
    _verifier_or_403(request, region)
    return _review_page(request, region, year)


@require_POST
@region_view(Permission.REGION_VIEW)
def verify(request, region, year):
    """One criterion: accept, or return with a reason (the reason's error next to its field)."""
    _verifier_or_403(request, region)
    assessment = get_object_or_404(Assessment, region=region, year=year)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or reject."))
        return redirect(review_url(region, year))
    criterion = get_object_or_404(Criterion, pk=form.cleaned_data["criterion"], year=year)
    try:
        decision = {key: form.cleaned_data[key] for key in ("decision", "reason")}
        services.review(by=request.user, assessment=assessment, criterion=criterion, **decision)
    except DomainError as exc:
        field_errors = [e["message"] for e in exc.errors if e.get("field") == "reason"]
        if field_errors:  # shown next to the reason of that criterion, nothing saved
            error = {"criterion": criterion.pk, "message": field_errors[0], **form.cleaned_data}
            return _review_page(request, region, year, error)
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("Decision on “%(criterion)s” saved.") % {"criterion": criterion.name}
        )
    return redirect(review_url(region, year))


@require_POST
@region_view(Permission.REGION_VIEW)
def accept_met(request, region, year):
    """Terima semua yang terpenuhi: every fulfilled criterion awaiting a decision, at once."""
    _verifier_or_403(request, region)
    assessment = get_object_or_404(Assessment, region=region, year=year)
    try:
        accepted = services.accept_met(by=request.user, assessment=assessment)
    except DomainError as exc:
        crud.report(request, exc)
    else:
        messages.success(
            request,
            _("Accepted: %(criteria)s.") % {"criteria": ", ".join(c.name for c in accepted)},
        )
    return redirect(review_url(region, year))


class ResubmitForm(forms.Form):
    """One answer per returned criterion (`answer_<criterion id>`), then "Ajukan ulang"."""

    def __init__(self, data, *, rejected):
        super().__init__(data)
        self.rejected = rejected
        for review in rejected:
            self.fields[f"answer_{review.criterion_id}"] = forms.CharField(
                label=_("Answer to the province: %(criterion)s")
                % {"criterion": review.criterion.name},
                initial=review.response,
                required=False,  # the service names the missing answers, next to their fields
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def answers(self) -> dict:
        return {
            r.criterion: self.cleaned_data.get(f"answer_{r.criterion_id}", "")
            for r in self.rejected
        }


@region_view(Permission.ASSESSMENT_SUBMIT)
def resubmit(request, region, year):
    """The returned criteria with the province's reasons, an answer for each, and "Ajukan
    ulang": the answers are stored and the assessment submitted again in one request."""
    page = reverse("assessment:region", kwargs={"code": region.code}) + f"?year={year}"
    assessment = Assessment.objects.filter(region=region, year=year).first()
    if assessment is None or assessment.status != Assessment.Status.RETURNED:
        messages.info(request, _("The %(year)s assessment has not been returned.") % {"year": year})
        return redirect(page)
    rejected = list(
        assessment.reviews.filter(decision=CriterionReview.Decision.REJECTED)
        .select_related("criterion")
        .order_by("criterion__order", "criterion__pk")
    )
    outcome = evaluate_region(region, year)
    form = ResubmitForm(crud.posted(request), rejected=rejected)
    return crud.form_screen(
        request,
        form,
        save=lambda form: services.resubmit(
            by=request.user, region=region, year=year, answers=form.answers()
        ),
        template="assessment/resubmit.html",
        context={"year": year, "outcome": outcome, "rows": _returned_rows(outcome, form)},
        message=_("The %(year)s assessment was submitted again with your answers.")
        % {"year": year},
        success_url=page,
    )


def _returned_rows(outcome, form):
    """Per returned criterion: its result, the page that fixes it and its answer field."""
    rows = []
    results = {r.criterion.pk: r for r in outcome.results}
    for review in form.rejected:
        result = results.get(review.criterion_id)
        if result is None:  # a criterion switched off since
            continue
        rows.append(
            {
                "result": result,
                "review": review,
                "fix_url": presenter.fix_url(outcome, result),
                "field": form[f"answer_{review.criterion_id}"],
            }
        )
    return rows
