"""The charts of the recap PDF, drawn on the server as SVG (core.svgcharts): the effective
kab/kota over the last five years and, for the recap year, the share of kab/kota meeting each
criterion. A year without any recorded status shows "–", never a zero."""

from assessment import services
from assessment.engine import FULFILLED
from core.svgcharts import AMBER, GREEN, RED, bar_chart, column_chart

YEARS_BACK = 5


def effective_over_years(province, year, summary) -> str:
    years = list(range(year - YEARS_BACK + 1, year + 1))
    history = services.history(province, years[:-1])
    columns = []
    for each in years[:-1]:
        effective, recorded = history.get(each, (0, 0))
        columns.append((each, effective if recorded else None, GREEN))
    columns.append((year, summary["effective"], GREEN))
    return column_chart(
        "Kabupaten/kota dengan Pokja efektif per tahun",
        columns,
        maximum=max(summary["total"], 1),
    )


def criteria_achievement(rows, columns) -> str:
    regencies = [row for row in rows if row.region.parent_id]
    bars = []
    for criterion in columns:
        met = sum(
            1
            for row in regencies
            if (result := row.result_for(criterion.code)) and result.state == FULFILLED
        )
        share = met * 100 / len(regencies) if regencies else None
        colour = GREEN if share is not None and share >= 75 else AMBER
        if share is not None and share < 40:
            colour = RED
        bars.append((criterion.name, share, colour))
    return bar_chart("Capaian kriteria: kab/kota yang memenuhi (%)", bars, decimals=1)
