from django.core.management.base import BaseCommand

from audit.context import acting_as
from workgroups.models import Decree
from workgroups.services import check_decree_signatures


class Command(BaseCommand):
    help = (
        "Check the electronic signatures of stored decree (SK) PDFs and record the result: "
        "decrees uploaded before the check existed, or all with --all (after the trust roots "
        "changed). Idempotent; prints a summary."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Check every decree again.")

    def handle(self, *args, **options):
        decrees = Decree.objects.exclude(file="").select_related("workgroup__region")
        if not options["all"]:
            decrees = decrees.filter(signature_state=Decree.SignatureState.NOT_CHECKED)
        counts: dict[str, int] = {}
        missing = 0
        with acting_as(None):
            for decree in decrees.iterator():
                try:
                    check_decree_signatures(decree)
                except FileNotFoundError:
                    missing += 1
                    continue
                # Audited like any change of the decree (model signals); version untouched.
                decree.save(
                    update_fields=[
                        "signature_state",
                        "signature_details",
                        "signature_trust_configured",
                        "signature_checked_at",
                    ]
                )
                counts[decree.signature_state] = counts.get(decree.signature_state, 0) + 1
        summary = ", ".join(f"{state}: {n}" for state, n in sorted(counts.items())) or "none"
        self.stdout.write(f"Checked decrees: {summary}; files missing: {missing}.")
        return None
