from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = _("Budgets")

    def ready(self):
        from audit.registry import register
        from budget.models import BudgetAllocation

        register(BudgetAllocation, region=lambda obj: obj.workgroup.region.code)

        from accounts.region_links import register_region_links
        from budget.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)
