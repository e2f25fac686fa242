from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [RegionLink(_("Dashboard"), "dashboards:region", Permission.REGION_VIEW)]
