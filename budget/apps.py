from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = _("Budgets")

    def ready(self):
        from audit.registry import register
        from budget.models import BudgetAllocation, BudgetCalendar

        register(BudgetAllocation, region=lambda obj: obj.workgroup.region.code)
        register(BudgetCalendar, region=lambda obj: obj.region.code)

        from accounts.region_links import register_region_links
        from budget.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        # The daily early-warning job; the province's early warning on the home page.
        from accounts.home import register_home_section
        from budget import warning_jobs  # noqa: F401
        from budget.home import province_section

        register_home_section("budget.early_warning", province_section, order=30)
