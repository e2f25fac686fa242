from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegionsConfig(AppConfig):
    name = "regions"
    verbose_name = _("Regions")

    def ready(self):
        from audit.registry import register
        from regions.models import Region

        register(Region, region=lambda obj: obj.code, fields=Region.EDITABLE_FIELDS)
