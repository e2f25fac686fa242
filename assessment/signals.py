"""Keeps the status cache (assessment/summary.py) fresh: every write to a record that a
criterion reads invalidates the statuses of its region. Writes that bypass the model signals
arrive through `core.signals.bulk_changed`, so the apps below never import assessment."""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext as _

from assessment import staleness, summary
from core.signals import bulk_changed

# model label: how to find the region id from an instance (a field on the instance, or a
# parent's field: (parent model label, foreign key attribute, path to the region id)).
EVIDENCE = {
    "workgroups.WorkGroup": "region_id",
    "workgroups.Decree": ("workgroups.WorkGroup", "workgroup_id", "region_id"),
    "planning.WorkPlan": ("workgroups.WorkGroup", "workgroup_id", "region_id"),
    "planning.Activity": ("planning.WorkPlan", "plan_id", "workgroup__region_id"),
    "budget.BudgetAllocation": ("workgroups.WorkGroup", "workgroup_id", "region_id"),
    "indicators.WorkGroupIndicator": ("workgroups.WorkGroup", "workgroup_id", "region_id"),
    "policies.Policy": "region_id",
    "assessment.Declaration": "region_id",
    "assessment.Assessment": "region_id",
    "assessment.CriterionReview": ("assessment.Assessment", "assessment_id", "region_id"),
}


def region_id_of(instance):
    """The region id of an evidence record, or None when it cannot be told (then all
    statuses are invalidated)."""
    how = EVIDENCE[instance._meta.label]
    if isinstance(how, str):
        return getattr(instance, how)
    parent_label, attribute, path = how
    parent_id = getattr(instance, attribute)
    return (
        apps.get_model(parent_label)
        .objects.filter(pk=parent_id)
        .values_list(path, flat=True)
        .first()
    )


# Writes that are the verification itself, not its evidence.
NOT_EVIDENCE = {"assessment.Assessment", "assessment.CriterionReview"}


def _evidence_changed(sender, instance, signal=None, created=False, **kwargs):
    region_id = region_id_of(instance)
    if region_id is not None and instance._meta.label not in NOT_EVIDENCE:
        action = "deleted" if signal is post_delete else "added" if created else "changed"
        staleness.check_region(
            region_id, change=staleness.describe(instance, action), label=instance._meta.label
        )
    summary.invalidate(region_ids=None if region_id is None else [region_id])


def _criterion_changed(sender, instance, **kwargs):
    if instance.province_id is None:
        summary.invalidate(years=[instance.year])
        return
    from regions.models import Region

    ids = [
        instance.province_id,
        *Region.objects.filter(parent_id=instance.province_id).values_list("pk", flat=True),
    ]
    summary.invalidate(region_ids=ids, years=[instance.year])


def _policy_indicators_changed(sender, instance, action, **kwargs):
    if not action.startswith("post_"):
        return
    if instance._meta.label == "policies.Policy":
        staleness.check_region(
            instance.region_id,
            change=staleness.describe(instance, "changed"),
            label="policies.Policy",
        )
        summary.invalidate(region_ids=[instance.region_id])
    else:
        summary.invalidate()


def _bulk_changed(sender, region_ids=None, **kwargs):
    """A lower app wrote evidence in bulk, bypassing the model signals (planning's import)."""
    if sender._meta.label in EVIDENCE:
        if sender._meta.label not in NOT_EVIDENCE:
            for region_id in region_ids or ():
                staleness.check_region(
                    region_id,
                    change=_("%(records)s written in bulk")
                    % {"records": sender._meta.verbose_name_plural},
                    label=sender._meta.label,
                )
        summary.invalidate(region_ids=region_ids)


def connect():
    bulk_changed.connect(_bulk_changed, dispatch_uid="status-bulk-changed")
    for label in EVIDENCE:
        model = apps.get_model(label)
        post_save.connect(_evidence_changed, sender=model, dispatch_uid=f"status-{label}-save")
        post_delete.connect(_evidence_changed, sender=model, dispatch_uid=f"status-{label}-del")
    criterion = apps.get_model("assessment.Criterion")
    post_save.connect(_criterion_changed, sender=criterion, dispatch_uid="status-criterion-save")
    post_delete.connect(_criterion_changed, sender=criterion, dispatch_uid="status-criterion-del")
    policy = apps.get_model("policies.Policy")
    m2m_changed.connect(
        _policy_indicators_changed,
        sender=policy.indicators.through,
        dispatch_uid="status-policy-indicators",
    )
