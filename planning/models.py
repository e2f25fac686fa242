from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, link, many, once, year_field, years_in_range
from core.formats import MONTHS_ID
from core.privacy import PUBLIC_TASK
from core.provenance import DemoData, Provenance, user_field
from core.uploads import KeptExtensionUploadTo, upload_to
from planning.choices import FundingSource

MONTH_CHOICES = [(i + 1, name) for i, name in enumerate(MONTHS_ID)]


def month_field(verbose_name):
    """A month of the plan year: 1 (January) to 12 (December), shown by its Indonesian name."""
    return models.PositiveSmallIntegerField(
        verbose_name,
        choices=MONTH_CHOICES,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )


class EvidenceUploadTo(KeptExtensionUploadTo):
    """Activity evidence: the service renames the upload to `evidence.pdf`, `.png` or `.jpg`."""

    prefix = "activity-evidence"
    allowed = ("pdf", "png", "jpg")


class WorkPlan(VersionedModel, Provenance, DemoData):
    """The yearly work plan (Rencana Kerja) of a Pokja: criterion 2 of an effective Pokja
    (Sulsel 2023 wording, docs/domain.md §2). Drafted by the secretariat, then approved
    (usually signed by the Pokja chair or the regional head) with its signed document."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    workgroup = link("workgroups.WorkGroup", _("Pokja"), "work_plans")
    year = year_field(_("year"))
    title = models.CharField(_("title"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    approved_on = models.DateField(_("approval date"), null=True, blank=True)
    approver_name = models.CharField(_("approved by (name)"), max_length=150, blank=True)
    approver_position = models.CharField(_("approver's position"), max_length=200, blank=True)
    # The user who recorded the approval in Sipokja (not necessarily the signatory).
    approval_recorded_by = user_field(_("approval recorded by"))
    approval_recorded_at = models.DateTimeField(_("approval recorded at"), null=True, blank=True)
    document = models.FileField(
        _("signed document (PDF)"), upload_to=upload_to("work-plans", "pdf"), blank=True
    )
    document_filename = models.CharField(max_length=200, blank=True)

    class DataScrubbing:
        personal_fields = ("approver_name",)
        purpose = _("The official who approved the work plan.")
        legal_basis = PUBLIC_TASK
        retention = _("As long as the work plan is kept (public record).")
        visible_to = _("Users of the region.")

    class Meta:
        ordering = ["-year"]
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        constraints = [
            once(
                "workgroup",
                "year",
                name="one_work_plan_per_workgroup_year",
                message=_("This Pokja already has a work plan for this year."),
            ),
            years_in_range("year", name="work_plan_year_range"),
            check(
                (
                    models.Q(status="draft", approved_on__isnull=True)
                    | (
                        models.Q(status="approved", approved_on__isnull=False)
                        & ~models.Q(approver_name="")
                    )
                ),
                "work_plan_approval_complete",
                _(
                    "An approved work plan needs the approval date and the approver's name; "
                    "a draft has neither."
                ),
            ),
        ]
        indexes = [
            # Effectiveness matrix and dashboards: approved plans of many Pokja for one year.
            models.Index(fields=["year", "status"], name="work_plan_year_status"),
        ]

    def __str__(self):
        return self.title or str(_("Work plan %(year)s") % {"year": self.year})

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def region(self):
        return self.workgroup.region


class Activity(VersionedModel, Provenance):
    """One activity of a work plan: who does what, when (months of the plan year), what it
    should produce, which Bangga Kencana indicators it serves, what it costs and from which
    source, and how far it has got (with evidence)."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    plan = link(WorkPlan, _("work plan"), "activities", models.CASCADE)
    title = models.CharField(_("activity"), max_length=300)
    subgroup = link("workgroups.SubGroup", _("sub-group"), "activities", optional=True)
    institutions = many("workgroups.Institution", _("responsible institutions"), "activities")
    start_month = month_field(_("start month"))
    end_month = month_field(_("end month"))
    expected_output = models.TextField(_("expected output"), blank=True)
    indicators = many("indicators.Indicator", _("indicators"), "activities")
    planned_cost = models.PositiveBigIntegerField(_("planned cost (Rp)"), default=0)
    cost_source = models.CharField(
        _("source of funds"), max_length=20, choices=FundingSource.choices, blank=True
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    progress_note = models.TextField(_("progress note"), blank=True)
    evidence = models.FileField(_("evidence"), upload_to=EvidenceUploadTo(), blank=True)
    evidence_filename = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["start_month", "end_month", "title", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            check(
                models.Q(
                    start_month__gte=1, start_month__lte=12, end_month__gte=1, end_month__lte=12
                ),
                "activity_months_in_year",
                _("Months are numbered 1 (January) to 12 (December)."),
            ),
            check(
                models.Q(start_month__lte=models.F("end_month")),
                "activity_months_ordered",
                _("The start month cannot be after the end month."),
            ),
            check(
                models.Q(planned_cost=0) | ~models.Q(cost_source=""),
                "activity_cost_has_source",
                _("Choose the source of funds for a planned cost."),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        from django.core.exceptions import ValidationError

        errors = {}
        if self.start_month and self.end_month and self.start_month > self.end_month:
            errors["end_month"] = _(
                "The start month (%(start)s) is after the end month (%(end)s). The end month must be "
                "the same as or later than the start month."
            ) % {"start": MONTHS_ID[self.start_month - 1], "end": MONTHS_ID[self.end_month - 1]}
        if self.planned_cost and not self.cost_source:
            errors["cost_source"] = _("Choose the source of funds for a planned cost.")
        if errors:
            raise ValidationError(errors)

    @property
    def period_label(self) -> str:
        start, end = MONTHS_ID[self.start_month - 1], MONTHS_ID[self.end_month - 1]
        return start if start == end else f"{start} – {end}"
