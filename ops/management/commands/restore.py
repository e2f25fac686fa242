from django.core.management.base import BaseCommand, CommandError

from core.errors import DomainError
from ops.backup import restore_archive


class Command(BaseCommand):
    help = (
        "Restore a backup archive into an empty, migrated instance and verify counts and checksums."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force", action="store_true", help="Replace the data of a non-empty instance."
        )

    def handle(self, *args, **options):
        try:
            manifest = restore_archive(options["archive"], force=options["force"])
        except DomainError as exc:
            raise CommandError(str(exc.message)) from None
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            f"Restored {rows} rows and {len(manifest['files'])} files; counts and checksums verified."
        )
