from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Pokja"), "workgroups:profile", Permission.REGION_VIEW),
    RegionLink(_("Institutions"), "workgroups:institutions", Permission.REGION_VIEW),
]
