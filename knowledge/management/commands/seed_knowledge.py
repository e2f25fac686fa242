from django.core.management.base import BaseCommand

from knowledge.seed import seed_system_templates


class Command(BaseCommand):
    help = (
        "Add the templates Sipokja generates itself (SK skeletons, work-plan and members "
        "spreadsheets) to the knowledge centre. Idempotent."
    )

    def handle(self, *args, **options):
        seed_system_templates(self.stdout)
