"""The assessment's part of the home page (accounts.home): for an operator, where the
assessment stands (verification-aware), the returned criteria with the province's reason and a
link to fix each, and the stale verifications (what is still missing is the checklist's,
assessment.checklist); for the province (or national admins, who verify provinces), the
submissions awaiting verification oldest first, the stale verifications and the SKs expiring."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.home import HomeItem, HomeSection
from assessment.checklist import assessment_status, regions_with_role
from assessment.engine import EFFECTIVE
from assessment.models import Assessment, CriterionReview
from core.formats import format_date_id

# SKs that end within this many days are listed for the province.
SK_WARNING_DAYS = 90
# A submission waiting longer than this is marked late.
LATE_AFTER_DAYS = 14


def _page(region, year, anchor=""):
    url = reverse("assessment:region", kwargs={"code": region.code}) + f"?year={year}"
    return url + (f"#criterion-{anchor}" if anchor else "")


def headline(outcome) -> tuple[str, str]:
    """(text, tag) of where a region's assessment stands, verification-aware: "complete,
    awaiting the province's verification" is not "incomplete", and a returned assessment never
    reads "every criterion is fulfilled"."""
    status = assessment_status(outcome)
    missing = len(outcome.missing)
    total = len(outcome.results)
    if outcome.workgroup is None:
        return _("The Pokja has not been formed yet."), "missing"
    if status == Assessment.Status.RETURNED:
        rejected = sum(1 for r in outcome.results if r.verified_state == "rejected")
        return (
            ngettext(
                "Returned by the province: %(count)d criterion to correct.",
                "Returned by the province: %(count)d criteria to correct.",
                rejected,
            )
            % {"count": rejected},
            "returned",
        )
    if outcome.stale:
        return _("Needs re-verification: evidence that was verified has changed."), "stale"
    if status == Assessment.Status.VERIFIED and outcome.official_status == EFFECTIVE:
        return _("Verified by the province: effective."), "done"
    if status == Assessment.Status.SUBMITTED:
        if missing:
            return (
                _("Submitted, awaiting the province's verification; %(count)d of %(total)d "
                  "criteria are not fulfilled yet.") % {"count": missing, "total": total},
                "waiting",
            )  # fmt: skip
        return _("Complete, awaiting the province's verification."), "waiting"
    if missing:
        return (
            _("Incomplete: %(count)d of %(total)d criteria are not fulfilled yet.")
            % {"count": missing, "total": total},
            "missing",
        )
    return _("Complete but not submitted: submit the assessment for verification."), "ready"


def returned_item(outcome, result) -> HomeItem:
    """A criterion the province returned: its reason and the record to change."""
    from assessment.review import fix_url

    return HomeItem(
        text=result.criterion.name,
        detail=_("Returned by the province: %(reason)s") % {"reason": result.review.reason},
        url=fix_url(outcome, result),
        link_label=_("Fix"),
        tag="returned",
    )


def resubmit_item(region, year) -> HomeItem:
    from assessment.review import resubmit_url

    return HomeItem(
        text=_("After fixing: answer the province and submit again"),
        url=resubmit_url(region, year),
        link_label=_("Answer and submit again"),
        tag="returned",
    )


def operator_sections(user, year):
    from assessment.engine import evaluate_region

    sections = []
    for region in regions_with_role(user, "regency_operator"):
        outcome = evaluate_region(region, year)
        text, tag = headline(outcome)
        items = []
        returned = assessment_status(outcome) == Assessment.Status.RETURNED
        rejected = [r for r in outcome.results if r.verified_state == "rejected"]
        for r in rejected if returned else []:
            items.append(returned_item(outcome, r))
        if returned:
            items.append(resubmit_item(region, year))
        for r in outcome.stale:
            items.append(
                HomeItem(
                    text=r.criterion.name,
                    detail=r.review.stale_reason or _("The SK that was verified has expired."),
                    url=r.fix_url or _page(region, year, r.criterion.code),
                    link_label=r.fix_label or _("See the assessment"),
                    tag="stale",
                )
            )
        # What is still missing, and the submit button, are the checklist's steps
        # (assessment.checklist, the section above this one).
        sections.append(
            HomeSection(
                key=f"assessment-{region.code}",
                title=_("Effectiveness %(year)s: %(region)s")
                % {"year": year, "region": region.display_name},
                headline=text,
                headline_tag=tag,
                items=items,
                more_url=_page(region, year),
                more_label=_("Open the effectiveness assessment"),
            )
        )
    return sections


def _verifier_scopes(user):
    """(title suffix, filter on Assessment.region) for each scope the user verifies."""
    scopes = [(p, {"region__parent": p}) for p in regions_with_role(user, "provincial_admin")]
    if user.role_assignments.filter(role="national_admin").exists():
        scopes.append((None, {"region__parent__isnull": True}))
    return scopes


def _days(since, today):
    return (today - timezone.localtime(since).date()).days


def province_sections(user, year):
    from workgroups.models import Decree, WorkGroup

    today = timezone.localdate()
    sections = []
    for scope, where in _verifier_scopes(user):
        waiting = (
            Assessment.objects.filter(status=Assessment.Status.SUBMITTED, **where)
            .select_related("region")
            .order_by("submitted_at", "pk")
        )
        items = []
        for a in waiting:
            days = _days(a.submitted_at, today) if a.submitted_at else 0
            items.append(
                HomeItem(
                    text=f"{a.region.display_name} ({a.year})",
                    detail=ngettext(
                        "Waiting %(days)d day, submitted %(date)s.",
                        "Waiting %(days)d days, submitted %(date)s.",
                        days,
                    )
                    % {
                        "days": days,
                        "date": format_date_id(timezone.localtime(a.submitted_at).date())
                        if a.submitted_at
                        else "–",
                    },
                    url=reverse(
                        "assessment:review", kwargs={"code": a.region.code, "year": a.year}
                    ),
                    link_label=_("Review"),
                    tag="late" if days > LATE_AFTER_DAYS else "",
                )
            )
        sections.append(
            HomeSection(
                key=f"verify-{scope.code if scope else 'national'}",
                title=_("Awaiting verification (%(count)d)") % {"count": len(items)},
                items=items,
                empty=_("No submission is waiting."),
            )
        )
        stale_items = []
        stale = (
            CriterionReview.objects.filter(
                decision=CriterionReview.Decision.ACCEPTED,
                stale_at__isnull=False,
                **{f"assessment__{k}": v for k, v in where.items()},
            )
            .select_related("assessment__region", "criterion")
            .order_by("stale_at", "pk")
        )
        grouped = {}
        for review in stale:
            grouped.setdefault(review.assessment, []).append(review)
        for assessment, reviews in grouped.items():
            stale_items.append(
                HomeItem(
                    text=f"{assessment.region.display_name} ({assessment.year}): "
                    + ", ".join(r.criterion.name for r in reviews),
                    detail=reviews[0].stale_reason,
                    url=_page(assessment.region, assessment.year),
                    link_label=_("Verify again"),
                    tag="stale",
                )
            )
        if stale_items:
            sections.append(
                HomeSection(
                    key=f"stale-{scope.code if scope else 'national'}",
                    title=_("Verifications that need verifying again"),
                    items=stale_items,
                )
            )
        decrees = Decree.objects.filter(
            workgroup__status=WorkGroup.Status.ACTIVE,
            valid_until__gte=today,
            valid_until__lte=today + datetime.timedelta(days=SK_WARNING_DAYS),
            **{f"workgroup__{k}": v for k, v in where.items()},
        ).select_related("workgroup__region")
        later = set(
            Decree.objects.filter(
                workgroup_id__in=[d.workgroup_id for d in decrees],
                valid_from__lte=today + datetime.timedelta(days=SK_WARNING_DAYS + 365),
            )
            .exclude(valid_until__lte=today + datetime.timedelta(days=SK_WARNING_DAYS))
            .values_list("workgroup_id", flat=True)
        )
        sk_items = [
            HomeItem(
                text=f"{d.workgroup.region.display_name}: SK {d.number}",
                detail=_("Ends on %(date)s (in %(days)d days).")
                % {"date": format_date_id(d.valid_until), "days": (d.valid_until - today).days},
                url=reverse("workgroups:decrees", kwargs={"code": d.workgroup.region.code}),
                link_label=_("See the decrees"),
                tag="late" if (d.valid_until - today).days <= 30 else "",
            )
            for d in sorted(decrees, key=lambda d: (d.valid_until, d.pk))
            if d.workgroup_id not in later
        ]
        if sk_items:
            sections.append(
                HomeSection(
                    key=f"sk-{scope.code if scope else 'national'}",
                    title=_("SKs ending within %(days)d days") % {"days": SK_WARNING_DAYS},
                    items=sk_items,
                )
            )
    return sections
