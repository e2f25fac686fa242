from django.core.management.base import BaseCommand

from audit.context import acting_as
from ops.demo_data import remove_demo_data


class Command(BaseCommand):
    help = (
        "Remove all demo data (every row marked as demo, in every app) in one transaction. "
        "Real data is left untouched."
    )

    def handle(self, *args, **options):
        with acting_as(None):
            removed = remove_demo_data()
        for label, count in sorted(removed.items()):
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(f"Demo data removed: {sum(removed.values())} rows.")
