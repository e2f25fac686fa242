from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Budget"), "budget:list", Permission.REGION_VIEW),
    RegionLink(
        _("Kab/kota budgets"), "budget:regencies", Permission.REGION_VIEW, levels=("province",)
    ),
    RegionLink(
        _("Early warning"), "budget:early_warning", Permission.REGION_VIEW, levels=("province",)
    ),
    RegionLink(_("Budget calendar"), "budget:calendar", Permission.BUDGET_EDIT),
]
