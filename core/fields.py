"""Short forms of the model fields every app declares the same way, so a model reads as the list
of what it holds. They build plain Django fields (migrations see no difference).

    region = link("regions.Region", _("region"), "policies")        # required, PROTECT
    subgroup = link("workgroups.SubGroup", _("sub-group"), "activities", optional=True)
    meeting = link(Meeting, _("meeting"), "action_items", models.SET_NULL, optional=True)
    indicators = many("indicators.Indicator", _("indicators"), "policies")

The acting user (created by, recorded by…) is core.provenance.user_field."""

from django.db import models


def link(to, verbose_name, related_name, on_delete=models.PROTECT, *, optional=False, **options):
    """A foreign key to `to`; `optional` allows none (null and blank)."""
    if optional:
        options = {"null": True, "blank": True} | options
    return models.ForeignKey(
        to, on_delete=on_delete, related_name=related_name, verbose_name=verbose_name, **options
    )


def many(to, verbose_name, related_name, **options):
    """A many-to-many link to `to` that may be empty (blank)."""
    return models.ManyToManyField(
        to, blank=True, related_name=related_name, verbose_name=verbose_name, **options
    )
