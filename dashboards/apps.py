from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    name = "dashboards"
    verbose_name = _("Dashboards and reports")

    def ready(self):
        from audit.registry import register
        from dashboards.models import BoundaryMap

        # The shapes are derived from the file at upload; the map's own fields are audited.
        register(
            BoundaryMap,
            region="province",
            fields=["province", "source", "original_filename", "feature_count", "uploaded_by"],
        )

        from accounts.region_links import register_region_links
        from dashboards.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from accounts.home import register_home_section
        from dashboards import home

        register_home_section("dashboards.viewer", home.viewer_sections, order=60)
