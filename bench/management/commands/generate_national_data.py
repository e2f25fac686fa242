import time

from django.core.management.base import BaseCommand, CommandError

from assessment.views import default_year
from audit.registry import record
from bench.generator import AlreadyGenerated, Generator


class Command(BaseCommand):
    help = (
        "Generate synthetic national data for benchmarks: for every province and kab/kota a Pokja "
        "(with realistic gaps), members, decrees, five years of plans, budgets, indicators and "
        "meetings. Deterministic for a seed and year. Runs only on a database without Pokja or "
        "meetings (never on production data)."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
        parser.add_argument(
            "--year",
            type=int,
            default=None,
            help="Last year of data (default: the default assessment year); five years end there.",
        )
        parser.add_argument(
            "--provinces",
            default="",
            help="Comma-separated province codes to generate (default: all 38), e.g. 73,74.",
        )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="Multiply the per-Pokja quantities (members, activities, meetings, action "
            "items) by this factor, e.g. 0.2 for a quick run (default 1).",
        )

        parser.add_argument(
            "--history",
            type=int,
            default=1,
            help="Generate this many times five years of plans, budgets, targets, values, "
            "meetings and action items on the same regions (BENCH_SCALE; default 1).",
        )

    def handle(self, *args, **options):
        if not 0 < options["scale"] <= 10:
            raise CommandError("--scale must be above 0 and at most 10.")
        if not 1 <= options["history"] <= 10:
            raise CommandError("--history must be from 1 to 10.")
        provinces = [c.strip() for c in options["provinces"].split(",") if c.strip()]
        generator = Generator(
            seed=options["seed"],
            year=options["year"] or default_year(),
            provinces=provinces or None,
            scale=options["scale"],
            history=options["history"],
            stdout=self.stdout if options["verbosity"] > 1 else None,
        )
        started = time.monotonic()
        try:
            counts = generator.run()
        except (AlreadyGenerated, ValueError) as exc:
            raise CommandError(str(exc)) from None
        seconds = round(time.monotonic() - started, 1)
        record(
            action="other",
            code="bench.national_data_generated",
            model_label="workgroups.WorkGroup",
            object_repr=f"Synthetic national data, seed {generator.seed}",
            changes={
                "seed": generator.seed,
                "years": generator.years,
                "provinces": provinces or "all",
                "scale": generator.scale,
                "history": generator.history,
                "counts": dict(counts),
                "seconds": seconds,
            },
        )
        try:
            from assessment.summary import invalidate
        except ImportError:  # the status cache is not there yet
            pass
        else:
            invalidate()
        width = max(len(label) for label in counts)
        for label, count in sorted(counts.items()):
            self.stdout.write(f"{label:<{width}}  {count:>9,}")
        self.stdout.write(f"{'total':<{width}}  {sum(counts.values()):>9,}")
        self.stdout.write(
            f"Generated in {seconds} s (seed {generator.seed}, years "
            f"{generator.years[0]}–{generator.years[-1]})."
        )
