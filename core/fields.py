"""Short forms of the model fields every app declares the same way, so a model reads as the list
of what it holds. They build plain Django fields (migrations see no difference).

    region = link("regions.Region", _("region"), "policies")        # required, PROTECT
    subgroup = link("workgroups.SubGroup", _("sub-group"), "activities", optional=True)
    meeting = link(Meeting, _("meeting"), "action_items", models.SET_NULL, optional=True)
    indicators = many("indicators.Indicator", _("indicators"), "policies")

The acting user (created by, recorded by…) is core.provenance.user_field. At the end: the
constraints with their messages (`once`, `check`) and the year fields and rules."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


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


# --- shared model parts (models of indicators, planning, assessment, knowledge, policies,
# budget, interop…)

# Constraints: the database's own rules, each with the message a form shows when a record would
# break it (Model.validate_constraints), so the rule and its wording stand in one place:
#
#     once("workgroup", "year", name="one_work_plan_per_workgroup_year",
#            message=_("This Pokja already has a work plan for this year."))
#     check(models.Q(amount__gt=0), "budget_amount_positive", _("The amount must be positive."))


def once(*fields, name, message=None, **options):
    """At most one record per combination of `fields` (a UniqueConstraint; `condition=` limits
    it to some rows)."""
    return models.UniqueConstraint(
        fields=list(fields), name=name, violation_error_message=message, **options
    )


def check(condition, name, message=None):
    """`condition` (a Q) holds for every record (a CheckConstraint)."""
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


# The years a plan, budget, target or period may name (validated on every form and API).
MIN_YEAR = 2000
MAX_YEAR = 2100
YEAR_RANGE_MESSAGE = _("Enter a year between 2000 and 2100.")
PERIOD_ORDER_MESSAGE = _("The period cannot end before it starts.")


def year_field(verbose_name, **options):
    """A calendar year between MIN_YEAR and MAX_YEAR (a plan year, a budget year, the first or
    last year of a period)."""
    return models.PositiveSmallIntegerField(
        verbose_name,
        validators=[MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)],
        **options,
    )


def years_in_range(*fields, name, message=YEAR_RANGE_MESSAGE):
    """The database's own check that each of the year `fields` lies between MIN_YEAR and
    MAX_YEAR (year_field validates forms; this also holds for imports and bulk writes)."""
    bounds = {}
    for field in fields:
        bounds |= {f"{field}__gte": MIN_YEAR, f"{field}__lte": MAX_YEAR}
    return check(models.Q(**bounds), name, message)


def period_ordered(start, end, *, name, message=PERIOD_ORDER_MESSAGE, optional=False):
    """A period (`start` … `end`, years or dates) cannot end before it starts; with `optional`
    either end may be missing."""
    ordered = models.Q(**{f"{end}__gte": models.F(start)})
    if optional:
        ordered = (
            models.Q(**{f"{start}__isnull": True}) | models.Q(**{f"{end}__isnull": True}) | ordered
        )
    return check(ordered, name, message)
