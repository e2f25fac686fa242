from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError

from ops.copy_files import copy_files


class Command(BaseCommand):
    help = (
        "Copy the files of the local media folder (SIPOKJA_MEDIA_ROOT) into the configured "
        "storage (the S3 bucket of AWS_STORAGE_BUCKET_NAME), verifying each by its SHA-256. "
        "Safe to run again: files already copied are checked and skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", help="Local folder to copy (default: SIPOKJA_MEDIA_ROOT)")

    def handle(self, *args, **options):
        source = Path(options["source"] or settings.MEDIA_ROOT).resolve()
        if not source.is_dir():
            raise CommandError(f"{source} is not a folder.")
        if (
            isinstance(default_storage, FileSystemStorage)
            and Path(default_storage.location).resolve() == source
        ):
            raise CommandError(
                "The storage is this same folder: set AWS_STORAGE_BUCKET_NAME (and the other "
                "AWS_* variables) to copy into object storage."
            )
        report = copy_files(source)
        for name in report.failed:
            self.stderr.write(f"checksum differs after copying: {name}")
        self.stdout.write(
            f"{len(report.copied)} copied, {len(report.already)} already there, "
            f"{len(report.failed)} failed (checksums verified)."
        )
        if report.failed:
            raise CommandError(f"{len(report.failed)} files did not copy intact.")
