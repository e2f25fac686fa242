"""Bangga Kencana indicators: the national catalogue, national targets, regional targets,
realisations (each with its data source) and the indicators a Pokja adopts.

Domain facts and sources: docs/domain.md §3–§5. Achievement (capaian) is computed, never
stored: see `indicators.achievement`.
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import MAX_YEAR, MIN_YEAR, check, link, once, year_field
from core.provenance import DemoData, Provenance, user_field

# Stored precision of every target and value: up to 99,999,999.9999.
VALUE_DIGITS = 12
VALUE_DECIMALS = 4
# The years of core.fields, by the names the indicator forms, views and API import.
YEAR_MIN = MIN_YEAR
YEAR_MAX = MAX_YEAR

# Words that cannot be indicator codes because they are fixed parts of the indicator URLs.
RESERVED_CODES = frozenset(
    {"adopted", "import", "template", "export", "targets", "values", "new", "national-targets"}
)


def figure_field(verbose_name, **options):
    """A target or value at the stored precision (VALUE_DIGITS, VALUE_DECIMALS)."""
    return models.DecimalField(
        verbose_name, max_digits=VALUE_DIGITS, decimal_places=VALUE_DECIMALS, **options
    )


def not_negative(field, name, message, *, optional=False):
    """Targets and values are never below zero (an `optional` one may also be empty)."""
    condition = models.Q(**{f"{field}__gte": 0})
    if optional:
        condition = models.Q(**{f"{field}__isnull": True}) | condition
    return check(condition, name, message)


class Indicator(VersionedModel):
    """A Bangga Kencana indicator from the national catalogue (TFR, mCPR, unmet need, …), with
    its definition, unit and direction. Definitions and sources: docs/domain.md §3.

    Maintained by national admins (`catalogue.manage`); regions only read it."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Periodicity(models.TextChoices):
        """The finest period realisations are recorded for. A monthly indicator also accepts
        quarterly and yearly values; a quarterly one also yearly values."""

        YEARLY = "yearly", _("Yearly")
        QUARTERLY = "quarterly", _("Quarterly")
        MONTHLY = "monthly", _("Monthly")

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=50)
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    decimals = models.PositiveSmallIntegerField(
        _("decimals"), default=2, validators=[MaxValueValidator(VALUE_DECIMALS)]
    )
    usual_source = models.CharField(_("usual data source"), max_length=200, blank=True)
    periodicity = models.CharField(
        _("periodicity"), max_length=10, choices=Periodicity.choices, default=Periodicity.YEARLY
    )
    reference = models.CharField(_("source of the definition"), max_length=300, blank=True)
    max_value = figure_field(
        _("largest possible value"),
        null=True,
        blank=True,
        help_text=_("For example 100 for a percentage or an index; empty when there is no limit."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Satu Data Indonesia metadata (BPS MS-Ind), see docs/interop.md. `definition`, `unit`
    # and `usual_source` above are the MS-Ind definition, unit and data source.
    concept = models.TextField(_("concept"), blank=True)
    interpretation = models.TextField(_("interpretation"), blank=True)
    method = models.TextField(_("method of calculation"), blank=True)
    formula = models.CharField(_("formula"), max_length=500, blank=True)
    collection_frequency = models.CharField(_("collection frequency"), max_length=100, blank=True)
    disaggregation = models.CharField(_("disaggregation level"), max_length=200, blank=True)
    producer = models.CharField(_("producer"), max_length=200, blank=True)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name

    @property
    def is_lower_better(self) -> bool:
        return self.direction == self.Direction.LOWER

    def allowed_period_kinds(self) -> set[str]:
        """Kinds of period ("year", "quarter", "month") a realisation may have."""
        if self.periodicity == self.Periodicity.MONTHLY:
            return {"year", "quarter", "month"}
        if self.periodicity == self.Periodicity.QUARTERLY:
            return {"year", "quarter"}
        return {"year"}


class NationalTarget(VersionedModel):
    """A national target of an indicator for a year (RPJMN / Renstra BKKBN / Perpres), with the
    text of its source. Targets whose reading is doubtful are flagged `is_uncertain`."""

    indicator = link(Indicator, _("indicator"), "national_targets", models.CASCADE)
    year = year_field(_("year"))
    value = figure_field(_("target"))
    source = models.TextField(_("source"), help_text=_("Document and address of the source."))
    is_uncertain = models.BooleanField(
        _("uncertain"),
        default=False,
        help_text=_("The source is ambiguous or the figure could not be confirmed."),
    )

    class Meta:
        ordering = ["indicator", "year"]
        verbose_name = _("national target")
        verbose_name_plural = _("national targets")
        constraints = [
            once(
                "indicator",
                "year",
                name="unique_national_target_per_year",
                message=_("This indicator already has a national target for this year."),
            ),
            not_negative(
                "value", "national_target_not_negative", _("A target cannot be negative.")
            ),
        ]

    def __str__(self):
        return f"{self.indicator.code} {self.year}: {self.value}"


class DataSource(models.TextChoices):
    """Where a realisation comes from. Values from different sources are never mixed: survey
    (SSGI, SKI) and administrative (e-PPGBM) stunting figures differ a lot for the same place and
    year (docs/domain.md §3)."""

    SSGI = "ssgi", "SSGI"
    SKI = "ski", "SKI"
    EPPGBM = "eppgbm", "e-PPGBM"
    PK = "pk", _("Pendataan Keluarga (PK)")
    SUSENAS = "susenas", "Susenas"
    LF_SP2020 = "lf_sp2020", "Long Form SP2020"
    OTHER = "other", _("Other")


class RegionRecord(VersionedModel, Provenance, DemoData):
    """Fields shared by targets and realisations of a region (region, indicator and value are
    declared by each model, with their own names and related names)."""

    year = year_field(_("year"))
    note = models.CharField(_("note"), max_length=500, blank=True)
    updated_by = user_field()

    class Meta:
        abstract = True


class Target(RegionRecord):
    """The target of a region for an indicator and a year (from its RPJMD, RKPD or performance
    agreement). One per region, indicator and year."""

    region = link("regions.Region", _("region"), "indicator_targets")
    indicator = link(Indicator, _("indicator"), "targets")
    value = figure_field(_("target"))

    class PlanDocument(models.TextChoices):
        """The regional planning document the target comes from (exchange with SIPD)."""

        NONE = "", _("not stated")
        RPJMD = "RPJMD", "RPJMD"
        RKPD = "RKPD", "RKPD"

    plan_document = models.CharField(
        _("planning document"),
        max_length=5,
        choices=PlanDocument.choices,
        blank=True,
        default="",
        db_default="",  # bulk inserts of the spreadsheet import name their own columns
    )
    # Where an imported target came from (file name and layout), empty when typed in.
    import_source = models.CharField(
        _("imported from"), max_length=200, blank=True, default="", db_default=""
    )

    class Meta:
        ordering = ["region__code", "indicator__order", "year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            once(
                "region",
                "indicator",
                "year",
                name="unique_target_per_region_indicator_year",
                message=_("This region already has a target for this indicator and year."),
            ),
            not_negative("value", "target_not_negative", _("A target cannot be negative.")),
        ]
        indexes = [
            # The ranking page: targets of a province's kab/kota for one indicator and year.
            models.Index(fields=["indicator", "year"], name="target_indicator_year"),
        ]

    def __str__(self):
        return f"{self.region.code} {self.indicator.code} {self.year}"


class Value(RegionRecord):
    """A realisation (realisasi) of an indicator in a region for a period, from one data source.

    `period` is empty for the whole year, `M01`…`M12` for a month, `Q1`…`Q4` for a quarter
    (stored as text so that the uniqueness rule also holds for yearly values on every database).
    """

    class Period(models.TextChoices):
        YEAR = "", _("Whole year")
        Q1 = "Q1", _("Quarter I")
        Q2 = "Q2", _("Quarter II")
        Q3 = "Q3", _("Quarter III")
        Q4 = "Q4", _("Quarter IV")
        M01 = "M01", _("January")
        M02 = "M02", _("February")
        M03 = "M03", _("March")
        M04 = "M04", _("April")
        M05 = "M05", _("May")
        M06 = "M06", _("June")
        M07 = "M07", _("July")
        M08 = "M08", _("August")
        M09 = "M09", _("September")
        M10 = "M10", _("October")
        M11 = "M11", _("November")
        M12 = "M12", _("December")

    region = link("regions.Region", _("region"), "indicator_values")
    indicator = link(Indicator, _("indicator"), "values")
    period = models.CharField(
        _("period"), max_length=3, choices=Period.choices, default=Period.YEAR, blank=True
    )
    source = models.CharField(_("data source"), max_length=10, choices=DataSource.choices)
    value = figure_field(_("realisation"))

    class Meta:
        ordering = ["region__code", "indicator__order", "year", "period", "source"]
        verbose_name = _("realisation")
        verbose_name_plural = _("realisations")
        constraints = [
            once(
                "region",
                "indicator",
                "year",
                "period",
                "source",
                name="unique_value_per_period_and_source",
                message=_(
                    "This region already has a value for this indicator, period and data source."
                ),
            ),
            not_negative("value", "value_not_negative", _("A value cannot be negative.")),
            check(
                models.Q(
                    period__in=["", "Q1", "Q2", "Q3", "Q4"] + [f"M{m:02d}" for m in range(1, 13)]
                ),
                "value_period_known",
                _("Unknown period."),
            ),
        ]
        indexes = [
            # The ranking page: one indicator, year, period and source across a province's kab/kota.
            models.Index(fields=["indicator", "year", "source", "period"], name="value_ranking"),
        ]

    def __str__(self):
        return f"{self.region.code} {self.indicator.code} {self.period_label} ({self.get_source_display()})"

    @property
    def period_kind(self) -> str:
        return period_kind(self.period)

    @property
    def period_label(self) -> str:
        """`2025`, `Maret 2025`, `Triwulan I 2025`."""
        if not self.period:
            return str(self.year)
        return f"{self.get_period_display()} {self.year}"


def period_kind(period: str) -> str:
    if not period:
        return "year"
    return "quarter" if period.startswith("Q") else "month"


class WorkGroupIndicator(VersionedModel, Provenance, DemoData):
    """An indicator a Pokja adopts for a year, with the Pokja's own target (criterion 3 of an
    effective Pokja: "Bangga Kencana indicators, with targets it works toward"). The assessment
    reads it through `indicators.services.adopted_counts`."""

    workgroup = link("workgroups.WorkGroup", _("Pokja"), "adopted_indicators", models.CASCADE)
    indicator = link(Indicator, _("indicator"), "adoptions")
    year = year_field(_("year"))
    target = figure_field(_("Pokja target"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["workgroup", "year", "indicator__order"]
        verbose_name = _("adopted indicator")
        verbose_name_plural = _("adopted indicators")
        constraints = [
            once(
                "workgroup",
                "indicator",
                "year",
                name="unique_adoption_per_year",
                message=_("This Pokja already adopted this indicator for this year."),
            ),
            not_negative(
                "target",
                "adoption_target_not_negative",
                _("A target cannot be negative."),
                optional=True,
            ),
        ]
        indexes = [
            # adopted_counts(): adoptions with a target, by year, for many Pokja at once.
            models.Index(fields=["year", "workgroup"], name="adoption_year_workgroup"),
        ]

    def __str__(self):
        return f"{self.workgroup} · {self.indicator.code} {self.year}"
