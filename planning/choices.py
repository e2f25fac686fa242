"""Funding sources shared by budget allocations and the planned cost of activities.

Kept outside `models.py` so the planning app can use them without importing budget models.
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
