from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Compile every .po catalogue to .mo with polib (no GNU gettext needed) and fail on "
        "untranslated or fuzzy Indonesian entries."
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Only check, write nothing.")

    def handle(self, *args, **options):
        base = Path(settings.BASE_DIR)
        problems, count = [], 0
        for po_path in sorted(base.glob("*/locale/*/LC_MESSAGES/django.po")) + sorted(
            base.glob("locale/*/LC_MESSAGES/django.po")
        ):
            if ".venv" in po_path.parts:
                continue
            catalogue = polib.pofile(str(po_path))
            if "/id/" in str(po_path):
                for entry in catalogue:
                    if entry.obsolete:
                        continue
                    if "fuzzy" in entry.flags or not entry.translated():
                        problems.append(f"{po_path.relative_to(base)}: {entry.msgid!r}")
            if not options["check"]:
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            count += 1
        if problems:
            raise CommandError("Untranslated or fuzzy Indonesian strings:\n" + "\n".join(problems))
        self.stdout.write(
            f"Translations: {count} catalogues {'checked' if options['check'] else 'compiled'}."
        )
