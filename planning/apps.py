from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Work plans")

    def ready(self):
        from audit.registry import register
        from planning.models import Activity, WorkPlan

        register(WorkPlan, region=lambda obj: obj.workgroup.region.code)
        register(Activity, region=lambda obj: obj.plan.workgroup.region.code)

        from accounts.region_links import register_region_links
        from planning.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from planning import import_jobs  # noqa: F401  (registers the import job kind)
