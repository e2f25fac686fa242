"""Who the assessment tells, through the notifications inbox (and e-mail): the verifiers when an
operator submits, the region's operators when the verification closes (returned with the
reasons, or verified). Called with one line from assessment.services."""

from django.urls import reverse
from django.utils.translation import gettext as _

from assessment.models import Assessment, CriterionReview
from notifications import kinds, recipients
from notifications.services import notify


def _url(assessment) -> str:
    path = reverse("assessment:region", kwargs={"code": assessment.region.code})
    return f"{path}?year={assessment.year}"


def _resubmit_url(assessment) -> str:
    """Where a returned assessment is put right: each returned criterion with the province's
    reason, the page that fixes it and the answer, then "Ajukan ulang" (once resubmitted, the
    link leads to the assessment page)."""
    return reverse(
        "assessment:resubmit", kwargs={"code": assessment.region.code, "year": assessment.year}
    )


def submitted(assessment) -> None:
    region = assessment.region
    notify(
        kind=kinds.ASSESSMENT_SUBMITTED,
        users=recipients.verifiers(region),
        title=lambda: (
            _("%(region)s submitted its %(year)s assessment for verification")
            % {"region": region.display_name, "year": assessment.year}
        ),
        body=lambda: assessment.note,
        url=_url(assessment),
        region=region,
    )


def _reasons(assessment) -> str:
    rejected = (
        assessment.reviews.filter(decision=CriterionReview.Decision.REJECTED)
        .select_related("criterion")
        .order_by("criterion__order", "criterion__code")
    )
    return "\n".join(f"{r.criterion.name}: {r.reason}" for r in rejected)


def closed(assessment) -> None:
    """The verification of every criterion is done: returned (with the reasons) or verified."""
    region = assessment.region
    values = {"region": region.display_name, "year": assessment.year}
    if assessment.status == Assessment.Status.RETURNED:
        reasons = _reasons(assessment)
        notify(
            kind=kinds.ASSESSMENT_RETURNED,
            users=recipients.operators(region),
            title=lambda: (
                _("The %(year)s assessment of %(region)s was returned: %(reasons)s")
                % {**values, "reasons": reasons.replace("\n", "; ")}
            ),
            body=reasons,
            url=_resubmit_url(assessment),
            region=region,
        )
    elif assessment.status == Assessment.Status.VERIFIED:
        notify(
            kind=kinds.ASSESSMENT_VERIFIED,
            users=recipients.operators(region),
            title=lambda: _("The %(year)s assessment of %(region)s was verified") % values,
            url=_url(assessment),
            region=region,
        )


def stale(region, year, why="") -> None:
    """A verification of `region` for `year` no longer matches its evidence: the province (the
    verifiers) must verify again. For the staleness check to call."""
    path = reverse("assessment:region", kwargs={"code": region.code})
    notify(
        kind=kinds.VERIFICATION_STALE,
        users=recipients.verifiers(region),
        title=lambda: (
            _("The %(year)s verification of %(region)s needs to be redone")
            % {"region": region.display_name, "year": year}
        ),
        body=why,
        url=f"{path}?year={year}",
        region=region,
    )
