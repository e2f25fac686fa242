"""Strategic issues of a region and the Pokja knowledge centre.

- `StrategicIssue`: an isu strategis the Pokja carries into its work for a period (e.g.
  "prevalensi stunting jauh di atas target"), with the indicators that show it, the sub-group
  that owns it, and the plan activities and regional policies that answer it.
- `KnowledgeDocument`: a guide or template in the knowledge centre, published nationally or by a
  province, readable by every logged-in user.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import (
    PERIOD_ORDER_MESSAGE,
    check,
    link,
    many,
    once,
    period_ordered,
    year_field,
    years_in_range,
)
from core.provenance import DemoData, Provenance
from core.uploads import KeptExtensionUploadTo


class StrategicIssue(VersionedModel, Provenance, DemoData):
    """A strategic issue (isu strategis) of a region for a period of years: a problem the Pokja
    must carry into its plan and its advocacy (Bangga Kencana programme, docs/domain.md
    §1: "Pokja should surface issues and advocate for regional-head commitment"). It is
    answered when at least one plan activity (not cancelled) or regional policy (not revoked)
    is linked to it."""

    class Theme(models.TextChoices):
        """Themes group the issues of a province's kab/kota so the forum sees shared problems."""

        STUNTING = "stunting", _("Stunting")
        CHILD_MARRIAGE = "child_marriage", _("Child marriage")
        UNMET_NEED = "unmet_need", _("Unmet need for family planning")
        FERTILITY = "fertility", _("Fertility (TFR)")
        FAMILY_QUALITY = "family_quality", _("Family quality")
        POPULATION_DATA = "population_data", _("Population data")
        OTHER = "other", _("Other")

    class Priority(models.TextChoices):
        HIGH = "high", _("High")
        MEDIUM = "medium", _("Medium")
        LOW = "low", _("Low")

    # Sort order of priorities (high first); stored as text for readable API values.
    PRIORITY_RANK = {"high": 0, "medium": 1, "low": 2}

    region = link("regions.Region", _("region"), "strategic_issues")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    theme = models.CharField(_("theme"), max_length=20, choices=Theme.choices)
    priority = models.CharField(
        _("priority"), max_length=6, choices=Priority.choices, default=Priority.MEDIUM
    )
    period_start = year_field(_("period from (year)"))
    period_end = year_field(_("period to (year)"))
    subgroup = link("workgroups.SubGroup", _("owning sub-group"), "strategic_issues", optional=True)
    indicators = many("indicators.Indicator", _("indicators (evidence)"), "strategic_issues")
    activities = many("planning.Activity", _("answering activities"), "strategic_issues")
    policies = many("policies.Policy", _("answering policies"), "strategic_issues")

    class Meta:
        ordering = ["-period_start", "title", "pk"]
        verbose_name = _("strategic issue")
        verbose_name_plural = _("strategic issues")
        constraints = [
            period_ordered("period_start", "period_end", name="strategic_issue_period_ordered"),
            years_in_range(
                "period_start",
                "period_end",
                name="strategic_issue_years_in_range",
                message=_("Enter years between 2000 and 2100."),
            ),
        ]
        indexes = [
            # The region page and the province's themes page: issues of regions covering a year.
            models.Index(
                fields=["region", "period_start", "period_end"], name="strategic_issue_period"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def period_label(self) -> str:
        if self.period_start == self.period_end:
            return str(self.period_start)
        return f"{self.period_start}–{self.period_end}"

    @property
    def priority_rank(self) -> int:
        return self.PRIORITY_RANK.get(self.priority, 9)

    def covers_year(self, year: int) -> bool:
        return self.period_start <= year <= self.period_end

    def clean(self):
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": PERIOD_ORDER_MESSAGE})


class DocumentUploadTo(KeptExtensionUploadTo):
    """Knowledge documents: the service names the upload `document.pdf`, `.xlsx` or `.docx`."""

    prefix = "knowledge"
    allowed = ("pdf", "xlsx", "docx")


class KnowledgeDocument(VersionedModel, Provenance, DemoData):
    """A guide or template of the Pokja knowledge centre: how to form a Pokja, write its work
    plan, set indicator targets, budget for it, advocate, run the forum. Published nationally
    (BKKBN headquarters, `publisher` empty) or by a province (BKKBN Perwakilan); readable by
    every logged-in user; kept by national and provincial admins."""

    class Category(models.TextChoices):
        FORMATION = "formation", _("Forming the Pokja")
        WORK_PLAN = "work_plan", _("Work plan")
        INDICATORS = "indicators", _("Indicators")
        BUDGET = "budget", _("Budget")
        ADVOCACY = "advocacy", _("Advocacy")
        FORUM = "forum", _("Forum")

    class Kind(models.TextChoices):
        GUIDE = "guide", _("Guide")
        TEMPLATE = "template", _("Template")

    class Format(models.TextChoices):
        PDF = "pdf", "PDF"
        XLSX = "xlsx", _("Excel workbook (.xlsx)")
        DOCX = "docx", _("Word document (.docx)")

    title = models.CharField(_("title"), max_length=200)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.GUIDE)
    description = models.TextField(_("short description"), max_length=1000, blank=True)
    # The document's own version ("1.0", "2024 rev. 2"); `version` is the record's lock.
    edition = models.CharField(_("version"), max_length=30, blank=True)
    issued_on = models.DateField(_("date"))
    file = models.FileField(_("file"), upload_to=DocumentUploadTo())
    file_format = models.CharField(_("file format"), max_length=4, choices=Format.choices)
    original_filename = models.CharField(max_length=200, blank=True)
    publisher = link(
        "regions.Region",
        _("published by"),
        "knowledge_documents",
        optional=True,
        help_text=_("Empty: published nationally."),
    )
    is_published = models.BooleanField(
        _("published"),
        default=True,
        help_text=_("Unpublished documents are seen only by those who manage them."),
    )
    # Templates Sipokja generates itself (`manage.py seed_knowledge`).
    is_generated = models.BooleanField(_("generated by the system"), default=False)
    generator = models.SlugField(max_length=40, blank=True)

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("knowledge document")
        verbose_name_plural = _("knowledge documents")
        constraints = [
            once(
                "generator",
                condition=~models.Q(generator=""),
                name="one_document_per_generator",
                message=_("This system template already exists."),
            ),
            check(
                models.Q(is_generated=False) | ~models.Q(generator=""),
                "generated_document_names_generator",
                _("A generated document names its generator."),
            ),
        ]
        indexes = [
            # guides_for_kinds(): the latest published document per category.
            models.Index(
                fields=["category", "is_published", "issued_on"], name="knowledge_doc_category"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def publisher_label(self) -> str:
        return self.publisher.display_name if self.publisher_id else str(_("National"))

    def clean(self):
        if self.publisher_id and not self.publisher.is_province:
            raise ValidationError(
                {"publisher": _("Documents are published nationally or by a province.")}
            )
