"""The charts of the profile PDF (core.svgcharts, drawn on the server): the criteria a Pokja met
over the last five years (from the verified snapshots, the report year from its current result)
and its indicators' achievement against target. No data is shown as "–", never as zero."""

from assessment.engine import EFFECTIVE, FULFILLED
from assessment.models import Snapshot
from core.svgcharts import AMBER, GREEN, RED, bar_chart, column_chart

YEARS_BACK = 5


def criteria_over_years(region, year, outcome) -> str:
    years = list(range(year - YEARS_BACK + 1, year + 1))
    latest = {}
    for snapshot in Snapshot.objects.filter(region=region, year__in=years[:-1]).order_by(
        "year", "-taken_at", "-pk"
    ):
        latest.setdefault(snapshot.year, snapshot)
    columns = []
    total = len(outcome.results) if outcome else 0
    for each in years[:-1]:
        snapshot = latest.get(each)
        if snapshot is None:
            columns.append((each, None, GREEN))
            continue
        met = sum(1 for item in snapshot.criteria if item.get("state") == FULFILLED)
        total = max(total, len(snapshot.criteria))
        columns.append((each, met, GREEN if snapshot.effective else RED))
    if outcome is not None:
        met = sum(1 for r in outcome.results if r.state == FULFILLED)
        colour = GREEN if outcome.computed_status == EFFECTIVE else RED
        columns.append((year, met, colour))
    else:
        columns.append((year, None, GREEN))
    return column_chart(
        "Kriteria efektivitas yang terpenuhi per tahun", columns, maximum=max(total, 1)
    )


def indicator_achievement(lines) -> str:
    bars = []
    for line in lines:
        value = line.achievement
        colour = GREEN if value is not None and value >= 90 else AMBER
        if value is not None and value < 70:
            colour = RED
        bars.append((line.indicator.name, value, colour))
    return bar_chart("Capaian indikator terhadap target (%)", bars, maximum=120)
