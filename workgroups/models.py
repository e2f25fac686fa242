from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedModel


class SubGroup(models.Model):
    """A sub-group (bidang / sub-pokja) from the national catalogue: the older working groups
    merged into the Pokja Bangga Kencana (Advokasi, Kampung KB, GDPK, TPPS, …)."""

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("sub-group")
        verbose_name_plural = _("sub-groups")

    def __str__(self):
        return self.name


class WorkGroup(VersionedModel):
    """The Pokja Bangga Kencana of a region (province or kab/kota). A region has at most one
    active Pokja; dissolved ones are kept for history."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DISSOLVED = "dissolved", _("Dissolved")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="workgroups", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    formed_on = models.DateField(_("formation date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    secretariat_office = models.CharField(_("secretariat office"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    subgroups = models.ManyToManyField(SubGroup, blank=True, related_name="workgroups", verbose_name=_("sub-groups"))
    is_demo = models.BooleanField(_("demo data"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["region__code"]
        verbose_name = _("Pokja")
        verbose_name_plural = _("Pokja")
        constraints = [
            models.UniqueConstraint(
                fields=["region"],
                condition=models.Q(status="active"),
                name="one_active_workgroup_per_region",
                violation_error_message=_("This region already has an active Pokja."),
            )
        ]
        indexes = [
            # The province matrix and dashboards: active Pokja per region.
            models.Index(fields=["region", "status"], name="workgroup_region_status"),
        ]

    class DataScrubbing:
        personal_fields = ("contact_name", "contact_phone", "contact_email")

    def __str__(self):
        return self.name


class Institution(VersionedModel):
    """An institution that sends members to a Pokja: a regional government office (OPD), a
    vertical agency, a university, a religious or professional body, an NGO, a business, …"""

    class Sector(models.TextChoices):
        REGIONAL_GOVERNMENT = "regional_government", _("Regional government office")
        VERTICAL_AGENCY = "vertical_agency", _("Vertical agency")
        ACADEMIA = "academia", _("Academia")
        RELIGIOUS = "religious", _("Religious organisation")
        PROFESSIONAL = "professional", _("Professional body")
        NGO = "ngo", _("Non-governmental organisation")
        BUSINESS = "business", _("Business")
        MEDIA = "media", _("Media")
        COMMUNITY = "community", _("Community organisation")

    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, related_name="institutions", verbose_name=_("region")
    )
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    is_government = models.BooleanField(_("government"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "name"],
                name="unique_institution_name_per_region",
                violation_error_message=_("This region already has an institution with this name."),
            )
        ]

    def __str__(self):
        return self.name
