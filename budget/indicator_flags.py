"""The indicator part of the early warning: a kab/kota whose indicators are off track, i.e. the
capaian of the latest yearly value against its target is below `THRESHOLD` (70, the grade
"Kurang", indicators.achievement), or the value got worse two years running (direction aware).
One flag per region, naming the indicators."""

from collections import defaultdict

from django.urls import reverse
from django.utils.translation import gettext as _

from core.formats import format_number

THRESHOLD = 70


def _worse(direction, before, after) -> bool:
    return after < before if direction == "higher" else after > before


def off_track(region_ids) -> dict[int, list[str]]:
    """{region_id: ["TFR: capaian 65,00% (2025)", …]} for regions with indicators off track."""
    from indicators.achievement import achievement
    from indicators.models import Target, Value

    # Sources are never mixed (docs/domain.md §3): one series per region, indicator and source.
    series = defaultdict(dict)  # (region, indicator, source) -> {year: value}
    indicators = {}
    for value in (
        Value.objects.filter(region_id__in=region_ids, period="", indicator__is_active=True)
        .select_related("indicator")
        .order_by("region_id", "indicator_id", "year", "source")
    ):
        series[(value.region_id, value.indicator_id, value.source)][value.year] = value.value
        indicators[value.indicator_id] = value.indicator
    targets = {
        (t.region_id, t.indicator_id, t.year): t.value
        for t in Target.objects.filter(region_id__in=region_ids, indicator_id__in=indicators)
    }
    result = defaultdict(list)
    for (region_id, indicator_id, _source), by_year in sorted(series.items()):
        indicator = indicators[indicator_id]
        years = sorted(by_year)
        last = years[-1]
        score = achievement(
            by_year[last], targets.get((region_id, indicator_id, last)), indicator.direction
        )
        if score is not None and score < THRESHOLD:
            result[region_id].append(
                _("%(indicator)s: capaian %(score)s%% (%(year)s)")
                % {"indicator": indicator.name, "score": format_number(score, 2), "year": last}
            )
            continue
        if len(years) >= 3:
            a, b, c = (by_year[y] for y in years[-3:])
            if _worse(indicator.direction, a, b) and _worse(indicator.direction, b, c):
                result[region_id].append(
                    _("%(indicator)s: worse two years running (%(from)s to %(to)s)")
                    % {"indicator": indicator.name, "from": years[-3], "to": last}
                )
    return dict(result)


def indicator_flag(region, problems, flag_class, severity):
    return flag_class(
        region=region,
        code="indicators",
        severity=severity,
        reason=_("Indicators off track: %(list)s.") % {"list": "; ".join(problems)},
        date=None,
        action=_("Discuss the indicators in the Pokja and record the follow-up actions."),
        url=reverse("indicators:region", kwargs={"code": region.code}),
    )
