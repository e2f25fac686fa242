from django.core.management.base import BaseCommand
from django.utils import timezone

from ops.backup import write_archive


class Command(BaseCommand):
    help = "Write a consistent backup archive (database and uploaded files) to a .zip file."

    def add_arguments(self, parser):
        parser.add_argument(
            "output", nargs="?", help="Archive path (default: var/backup-<time>.zip)"
        )

    def handle(self, *args, **options):
        output = options["output"] or f"var/backup-{timezone.now():%Y%m%d-%H%M%S}.zip"
        manifest = write_archive(output)
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Backup written to {output}: {rows} rows, {len(manifest['files'])} files."
        )
