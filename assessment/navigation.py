from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Effectiveness"), "assessment:region", Permission.REGION_VIEW),
    RegionLink(
        _("Effectiveness matrix"), "assessment:matrix", Permission.REGION_VIEW, levels=("province",)
    ),
]
