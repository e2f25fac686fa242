from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from audit.context import acting_as
from core.errors import DomainError
from indicators.services import import_file
from regions.codes import normalize_code
from regions.models import Region


class Command(BaseCommand):
    help = (
        "Import indicator targets and realisations from an XLSX or CSV file (the template format), "
        "as USERNAME and within that user's scope. All or nothing; prints the summary or the errors."
    )

    # An import is a data operation; the system checks (URL and template loading) only slow it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", help="Path of the .xlsx or .csv file.")
        parser.add_argument(
            "--user", required=True, help="Username of the importer (their scope and rights apply)."
        )
        parser.add_argument(
            "--region", help="Limit the import to this region and its kab/kota (e.g. 73)."
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        User = get_user_model()
        try:
            user = User.objects.get(username=options["user"], is_active=True)
        except User.DoesNotExist:
            raise CommandError(f"No active user {options['user']!r}.") from None
        region = None
        if options.get("region"):
            try:
                region = Region.objects.get(code=normalize_code(options["region"]))
            except (ValueError, Region.DoesNotExist):
                raise CommandError(f"Unknown region {options['region']!r}.") from None
        with acting_as(user), path.open("rb") as fileobj:
            try:
                result = import_file(
                    by=user, fileobj=fileobj, filename=path.name, scope_region=region
                )
            except DomainError as exc:
                lines = [str(exc.message)]
                for error in exc.errors[:50]:
                    lines.append(
                        f"  row {error.get('row', '')} column {error.get('column', '')}: {error['message']}"
                    )
                if len(exc.errors) > 50:
                    lines.append(f"  … and {len(exc.errors) - 50} more")
                raise CommandError("\n".join(lines)) from None
        self.stdout.write(f"{result.summary()} ({result.seconds} s)")
        return None
