"""Funding sources shared by the planned cost of activities and budget allocations.

Planning owns them because it sits below budget (docs/architecture.md): budget imports them from
here, planning never imports budget.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FundingSource(models.TextChoices):
    """Where the money for the Pokja comes from (Indonesian regional finance terms)."""

    APBD_PROVINCE = "apbd_province", _("APBD Provinsi")
    APBD_REGENCY = "apbd_regency", _("APBD Kabupaten/Kota")
    APBN_BOK = "apbn_bok", _("APBN / BOK-KB")
    DAK = "dak", _("DAK (special allocation fund)")
    VILLAGE_FUND = "village_fund", _("Dana Desa (village fund)")
    PARTNER = "partner", _("Partner / CSR")
    OTHER = "other", _("Other")
