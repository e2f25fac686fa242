"""The national dashboard (issue 22, item 7): the 38 provinces as a tile-grid map (CSS grid,
each tile placed roughly where the province lies, west to east) and a table sortable on the
server (`?sort=share&order=desc`, kept in the URL with the year so a view can be shared), with
the effective kab/kota and their share, the submissions awaiting verification and the budgets
recorded. A province without any record says so instead of showing zeros."""

from django.db.models import Count, Sum
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import national_view
from accounts.permissions import Permission
from audit import version
from core.years import selected_year, year_choices
from regions.models import Region

# Province code → (row, column, short label) on the tile grid.
TILE_GRID = {
    "11": (1, 1, "ACEH"), "12": (2, 2, "SUMUT"), "21": (2, 4, "KEPRI"), "13": (3, 2, "SUMBAR"),
    "14": (3, 3, "RIAU"), "15": (4, 3, "JAMBI"), "19": (4, 5, "BABEL"), "17": (5, 3, "BKL"),
    "16": (5, 4, "SUMSEL"), "18": (6, 4, "LPG"), "36": (7, 4, "BTN"), "31": (7, 5, "DKI"),
    "32": (7, 6, "JABAR"), "33": (7, 7, "JATENG"), "34": (8, 7, "DIY"), "35": (7, 8, "JATIM"),
    "51": (7, 9, "BALI"), "52": (7, 10, "NTB"), "53": (7, 11, "NTT"), "61": (3, 6, "KALBAR"),
    "62": (4, 7, "KALTENG"), "63": (4, 8, "KALSEL"), "64": (3, 8, "KALTIM"),
    "65": (2, 8, "KALTARA"), "71": (2, 11, "SULUT"), "75": (2, 10, "GTO"), "72": (3, 10, "SULTENG"),
    "76": (4, 9, "SULBAR"), "74": (4, 11, "SULTRA"), "73": (5, 10, "SULSEL"),
    "82": (2, 13, "MALUT"), "81": (4, 13, "MALUKU"), "96": (3, 14, "PBD"), "92": (3, 15, "PB"),
    "91": (3, 16, "PAPUA"), "94": (4, 15, "PT"), "95": (4, 16, "PP"), "93": (5, 16, "PS"),
}  # fmt: skip

SORTS = {
    "name": gettext_lazy("Province"),
    "effective": gettext_lazy("Effective"),
    "share": gettext_lazy("Share effective"),
    "pending": gettext_lazy("Submissions pending"),
    "budget": gettext_lazy("Budgets recorded"),
}


def _band(share) -> str:
    """The colour class of a tile: `none` without data, else by share effective."""
    if share is None:
        return "none"
    if share >= 75:
        return "q4"
    if share >= 50:
        return "q3"
    if share >= 25:
        return "q2"
    if share > 0:
        return "q1"
    return "q0"


def _pending(year) -> dict[str, int]:
    from assessment.models import Assessment

    rows = (
        Assessment.objects.filter(year=year, status=Assessment.Status.SUBMITTED)
        .values_list("region__code")
        .annotate(n=Count("pk"))
    )
    result: dict[str, int] = {}
    for code, count in rows:
        result[code[:2]] = result.get(code[:2], 0) + count
    return result


def _budgets(year) -> dict[str, tuple[int, int]]:
    """Province code → (allocations recorded, total amount) over the province and its kab/kota."""
    from budget.models import BudgetAllocation

    rows = (
        BudgetAllocation.objects.filter(year=year)
        .values_list("workgroup__region__code")
        .annotate(n=Count("pk"), total=Sum("amount"))
    )
    result: dict[str, tuple[int, int]] = {}
    for code, count, total in rows:
        n, amount = result.get(code[:2], (0, 0))
        result[code[:2]] = (n + count, amount + (total or 0))
    return result


