from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Pokja profile (PDF)"), "reports:profile", Permission.REGION_VIEW),
    RegionLink(_("Indicator achievement report"), "reports:indicators", Permission.REGION_VIEW),
]
