from django.core.management.base import BaseCommand

from regions.services import load_regions


class Command(BaseCommand):
    help = "Load or update the 38 provinces and 514 kab/kota (Kemendagri codes). Idempotent."

    def handle(self, *args, **options):
        result = load_regions()
        self.stdout.write(
            f"Regions: {result['created']} created, {result['updated']} updated, {result['total']} in total."
        )
        return None
