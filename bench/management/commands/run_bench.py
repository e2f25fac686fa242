import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from assessment.views import default_year
from bench.runner import RUNS, Runner


class Command(BaseCommand):
    help = (
        "Measure pages, recompute, exports, imports and (on PostgreSQL) a wrk load test on the "
        "current database, which must hold generate_national_data's data. Writes "
        "var/bench/results-<label>.json. Normally run by `make bench`."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--label", default=None, help="Name of this database in the results.")
        parser.add_argument("--year", type=int, default=None)
        parser.add_argument("--runs", type=int, default=RUNS)
        parser.add_argument("--load-seconds", type=int, default=60)
        parser.add_argument("--port", type=int, default=8103, help="Port of the gunicorn server.")
        parser.add_argument("--no-load", action="store_true", help="Skip the wrk load test.")
        parser.add_argument("--no-import", action="store_true", help="Skip the import runs.")
        parser.add_argument(
            "--no-decree", action="store_true", help="Skip reading the SK PDFs (OCR)."
        )
        parser.add_argument(
            "--scale", type=int, default=1, help="The data scale (noted on every result row)."
        )
        parser.add_argument(
            "--only-imports", action="store_true", help="Only the import runs (no pages, no load)."
        )
        parser.add_argument("--out", default=str(settings.BASE_DIR / "var" / "bench"))

    def handle(self, *args, **options):
        from django.db import connection

        label = options["label"] or connection.vendor
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        with override_settings(ROOT_URLCONF="bench.urls"):
            runner = Runner(
                label=label,
                year=options["year"] or default_year(),
                runs=options["runs"],
                load_seconds=options["load_seconds"],
                port=options["port"],
                out=out,
                log=self.stdout.write,
                scale=options["scale"],
            )
            results = runner.run(
                load=not options["no_load"] and not options["only_imports"],
                imports=not options["no_import"],
                pages=not options["only_imports"],
                decree=not options["no_decree"] and not options["only_imports"],
            )
        path = out / f"results-{label}.json"
        path.write_text(json.dumps(results, indent=2, default=str))
        self.stdout.write(f"Statuses {results['year']}: {results['statuses']}")
        self.stdout.write(f"Wrote {path} ({results['seconds']} s)")
