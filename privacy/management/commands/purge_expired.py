from django.core.management.base import BaseCommand

from privacy.retention import RULES, expired, purge


class Command(BaseCommand):
    help = "Remove personal data past its retention period (--dry-run: only show what would go)."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show counts, remove nothing.")

    def handle(self, *args, dry_run=False, **options):
        counts = expired() if dry_run else purge()
        for rule in RULES:
            verb = "would remove" if dry_run else "removed"
            self.stdout.write(f"{rule.key}: {verb} {counts[rule.key]} ({rule.label})")
