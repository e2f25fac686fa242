from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, link, once, year_field, years_in_range
from core.formats import format_rupiah
from core.provenance import DemoData, Provenance
from core.uploads import upload_to
from planning.choices import FundingSource


class BudgetAllocation(VersionedModel, Provenance, DemoData):
    """Money allocated for the Pokja's operations in a budget year: criterion 4 of an effective
    Pokja (Sulsel 2023: BKKBN asks every kab/kota to budget for its Pokja, docs/domain.md §1).
    A Pokja may have several allocations a year (e.g. APBD plus a partner's CSR), each with its
    budget document (DPA) and the amount realised so far. Amounts are whole Rupiah."""

    workgroup = link("workgroups.WorkGroup", _("Pokja"), "budget_allocations")
    year = year_field(_("budget year"))
    source = models.CharField(_("source of funds"), max_length=20, choices=FundingSource.choices)
    amount = models.PositiveBigIntegerField(_("amount (Rp)"))
    purpose = models.CharField(
        _("purpose"),
        max_length=300,
        blank=True,
        help_text=_("What the money is for, e.g. Pokja operations, forum meetings."),
    )
    document_reference = models.CharField(
        _("budget document reference"),
        max_length=150,
        blank=True,
        help_text=_("For example the DPA number of the office that holds the budget."),
    )
    document = models.FileField(
        _("budget document (PDF)"), upload_to=upload_to("budget", "pdf"), blank=True
    )
    document_filename = models.CharField(max_length=200, blank=True)
    realised = models.PositiveBigIntegerField(_("realised (Rp)"), default=0)
    realised_on = models.DateField(
        _("realisation as of"),
        null=True,
        blank=True,
        help_text=_("The date the realised amount was reported."),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-year", "source", "pk"]
        verbose_name = _("budget allocation")
        verbose_name_plural = _("budget allocations")
        constraints = [
            years_in_range("year", name="budget_year_range"),
            check(
                models.Q(amount__gt=0),
                "budget_amount_positive",
                _("The allocated amount must be more than zero."),
            ),
            check(
                models.Q(realised__lte=models.F("amount")),
                "budget_realised_within_amount",
                _("The realised amount cannot exceed the allocated amount."),
            ),
        ]
        indexes = [
            # Province budget recap and effectiveness matrix: allocations of many Pokja in a year.
            models.Index(fields=["year", "workgroup"], name="budget_year_workgroup"),
        ]

    def __str__(self):
        return f"{self.get_source_display()} {self.year}: {format_rupiah(self.amount)}"

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount <= 0:
            errors["amount"] = _("The allocated amount must be more than zero.")
        if self.amount is not None and self.realised is not None and self.realised > self.amount:
            errors["realised"] = _(
                "The realised amount (%(realised)s) cannot exceed the allocated amount (%(amount)s)."
            ) % {"realised": format_rupiah(self.realised), "amount": format_rupiah(self.amount)}
        if self.realised and not self.realised_on:
            errors["realised_on"] = _("Enter the date of the realisation.")
        if errors:
            raise ValidationError(errors)

    @property
    def region(self):
        return self.workgroup.region

    @property
    def realisation_percent(self):
        return round(self.realised * 100 / self.amount, 1) if self.amount else None


class BudgetCalendar(VersionedModel):
    """The milestones of a region's regional budget cycle (APBD) for one budget year: the RKPD
    is drafted, the KUA-PPAS agreed and the RAPBD approved in the year *before* the budget year.
    A region without its own calendar uses the defaults (`budget.calendar.default_calendar`,
    sources in docs/budget-calendar.md). The early warning (budget.early_warning) reads it."""

    region = link("regions.Region", _("region"), "budget_calendars")
    budget_year = year_field(_("budget year"))
    rkpd_from = models.DateField(_("RKPD drafting starts"))
    rkpd_until = models.DateField(_("RKPD drafting ends"))
    kua_ppas = models.DateField(_("KUA-PPAS agreed by"))
    rapbd = models.DateField(_("RAPBD approved by"))
    warn_weeks = models.PositiveSmallIntegerField(
        _("warn weeks before KUA-PPAS"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(26)],
        help_text=_("How many weeks before the KUA-PPAS a missing Pokja budget is flagged."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        ordering = ["region", "-budget_year"]
        verbose_name = _("budget calendar")
        verbose_name_plural = _("budget calendars")
        constraints = [
            once("region", "budget_year", name="budget_one_calendar_per_year"),
            check(
                models.Q(rkpd_from__lte=models.F("rkpd_until"))
                & models.Q(rkpd_until__lte=models.F("kua_ppas"))
                & models.Q(kua_ppas__lte=models.F("rapbd")),
                "budget_calendar_in_order",
                _("The milestones must follow each other: RKPD, KUA-PPAS, then RAPBD."),
            ),
        ]

    def __str__(self):
        return f"{self.region} {self.budget_year}"

    def clean(self):
        dates = [self.rkpd_from, self.rkpd_until, self.kua_ppas, self.rapbd]
        if all(dates) and dates != sorted(dates):
            raise ValidationError(
                _("The milestones must follow each other: RKPD, KUA-PPAS, then RAPBD.")
            )
