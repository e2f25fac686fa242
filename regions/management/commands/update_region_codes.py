from datetime import date

from django.core.management.base import BaseCommand, CommandError

from regions import code_list


class Command(BaseCommand):
    help = (
        "Compare a newer official region code list (CSV: kode,nama[,kode_asal]) with the "
        "regions in force, show the difference (added, renamed, recoded, split, merged, "
        "removed) and apply it from --date only when confirmed. No record is moved or deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--date", required=True, help="The date the changes take effect.")
        parser.add_argument("--source", default="", help="The decree, e.g. Kepmendagri ….")
        parser.add_argument("--yes", action="store_true", help="Apply without asking.")

    def handle(self, path, **options):
        try:
            when = date.fromisoformat(options["date"])
            rows = code_list.read(path)
        except (ValueError, OSError) as exc:
            raise CommandError(str(exc)) from None
        result = code_list.diff(rows, when)
        if result.empty:
            self.stdout.write("No changes.")
            return
        for line in result.lines():
            self.stdout.write(line)
        if not options["yes"]:
            if not options.get("interactive", True):
                self.stdout.write("Not applied (confirm with --yes).")
                return
            if input("Apply these changes? [y/N] ").strip().lower() not in ("y", "yes", "ya"):
                self.stdout.write("Not applied.")
                return
        code_list.apply(result, date=when, source=options["source"] or path)
        self.stdout.write(f"Applied from {when.isoformat()}.")