def decorate(rows, year):
    """Add pending submissions, budgets, `has_data`, the tile band and grid place to each row."""
    pending, budgets = _pending(year), _budgets(year)
    for row in rows:
        code = row["province"].code
        row["pending"] = pending.get(code, 0)
        row["budget_count"], row["budget_amount"] = budgets.get(code, (0, 0))
        row["has_data"] = bool(
            row["counts"]["formed"]["count"]
            or getattr(row["own"], "has_workgroup", False)
            or row["pending"]
            or row["budget_count"]
        )
        row["effective"] = row["counts"]["effective"]["count"]
        row["band"] = _band(row["share"]) if row["has_data"] else "none"
        grid_row, grid_column, short = TILE_GRID.get(code, (9, 1, code))
        row["grid"] = {"row": grid_row, "column": grid_column, "short": short}
    return rows


def sort_rows(rows, sort: str, order: str):
    """Rows sorted on `sort` (a key of SORTS), provinces without data last whatever the order."""
    if sort not in SORTS:
        sort = "name"
    descending = order == "desc"
    keys = {
        "name": lambda r: r["province"].name,
        "effective": lambda r: r["effective"],
        "share": lambda r: r["share"] or 0,
        "pending": lambda r: r["pending"],
        "budget": lambda r: r["budget_amount"],
    }
    with_data = sorted((r for r in rows if r["has_data"]), key=keys[sort], reverse=descending)
    without = sorted((r for r in rows if not r["has_data"]), key=keys["name"])
    return with_data + without, sort, "desc" if descending else "asc"


def headers(year, sort, order) -> list[dict]:
    """The sortable column headers: each a link that keeps the year and flips the order."""
    result = []
    for key, label in SORTS.items():
        active = key == sort
        next_order = "asc" if active and order == "desc" else "desc"
        if not active and key == "name":
            next_order = "asc"
        result.append(
            {
                "key": key,
                "label": label,
                "url": f"?year={year}&sort={key}&order={next_order}",
                "aria": ("descending" if order == "desc" else "ascending") if active else "none",
            }
        )
    return result


@national_view(Permission.REGION_VIEW)
def national_dashboard(request):
    """The page around the body kept per data version, year, order, date and language
    (audit.version.kept_html): the same for every national viewer."""
    year = selected_year(request)
    sort = request.GET.get("sort", "name")
    sort = sort if sort in SORTS else "name"
    order = "desc" if request.GET.get("order", "asc") == "desc" else "asc"
    body = version.kept_html(
        ("national-dashboard", year, sort, order),
        "dashboards/_national_body.html",
        lambda: _context(year, sort, order),
    )
    return render(request, "dashboards/national.html", {"year": year, "body": body})


def _context(year, sort, order) -> dict:
    from assessment.summary import statuses
    from dashboards.views import tiles

    regions = list(Region.objects.in_year(year).order_by("code"))  # the regions of `year`
    summaries = statuses(regions, [year, year - 1])
    provinces = [r for r in regions if r.is_province]
    children: dict[int, list[str]] = {}
    for region in regions:
        if region.parent_id:
            children.setdefault(region.parent_id, []).append(region.code)
    rows = []
    for province in provinces:
        codes = children.get(province.pk, [])
        row_tiles = tiles(summaries, codes, year)
        counts = {t["key"]: t for t in row_tiles}
        effective = counts["effective"]["count"]
        rows.append(
            {
                "province": province,
                "own": summaries[(province.code, year)],
                "total": len(codes),
                "tiles": row_tiles,
                "counts": counts,
                "share": round(effective * 100 / len(codes), 1) if codes else None,
            }
        )
    decorate(rows, year)
    chart_rows = [row for row in rows if row["has_data"]]
    chart = {
        "labels": [row["province"].name for row in chart_rows],
        "series": [{"label": _("Effective (%)"), "values": [row["share"] for row in chart_rows]}],
        "percent": True,
        "horizontal": True,
    }
    sorted_rows, sort, order = sort_rows(rows, sort, order)
    all_codes = [code for codes in children.values() for code in codes]
    return {
        "year": year,
        "years": year_choices(),
        "tiles": tiles(summaries, all_codes, year),
        "rows": sorted_rows,
        "map_rows": rows,
        "chart": chart,
        "sort": sort,
        "order": order,
        "headers": headers(year, sort, order),
        "without_data": sum(not row["has_data"] for row in rows),
    }
