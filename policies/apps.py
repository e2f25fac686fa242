from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")

    def ready(self):
        from audit.registry import register
        from policies.models import Policy

        register(Policy, region=lambda obj: obj.region.code)

        from accounts.region_links import register_region_links
        from policies.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)
