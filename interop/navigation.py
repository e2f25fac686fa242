from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Regional planning (SIPD)"), "interop:exchange", Permission.REGION_VIEW),
]
REGION_LINKS.append(RegionLink(_("Integrations"), "interop:integrations", Permission.USER_MANAGE))
