from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "assessment"
    verbose_name = _("Effectiveness assessment")

    def ready(self):
        from assessment.models import Criterion, CriterionReview
        from audit.registry import register

        register(Criterion, region=lambda obj: obj.province.code if obj.province_id else "")
        register(CriterionReview, region=lambda obj: obj.assessment.region.code)

        from assessment import signals

        signals.connect()

        from accounts.region_links import register_region_links
        from assessment import jobs  # noqa: F401  (registers the daily SK-expiry check)
        from assessment.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        from accounts.home import register_home_section
        from assessment import home

        register_home_section("assessment.operator", home.operator_sections, order=10)

        from accounts.next_step import register_next_step
        from assessment import checklist

        register_home_section("assessment.checklist", checklist.operator_checklist, order=5)
        register_next_step(checklist.next_step)
        register_home_section("assessment.province", home.province_sections, order=10)
