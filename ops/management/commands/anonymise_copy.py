from django.core.management.base import BaseCommand

from ops.backup import write_archive


class Command(BaseCommand):
    help = (
        "Write a backup archive with personal data (names, phones, e-mails, passwords) replaced, "
        "for test and training instances. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser):
        parser.add_argument("output")

    def handle(self, *args, **options):
        manifest = write_archive(options["output"], anonymise=True)
        self.stdout.write(
            f"Anonymised copy written to {options['output']}: {sum(manifest['counts'].values())} rows."
        )
