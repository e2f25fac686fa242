from django.db import models
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    """A Bangga Kencana indicator from the national catalogue (TFR, mCPR, unmet need, …), with
    its definition, unit and direction. Definitions and sources: ../shared/DOMAIN.md §3."""

    class Direction(models.TextChoices):
        HIGHER = "higher", _("Higher is better")
        LOWER = "lower", _("Lower is better")

    class Periodicity(models.TextChoices):
        YEARLY = "yearly", _("Yearly")
        QUARTERLY = "quarterly", _("Quarterly")
        MONTHLY = "monthly", _("Monthly")

    code = models.SlugField(_("code"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(_("definition"), blank=True)
    unit = models.CharField(_("unit"), max_length=50)
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=2)
    usual_source = models.CharField(_("usual data source"), max_length=200, blank=True)
    periodicity = models.CharField(
        _("periodicity"), max_length=10, choices=Periodicity.choices, default=Periodicity.YEARLY
    )
    reference = models.CharField(_("source of the definition"), max_length=300, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name
