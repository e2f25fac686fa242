from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and public transparency")

    def ready(self):
        from accounts.region_links import register_region_links
        from reports.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from reports import jobs  # noqa: F401  (registers the report batch job kinds)
