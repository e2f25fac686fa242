from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel
from core.fields import PERIOD_ORDER_MESSAGE, check, link, many, period_ordered, year_field
from core.provenance import DemoData, Provenance
from core.uploads import upload_to


class Policy(VersionedModel, Provenance, DemoData):
    """A regional policy or regulation the Pokja drafts, advocates or follows (Perda, Pergub,
    Perbup/Perwali, SK of the regional head, circulars) or a regional planning document (RPJMD,
    RKPD, Renstra OPD, GDPK). Bringing Bangga Kencana into regional policy, and its indicators
    into planning documents, is the Pokja's purpose (docs/domain.md §1, §2)."""

    class Kind(models.TextChoices):
        PERDA = "perda", _("Perda (regional regulation)")
        PERGUB = "pergub", _("Pergub (governor regulation)")
        PERBUP_PERWALI = "perbup_perwali", _("Perbup/Perwali (regent/mayor regulation)")
        HEAD_DECREE = "head_decree", _("SK Kepala Daerah (decree of the regional head)")
        CIRCULAR = "circular", _("Surat Edaran (circular)")
        RPJMD = "rpjmd", _("RPJMD (medium-term development plan)")
        RKPD = "rkpd", _("RKPD (annual government work plan)")
        RENSTRA_OPD = "renstra_opd", _("Renstra OPD (office strategic plan)")
        GDPK = "gdpk", _("GDPK (Grand Design Pembangunan Kependudukan)")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Being drafted")
        ENACTED = "enacted", _("Enacted")
        REVOKED = "revoked", _("Revoked")

    # Planning documents: the ones whose integration of Bangga Kencana indicators is recorded.
    PLANNING_KINDS = frozenset({Kind.RPJMD, Kind.RKPD, Kind.RENSTRA_OPD, Kind.GDPK})
    PROVINCE_ONLY = frozenset({Kind.PERGUB})
    REGENCY_ONLY = frozenset({Kind.PERBUP_PERWALI})

    region = link("regions.Region", _("region"), "policies")
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    number = models.CharField(
        _("number"),
        max_length=100,
        blank=True,
        help_text=_("As written on the document, e.g. 45 Tahun 2022. Empty while drafting."),
    )
    title = models.CharField(_("title (tentang)"), max_length=300)
    issued_on = models.DateField(_("date enacted"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFTING
    )
    subgroup = link("workgroups.SubGroup", _("related sub-group"), "policies", optional=True)
    period_start = year_field(
        _("period from (year)"),
        null=True,
        blank=True,
        help_text=_(
            "For planning documents: the first year they cover (e.g. 2025 for RPJMD 2025–2029)."
        ),
    )
    period_end = year_field(_("period to (year)"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    file = models.FileField(_("document (PDF)"), upload_to=upload_to("policies", "pdf"), blank=True)
    original_filename = models.CharField(max_length=200, blank=True)
    indicators = many(
        "indicators.Indicator",
        _("integrated indicators"),
        "policies",
        help_text=_("For planning documents: the Bangga Kencana indicators the document includes."),
    )

    class Meta:
        ordering = ["-issued_on", "title", "pk"]
        verbose_name = _("policy")
        verbose_name_plural = _("policies")
        constraints = [
            check(
                models.Q(status="drafting") | models.Q(issued_on__isnull=False),
                "policy_enacted_has_date",
                _("An enacted or revoked policy needs its date of enactment."),
            ),
            period_ordered(
                "period_start",
                "period_end",
                name="policy_period_ordered",
                may_be_empty=["period_start", "period_end"],
            ),
        ]
        indexes = [
            # Dashboards and assessment: planning documents of many regions by kind.
            models.Index(fields=["kind", "status", "region"], name="policy_kind_status_region"),
        ]

    def __str__(self):
        if self.number:
            return f"{self.get_kind_display()} {self.number}: {self.title}"[:200]
        return f"{self.get_kind_display()}: {self.title}"[:200]

    @property
    def is_planning_document(self) -> bool:
        return self.kind in self.PLANNING_KINDS

    def covers_year(self, year: int) -> bool:
        start = self.period_start or (self.issued_on.year if self.issued_on else None)
        if start is None or year < start:
            return False
        return self.period_end is None or year <= self.period_end

    def clean(self):
        errors = {}
        if self.status != self.Status.DRAFTING:
            if not self.issued_on:
                errors["issued_on"] = _("Enter the date the policy was enacted.")
            if not self.number.strip():
                errors["number"] = _("Enter the number of the enacted policy.")
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = PERIOD_ORDER_MESSAGE
        if self.region_id:
            level = self.region.level
            if self.kind in self.PROVINCE_ONLY and level != "province":
                errors["kind"] = _("A Pergub is issued by a governor: record it for the province.")
            if self.kind in self.REGENCY_ONLY and level != "regency":
                errors["kind"] = _(
                    "A Perbup/Perwali is issued by a regent or mayor: record it for the kab/kota."
                )
        if errors:
            raise ValidationError(errors)
