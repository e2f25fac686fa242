from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Strategic issues"), "knowledge:issues", Permission.REGION_VIEW),
    RegionLink(
        _("Strategic issues by theme"), "knowledge:themes", Permission.REGION_VIEW, ("province",)
    ),
]
