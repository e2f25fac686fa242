from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission
from accounts.region_links import RegionLink

REGION_LINKS = [
    RegionLink(_("Meetings"), "meetings:list", Permission.REGION_VIEW),
    RegionLink(_("Action items"), "meetings:items", Permission.REGION_VIEW),
    RegionLink(_("Agenda"), "meetings:agenda", Permission.REGION_VIEW),
    RegionLink(_("Announcements"), "meetings:announcements", Permission.REGION_VIEW),
    RegionLink(_("Letterhead"), "meetings:letterhead", Permission.REGION_EDIT),
]
