"""Region × criterion matrices: the one builder behind the province matrix (page, .xlsx, PDF,
API, recap letter), the national table, the province dashboard and the public transparency page.

Rows are either full results (`assessment.engine.RegionResult`, criterion by criterion) or the
cached summaries (`assessment.summary.StatusSummary`, criterion and kind states); the helpers
read both.
"""

from assessment.engine import (
    EFFECTIVE,
    FULFILLED,
    NOT_FULFILLED,
    NOT_REPORTED,
    REVERIFY,
    evaluate,
)


def province_rows(province, year):
    """The province itself, then its kab/kota, each a RegionResult. Kept per data version and
    date (the current year is judged on today's date): audit.version.kept."""
    from django.utils import timezone

    from audit import version

    def compute():
        regions = province.with_children_in(year)  # as the regions were that year
        results = evaluate(regions, year)
        return [results[r.code] for r in regions]

    return version.kept(("matrix-rows", province.code, year, timezone.localdate()), compute)


def criteria_columns(rows):
    """The criteria of the rows' results, in the order they first appear (the matrix columns)."""
    seen, columns = set(), []
    for row in rows:
        for result in row.results:
            if result.criterion.pk not in seen:
                seen.add(result.criterion.pk)
                columns.append(result.criterion)
    return columns


def _formed(row) -> bool:
    has_workgroup = getattr(row, "has_workgroup", None)
    return has_workgroup if has_workgroup is not None else row.workgroup is not None


def tally(rows) -> dict:
    """`total`, `formed` (has a Pokja), `effective` (computed), `official` (verified) and
    `reverify` (verified, but its evidence changed since) over RegionResults or StatusSummaries."""
    rows = list(rows)
    return {
        "total": len(rows),
        "formed": sum(bool(_formed(r)) for r in rows),
        "effective": sum(r.computed_status == EFFECTIVE for r in rows),
        "official": sum(r.official_status == EFFECTIVE for r in rows),
        "reverify": sum(r.official_status == REVERIFY for r in rows),
    }


def regency_tally(rows) -> dict:
    """`tally` of the kab/kota rows only (a province matrix's own row is left out)."""
    return tally(r for r in rows if r.region.parent_id)


def criterion_counts(criteria, summaries) -> list[dict]:
    """For each criterion, how many of the summaries fulfil it, do not, or have not reported
    (a summary without the criterion counts as not reported)."""
    lines = []
    for criterion in criteria:
        states = [s.criteria.get(criterion.code) for s in summaries]
        lines.append(
            {
                "criterion": criterion,
                "fulfilled": states.count(FULFILLED),
                "not_fulfilled": states.count(NOT_FULFILLED),
                "not_reported": states.count(NOT_REPORTED) + states.count(None),
            }
        )
    return lines


def kind_columns(summaries, first=()) -> list[tuple[str, str]]:
    """The kinds of criteria the summaries carry as (kind, label): those in `first` in that
    order, then the others alphabetically."""
    from assessment.models import Criterion

    labels = dict(Criterion.Kind.choices)
    seen = {kind for s in summaries for kind in s.kinds}
    kinds = [k for k in first if k in seen] + sorted(seen - set(first))
    return [(kind, str(labels.get(kind, kind))) for kind in kinds]


def kind_marks(summary, columns) -> list[tuple[str, str]]:
    """One row of a kind matrix: (kind, state) for each column, not reported when missing."""
    return [(kind, summary.kinds.get(kind, NOT_REPORTED)) for kind, _label in columns]
