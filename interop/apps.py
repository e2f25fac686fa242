from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    name = "interop"
    verbose_name = _("Interoperability")

    def ready(self):
        from accounts.region_links import register_region_links
        from interop.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)
