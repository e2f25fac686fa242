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


# --- shared model parts
#
# A database rule that a user can break through a form carries the sentence the form shows
# (`violation_error_message`; Django validates constraints in ModelForm.validate_constraints,
# Model.validate_constraints), so the rule and its wording stand in one place:
#
#     constraints = [
#         once("meeting", "region", name="meetings_invitedregion_once",
#              message=_("This region is already invited.")),
#         check(Q(ends_at__gt=F("starts_at")), "meetings_meeting_ends_after_start",
#               _("A meeting must end after it starts.")),
#     ]


def once(*fields, name, message=None, **options):
    """At most one record per combination of `fields` (a UniqueConstraint; `condition=` limits
    it to some rows). `message` may be left out where no form can break the rule."""
    return models.UniqueConstraint(
        fields=list(fields), name=name, violation_error_message=message, **options
    )


def check(condition, name, message=None):
    """`condition` (a Q) holds for every record (a CheckConstraint)."""
    return models.CheckConstraint(condition=condition, name=name, violation_error_message=message)


def set_together(first, second, name, message, *, empty=""):
    """`first` and `second` are both given or both left empty (a file and its type, an
    approval and its approver): empty is `""` for text and file fields, `None` for the others."""
    if empty is None:
        both_empty = models.Q(**{f"{first}__isnull": True, f"{second}__isnull": True})
        both_set = models.Q(**{f"{first}__isnull": False, f"{second}__isnull": False})
    else:
        both_empty = models.Q(**{first: empty, second: empty})
        both_set = ~models.Q(**{first: empty}) & ~models.Q(**{second: empty})
    return check(both_empty | both_set, name, message)


def demo_flag(*, editable=True):
    """`is_demo`: marks the rows the demo loader created, so that they can be told apart and
    removed together (ops.demo_data finds the models by this field)."""
    return models.BooleanField(_("demo data"), default=False, editable=editable)


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


def period_ordered(start, end, *, name, message=PERIOD_ORDER_MESSAGE, may_be_empty=()):
    """A period (`start` … `end`, years, dates or times) cannot end before it starts. The ends
    named in `may_be_empty` may be missing (an open end, an unknown start): a period that lacks
    one of them is not checked."""
    ordered = models.Q()
    for field in may_be_empty:
        ordered |= models.Q(**{f"{field}__isnull": True})
    return check(ordered | models.Q(**{f"{end}__gte": models.F(start)}), name, message)
