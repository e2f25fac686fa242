from django.core.management.base import BaseCommand

from assessment.summary import refresh_all


class Command(BaseCommand):
    help = "Recompute the cached effectiveness status of every region (all years, or --year)."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int)

    def handle(self, *args, year=None, **options):
        written = refresh_all(year)
        self.stdout.write(f"{written} statuses recomputed.")
