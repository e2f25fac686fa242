from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PoliciesConfig(AppConfig):
    name = "policies"
    verbose_name = _("Policies")

    def ready(self):
        from audit.registry import register
        from policies.models import Policy

        register(Policy, region=lambda obj: obj.region.code)
