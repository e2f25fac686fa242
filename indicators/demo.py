"""Demo indicator data for Sulawesi Selatan (73) and its 24 kab/kota, 2022–2025. Everything is
marked `is_demo=True` with the note "Data demo". Deterministic (seeded random) and idempotent.

- Stunting prevalence from the surveys (SSGI 2022, SKI 2023, SSGI 2024, SSGI 2025): the province
  series follows docs/domain.md §3 (27.2, 27.4, 23.3); Makassar 2022 = 18.4 and Toraja Utara 2022 =
  34.1 (SSGI, docs/domain.md §3); other kab/kota and 2025 are invented around them.
- Stunting from e-PPGBM (administrative), 2023–2025, much lower, kept as its own source.
- TFR and unmet need (Pendataan Keluarga) with targets, 2023–2025.
- Adopted indicators with 2025 targets for the Pokja of 73, 73.06, 73.71, 73.16, 73.24, 73.09,
  73.72 and 73.08 (not 73.05 Takalar), per the shared demo plan.
"""

import random
from decimal import ROUND_HALF_UP, Decimal

from indicators.models import DataSource, Indicator, WorkGroupIndicator
from indicators.services import save_records
from regions.models import Region

NOTE = "Data demo"
YEARS = (2023, 2024, 2025)
ADOPTING = ["73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.72", "73.08"]
ADOPTED_CODES = ["stunting", "tfr", "unmet-need"]
SURVEY = {2022: DataSource.SSGI, 2023: DataSource.SKI, 2024: DataSource.SSGI, 2025: DataSource.SSGI}
PROVINCE_STUNTING = {2022: "27.2", 2023: "27.4", 2024: "23.3", 2025: "21.8"}
KNOWN_2022 = {"73.71": "18.4", "73.26": "34.1"}


def _d(value, places=1) -> Decimal:
    return Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _clamp(value, low, high):
    return max(low, min(high, value))


def _build(province, children, indicators):
    rng = random.Random(20230724)  # the Sulsel Forum Komunikasi, 24 July 2023
    stunting, tfr, unmet = (indicators[c] for c in ("stunting", "tfr", "unmet-need"))
    targets, values = [], []

    def target(region, indicator, year, value):
        targets.append((region.pk, indicator.pk, year, value, NOTE))

    def value(region, indicator, year, source, number):
        values.append((region.pk, indicator.pk, year, "", source, number, NOTE))

    # Province
    for year, number in PROVINCE_STUNTING.items():
        value(province, stunting, year, SURVEY[year], Decimal(number))
    for year, number in {2023: "25.0", 2024: "22.0", 2025: "20.0"}.items():
        target(province, stunting, year, Decimal(number))
    for year, number in {2023: "9.6", 2024: "8.1", 2025: "7.2"}.items():
        value(province, stunting, year, DataSource.EPPGBM, Decimal(number))
    # {year: (target, realisation from the family data collection)}
    for indicator, by_year in (
        (tfr, {2023: ("2.20", "2.21"), 2024: ("2.18", "2.19"), 2025: ("2.16", "2.15")}),
        (unmet, {2023: ("13.00", "13.62"), 2024: ("12.50", "12.95"), 2025: ("12.00", "12.31")}),
    ):
        for year, (goal, real) in by_year.items():
            target(province, indicator, year, Decimal(goal))
            value(province, indicator, year, DataSource.PK, Decimal(real))

    # Kab/kota
    for child in children:
        offset = rng.uniform(-7.0, 9.0)
        drift = rng.uniform(-1.5, 2.5)  # some kab/kota improve faster than the province, some not
        previous = _d(
            KNOWN_2022.get(child.code) or _clamp(27.2 + offset + rng.uniform(-1.5, 1.5), 10, 42)
        )
        value(child, stunting, 2022, DataSource.SSGI, previous)
        for index, year in enumerate(YEARS, start=1):
            base = float(PROVINCE_STUNTING[year]) + offset * 0.9 + drift * index
            survey = _d(_clamp(base + rng.uniform(-3.0, 3.0), 8, 42))
            value(child, stunting, year, SURVEY[year], survey)
            # Own target (RPJMD-like): a cut of 2–7 points from the previous year's figure.
            target(
                child, stunting, year, _d(_clamp(float(previous) - rng.uniform(2.0, 7.0), 8, 40))
            )
            value(
                child,
                stunting,
                year,
                DataSource.EPPGBM,
                _d(float(survey) * rng.uniform(0.22, 0.5), 2),
            )
            previous = survey
        tfr_base = rng.uniform(1.95, 2.55)
        unmet_base = rng.uniform(9.0, 17.0)
        for index, year in enumerate(YEARS):
            real_tfr = _d(tfr_base - 0.02 * index + rng.uniform(-0.04, 0.04), 2)
            target(child, tfr, year, _d(tfr_base - 0.03 * (index + 1), 2))
            value(child, tfr, year, DataSource.PK, real_tfr)
            real_unmet = _d(unmet_base - 0.5 * index + rng.uniform(-0.8, 0.8), 2)
            target(child, unmet, year, _d(unmet_base - 0.6 * (index + 1), 2))
            value(child, unmet, year, DataSource.PK, real_unmet)
    return targets, values


def load(stdout):
    province = Region.objects.filter(code="73").first()
    if province is None:
        stdout.write("Indicators demo: regions are not loaded (run load_regions first); skipped.")
        return
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=ADOPTED_CODES)}
    if len(indicators) != len(ADOPTED_CODES):
        stdout.write("Indicators demo: the indicator catalogue is missing (run migrate); skipped.")
        return
    children = list(province.children.order_by("code"))
    targets, values = _build(province, children, indicators)
    result = save_records(by=None, targets=targets, values=values, is_demo=True)

    from workgroups.models import WorkGroup

    workgroups = {
        w.region.code: w
        for w in WorkGroup.objects.filter(
            region__code__in=ADOPTING, status=WorkGroup.Status.ACTIVE
        ).select_related("region")
    }
    target_2025 = {(r, i): v for r, i, y, v, _note in targets if y == 2025}
    adopted, missing = 0, []
    for code in ADOPTING:
        workgroup = workgroups.get(code)
        if workgroup is None:
            missing.append(code)
            continue
        for indicator in indicators.values():
            WorkGroupIndicator.objects.get_or_create(
                workgroup=workgroup,
                indicator=indicator,
                year=2025,
                defaults={
                    "target": target_2025.get((workgroup.region_id, indicator.pk)),
                    "note": NOTE,
                    "is_demo": True,
                },
            )
            adopted += 1
    stdout.write(
        f"Indicators demo: {result.rows} targets/realisations ({result.created} new, "
        f"{result.updated} updated), {adopted} adopted indicators."
        + (f" No active Pokja yet in {', '.join(missing)}: no adoptions there." if missing else "")
    )
