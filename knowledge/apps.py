from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = _("Strategic issues and knowledge centre")

    def ready(self):
        from audit.registry import register
        from knowledge.models import KnowledgeDocument, StrategicIssue

        register(StrategicIssue, region=lambda obj: obj.region.code)
        # National documents have no region; a province's documents carry its code.
        register(
            KnowledgeDocument, region=lambda obj: obj.publisher.code if obj.publisher_id else ""
        )

        from accounts.region_links import register_region_links
        from knowledge.navigation import REGION_LINKS

        register_region_links(*REGION_LINKS)

        # The guides the assessment page and the dashboard show for a criterion not met.
        from assessment.guides import register_guide_source
        from knowledge.services import guides_for_kinds

        register_guide_source(guides_for_kinds)
