from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = _("Indicators")

    def ready(self):
        from audit.registry import register
        from indicators.models import Indicator, NationalTarget, Target, Value, WorkGroupIndicator

        # Catalogue records are national (no region).
        register(Indicator, region=lambda obj: "")
        register(NationalTarget, region=lambda obj: "")
        register(Target, region=lambda obj: obj.region.code)
        register(Value, region=lambda obj: obj.region.code)
        register(WorkGroupIndicator, region=lambda obj: obj.workgroup.region.code)

        from accounts.region_links import register_region_links
        from indicators.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from indicators import import_jobs  # noqa: F401  (registers the import job kind)
