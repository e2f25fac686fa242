"""Strategic issues: writes."""

from django.db import transaction
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import known_fields, lock_owned, lock_version, save_record
from core.errors import field_error
from knowledge.models import StrategicIssue
from knowledge.services.common import _full_clean, _ids

ISSUE_FIELDS = (
    "title",
    "description",
    "theme",
    "priority",
    "period_start",
    "period_end",
    "subgroup",
)


def _check_links(region, issue, *, indicators, activities, policies):
    """Indicators from the active catalogue; activities of this region's work plans within the
    issue's period; policies of this region."""
    from indicators.models import Indicator
    from planning.models import Activity
    from policies.models import Policy

    if indicators:
        found = set(
            Indicator.objects.filter(pk__in=indicators, is_active=True).values_list("pk", flat=True)
        )
        if found != set(indicators):
            raise field_error("indicators", _("Choose indicators from the catalogue."))
    if activities:
        rows = list(
            Activity.objects.filter(pk__in=activities, plan__workgroup__region=region)
            .select_related("plan")
            .order_by("pk")
        )
        if {a.pk for a in rows} != set(activities):
            raise field_error(
                "activities", _("Choose activities from the work plans of this region.")
            )
        outside = [a for a in rows if not issue.covers_year(a.plan.year)]
        if outside:
            raise field_error(
                "activities",
                _(
                    "These activities belong to a work plan outside the issue's period "
                    "(%(period)s): %(activities)s."
                )
                % {
                    "period": issue.period_label,
                    "activities": "; ".join(f"{a.title} ({a.plan.year})" for a in outside),
                },
            )
    if policies:
        found = set(
            Policy.objects.filter(pk__in=policies, region=region).values_list("pk", flat=True)
        )
        if found != set(policies):
            raise field_error("policies", _("Choose policies of this region."))


@transaction.atomic
def save_issue(
    *,
    by,
    region,
    issue=None,
    expected_version=None,
    indicators=None,
    activities=None,
    policies=None,
    is_demo=False,
    **fields,
) -> StrategicIssue:
    """Create (`issue=None`) or update a strategic issue of `region`. `indicators`, `activities`
    and `policies` (ids or objects) replace the linked sets when given; the final links must
    belong to the region (activities also to the issue's period). Updates need
    `expected_version` and are refused when someone saved in between."""
    from workgroups.models import SubGroup

    known_fields(fields, ISSUE_FIELDS, "strategic issue")
    creating = issue is None
    if creating:
        issue = StrategicIssue(region=region, created_by=by, is_demo=is_demo)
    else:
        refused = _("This strategic issue belongs to another region.")
        issue = lock_owned(issue, expected_version, refused, region=region)
    for name, value in fields.items():
        setattr(issue, name, value.strip() if isinstance(value, str) and name == "title" else value)
    if (
        issue.subgroup_id
        and not SubGroup.objects.filter(pk=issue.subgroup_id, is_active=True).exists()
    ):
        raise field_error("subgroup", _("Choose an active sub-group."))
    _full_clean(issue, exclude=["region", "created_by"])

    before = {
        "indicators": [] if creating else _ids(issue.indicators.all()),
        "activities": [] if creating else _ids(issue.activities.all()),
        "policies": [] if creating else _ids(issue.policies.all()),
    }
    after = {
        "indicators": before["indicators"] if indicators is None else _ids(indicators),
        "activities": before["activities"] if activities is None else _ids(activities),
        "policies": before["policies"] if policies is None else _ids(policies),
    }
    _check_links(region, issue, **after)

    save_record(issue, expected_version=expected_version)
    changes = {}
    for name, ids in after.items():
        if ids != before[name]:
            getattr(issue, name).set(ids)
            changes[name] = [before[name], ids]
    if changes:
        record(
            action="update",
            code="strategic_issue.links_changed",
            instance=issue,
            region_code=region.code,
            changes=changes,
            actor=by,
        )
    return issue


@transaction.atomic
def delete_issue(*, by, issue, expected_version) -> None:
    """Delete an issue (its links go with it; the audit history keeps the record)."""
    issue = lock_version(issue, expected_version)
    issue.delete()
