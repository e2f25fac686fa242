from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import check, demo_flag, link, once
from core.provenance import user_field
from core.uploads import upload_to


def region_link(related_name):
    """The region an assessment record is about; the record goes when the region goes."""
    return models.ForeignKey("regions.Region", on_delete=models.CASCADE, related_name=related_name)


class Criterion(models.Model):
    """A criterion of an effective Pokja for one year.

    The four national defaults come from BKKBN Perwakilan Sulsel (2023): an SK, a work plan,
    Bangga Kencana indicators and a budget for Pokja operations. Optional national criteria come
    from the Deputi's 2022 framing (GDPK; indicators integrated into RPJMD/RKPD; a complete KB
    agency), see docs/domain.md §2. National criteria have no province; a province
    may add criteria of its own for its Pokjas but cannot switch national ones off.
    """

    class Kind(models.TextChoices):
        DECREE = "decree", _("SK (decree)")
        WORK_PLAN = "work_plan", _("Work plan")
        INDICATORS = "indicators", _("Indicators")
        BUDGET = "budget", _("Budget")
        GDPK = "gdpk", _("GDPK")
        PLANNING_INTEGRATION = "planning_integration", _("Indicators in RPJMD/RKPD")
        DECLARED = "declared", _("Declared with evidence")

    year = models.PositiveSmallIntegerField(_("year"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    province = link(
        "regions.Region",
        _("province"),
        "criteria",
        models.CASCADE,
        optional=True,
        help_text=_("Empty for national criteria."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # Thresholds: min_activities, min_indicators, min_amount, require_pdf.
    settings = models.JSONField(_("settings"), default=dict, blank=True)

    class Meta:
        ordering = ["year", "province_id", "order", "pk"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            once(
                "year",
                "code",
                condition=models.Q(province__isnull=True),
                name="unique_national_criterion_code",
                message=_("A national criterion with this code exists for this year."),
            ),
            once(
                "year",
                "code",
                "province",
                name="unique_provincial_criterion_code",
                message=_("This province already has a criterion with this code for this year."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.year})"

    @property
    def is_national(self):
        return self.province_id is None

    def setting(self, key, default):
        return self.settings.get(key, default)


class Assessment(VersionedModel):
    """The yearly effectiveness assessment of a region's Pokja: submitted by the operator,
    verified criterion by criterion by the level above (the province for a kab/kota, national
    admins for a province)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not submitted")
        SUBMITTED = "submitted", _("Awaiting verification")
        RETURNED = "returned", _("Returned for correction")
        VERIFIED = "verified", _("Verified")

    region = region_link("assessments")
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    note = models.TextField(_("note"), blank=True)
    is_demo = demo_flag(editable=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = user_field()
    verified_at = models.DateTimeField(null=True, blank=True)
    verified_by = user_field()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        constraints = [
            once(
                "region",
                "year",
                name="one_assessment_per_region_year",
                message=_("This region already has an assessment for this year."),
            ),
            check(
                models.Q(submitted_at__isnull=True, submitted_by__isnull=True)
                | models.Q(submitted_at__isnull=False),
                "assessment_submitted_pair",
            ),
            check(
                models.Q(verified_at__isnull=True, verified_by__isnull=True)
                | models.Q(verified_at__isnull=False),
                "assessment_verified_pair",
            ),
        ]
        indexes = [
            # The province matrix: assessments of many regions for one year.
            models.Index(fields=["year", "region"], name="assessment_year_region"),
        ]

    def __str__(self):
        return f"{self.region} {self.year}"


class CriterionReview(models.Model):
    """The verifier's decision on one criterion's evidence, and the operator's answer."""

    class Decision(models.TextChoices):
        PENDING = "pending", _("Awaiting verification")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reviews")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, default=Decision.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = user_field()
    response = models.TextField(_("operator's answer"), blank=True)
    # What the criterion looked like when it was submitted (state and explanation).
    submitted_state = models.CharField(max_length=15, blank=True)
    submitted_explanation = models.TextField(blank=True)
    # What was verified, recorded when the criterion is accepted (assessment/evidence.py):
    # {"kind", "items": [identity and fields of each record, files with their SHA-256],
    # "hash"}. Kept when the verification goes stale, as its history.
    evidence = models.JSONField(_("verified evidence"), default=dict, blank=True)
    # Set when that evidence was deleted, replaced or edited, or its SK expired
    # (assessment/staleness.py): the acceptance no longer counts until verified again.
    stale_at = models.DateTimeField(_("stale since"), null=True, blank=True)
    stale_reason = models.TextField(_("why it is stale"), blank=True)

    class Meta:
        verbose_name = _("criterion review")
        verbose_name_plural = _("criterion reviews")
        constraints = [
            once("assessment", "criterion", name="one_review_per_criterion"),
            check(
                ~models.Q(decision="rejected") | ~models.Q(reason=""),
                "rejection_needs_reason",
                _("A rejection needs a reason."),
            ),
        ]

    def __str__(self):
        return f"{self.assessment} · {self.criterion.code}: {self.decision}"

    def is_stale(self, on) -> bool:
        """An acceptance is stale when its evidence changed (`stale_at`) or the SK it verified
        has expired by `on` (the assessment date), even before the daily job records it."""
        if self.decision != self.Decision.ACCEPTED:
            return False
        if self.stale_at is not None:
            return True
        day = on.isoformat()
        return any(
            item.get("valid_until") and item["valid_until"] < day
            for item in self.evidence.get("items", ())
            if isinstance(item, dict)
        )


class Declaration(models.Model):
    """The operator's statement, with evidence, for criteria that cannot be read from records
    (kind `declared`, e.g. a complete KB agency, or a province's own criterion)."""

    region = region_link("declarations")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="declarations")
    fulfilled = models.BooleanField(_("fulfilled"))
    note = models.TextField(_("explanation"), blank=True)
    file = models.FileField(
        _("evidence (PDF)"), upload_to=upload_to("declarations", "pdf"), blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        constraints = [once("region", "criterion", name="one_declaration_per_criterion")]

    def __str__(self):
        return f"{self.region} · {self.criterion.code}"


class Snapshot(models.Model):
    """The status of a region's Pokja for a year, frozen when it was verified: the history the
    province counts (how many kab/kota were effective in 2023, 2024, 2025)."""

    region = region_link("assessment_snapshots")
    year = models.PositiveSmallIntegerField(_("year"))
    taken_at = models.DateTimeField(_("taken at"), auto_now_add=True)
    effective = models.BooleanField(_("effective"))
    computed_effective = models.BooleanField(_("computed effective"))
    criteria = models.JSONField(default=list)
    is_demo = demo_flag(editable=False)
    taken_by = user_field()

    class Meta:
        ordering = ["-taken_at", "-pk"]
        verbose_name = _("assessment snapshot")
        verbose_name_plural = _("assessment snapshots")
        indexes = [
            # History per year: the latest snapshot of each region.
            models.Index(fields=["year", "region", "-taken_at"], name="snapshot_year_region"),
        ]

    def __str__(self):
        return f"{self.region} {self.year}: {'effective' if self.effective else 'not effective'}"


class RegionStatus(models.Model):
    """A cache of the computed and official status of one region for one year, read by the
    dashboards, the matrix and the public page (see assessment/summary.py). It holds nothing
    that cannot be recomputed from the records: a missing or stale row is computed again."""

    region = region_link("+")
    year = models.PositiveSmallIntegerField()
    # The date decrees were checked on (assessment.engine.assessment_date); a row computed for
    # another date is stale.
    as_of = models.DateField()
    has_workgroup = models.BooleanField()
    computed_status = models.CharField(max_length=20)
    official_status = models.CharField(max_length=20)
    # {criterion code: state} and {criterion kind: state}.
    criteria = models.JSONField(default=dict)
    kinds = models.JSONField(default=dict)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [once("region", "year", name="one_status_per_region_year")]

    def __str__(self):
        return f"{self.region_id} {self.year}: {self.computed_status}"


class StatusEpoch(models.Model):
    """One row counting invalidations of RegionStatus: a status computed while the records
    changed is not stored (see assessment/summary.py)."""

    value = models.BigIntegerField(default=0)

    def __str__(self):
        return str(self.value)
