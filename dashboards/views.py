"""Dashboards: the province (tiles, criteria, map, budget, indicator achievement, meetings and
overdue action items), the kab/kota (its status, what is missing, indicators, actions) and the
nation (per province). Each runs a constant number of queries (tests/test_queries.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import has_permission, region_view, require
from accounts.permissions import Permission
from assessment.engine import EFFECTIVE, NO_WORKGROUP, REVERIFY
from assessment.matrix import criterion_counts
from audit import version
from core.errors import DomainError
from core.years import selected_year, year_choices
from dashboards import cache, maps, selectors, services
from dashboards.forms import BoundaryUploadForm
from indicators.selectors import choose_source, requested_source, source_options

_TILE_TESTS = [
    ("formed", lambda s: s.has_workgroup),
    ("effective", lambda s: s.computed_status == EFFECTIVE),
    ("decree", lambda s: s.met("decree")),
    ("work_plan", lambda s: s.met("work_plan")),
    ("indicators", lambda s: s.met("indicators")),
    ("budget", lambda s: s.met("budget")),
    ("verified", lambda s: s.official_status == EFFECTIVE),
    ("reverify", lambda s: s.official_status == REVERIFY),
]


def _tile_specs():
    labels = {
        "formed": _("Pokja formed"),
        "effective": _("Effective"),
        "decree": _("With SK"),
        "work_plan": _("With work plan"),
        "indicators": _("With indicators"),
        "budget": _("With budget"),
        "verified": _("Verified effective"),
        "reverify": _("Needs re-verification"),
    }
    return [(key, labels[key], test) for key, test in _TILE_TESTS]


def tiles(summaries, codes, year, urls=None) -> list[dict]:
    """The six headline tiles over `codes`: count this year, total, change from `year - 1`."""
    urls = urls or {}
    result = []
    counts_now = _column_sums(summaries, codes, year)
    counts_before = _column_sums(summaries, codes, year - 1)
    for index, (key, label, _test) in enumerate(_tile_specs()):
        now, before = counts_now[index], counts_before[index]
        result.append(
            {
                "key": key,
                "label": label,
                "count": now,
                "total": len(codes),
                "change": now - before,
                "change_abs": abs(now - before),
                "url": urls.get(key, ""),
            }
        )
    return result


def _column_sums(summaries, codes, year) -> list[int]:
    """How many of `codes` pass each tile test in `year`."""
    sums = [0] * len(_TILE_TESTS)
    for code in codes:
        for index, mark in enumerate(_marks(summaries, code, year)):
            sums[index] += mark
    return sums


def _marks(summaries, code, year) -> tuple:
    """The tile tests of one summary, computed once per summary (the national dashboard sums
    them per province and over the nation)."""
    summary = summaries[(code, year)]
    marks = getattr(summary, "_tile_marks", None)
    if marks is None:
        marks = tuple(bool(test(summary)) for _key, test in _TILE_TESTS)
        object.__setattr__(summary, "_tile_marks", marks)
    return marks


def _display_status(summary) -> str:
    return summary.computed_status if summary.computed_status in maps.STATUSES else NO_WORKGROUP


@cache.region_view(Permission.REGION_VIEW)
def region_dashboard(request, region, token=None):
    year = selected_year(request)
    if region.is_province:
        return _province(request, region, year, token)
    return _regency(request, region, year, token)


def _province(request, province, year, token=None):
    can_manage_map = has_permission(request.user, Permission.REGION_EDIT, province)
    wanted = request.GET.get("indicator") or ""
    source = requested_source(request.GET.get("source"))
    parts = ("province", province.code, year, wanted, source or "", can_manage_map)

    def render_page():
        body = cache.rendered(
            parts,
            lambda: render_to_string(
                "dashboards/_province_body.html",
                {
                    "region": province,
                    "figures": version.kept_html(
                        ("province-figures", *parts[1:]),
                        "dashboards/_province_figures.html",
                        lambda: _province_context(
                            province, year, wanted, can_manage_map, source, token
                        ),
                        token=token,
                    ),
                    "meetings": selectors.upcoming_meetings(province, token=token),
                    "overdue": selectors.overdue_items(province, token=token),
                },
                request,
            ),
            token=token,
        )
        return render(
            request,
            "dashboards/province.html",
            {"region": province, "year": year, "body": body},
        )

    return cache.page(request, render_page)


def _province_context(province, year, wanted, can_manage_map, source=None, token=None) -> dict:
    """Everything of the province dashboard but its meetings and overdue items: the same for
    every viewer who may (or may not) manage the map."""
    from assessment.summary import statuses

    token = version.token() if token is None else token
    indicators, values = selectors.yearly_values(province, year)
    indicator = next((i for i in indicators if i.code == wanted), None)
    if indicator is None and not wanted and indicators:
        indicator = indicators[0]
    children = selectors.children_with_numbers(province, year, indicator.id if indicator else None)
    summaries = statuses(children, [year, year - 1])
    codes = [c.code for c in children]
    criteria = cache.kept(
        ("criteria", province.code, year),
        lambda: selectors.active_criteria(province, year),
        token=token,
    )

    matrix = f"/r/{province.code}/assessment/matrix/?year={year}"
    tile_urls = {
        "formed": matrix,
        "effective": matrix + "&status=effective",
        "decree": matrix,
        "work_plan": matrix,
        "indicators": matrix,
        "budget": f"/r/{province.code}/budget/regencies/?year={year}",
        "verified": matrix,
        "reverify": matrix + "&status=reverify",
    }
    criteria_rows = criterion_counts(criteria, [summaries[(code, year)] for code in codes])
    region_map = maps.region_map(
        province, children, lambda code: _display_status(summaries[(code, year)]), year=year
    )
    budget_rows = [
        {"region": c, "allocated": c.allocated, "realised": c.realised} for c in children
    ]
    present = selectors.sources_of(values, indicator.id) if indicator else set()
    source = choose_source(source, present) if indicator else None
    lines = selectors.achievement_lines(children, indicator, values, source) if indicator else []
    labels = {c.code: maps.short_name(c.name) for c in children}
    charts = {
        "budget": {
            "labels": [labels[c.code] for c in children],
            "series": [
                {"label": _("Allocated (Rp)"), "values": [c.allocated for c in children]},
                {"label": _("Realised (Rp)"), "values": [c.realised for c in children]},
            ],
            # Regions without a recorded budget have null bars (never drawn as Rp 0).
            "money": True,
            "horizontal": True,
        },
        "achievement": {
            "labels": [labels[line.region.code] for line in lines],
            "series": [
                {
                    "label": "{} · {}".format(
                        _("Achievement (%)"), dict(selectors.DataSource.choices).get(source, "")
                    ),
                    "values": [
                        float(line.achievement) if line.achievement is not None else None
                        for line in lines
                    ],
                }
            ],
            "grades": True,
            "horizontal": True,
        },
    }
    return {
        "region": province,
        "year": year,
        "years": year_choices(),
        "tiles": tiles(summaries, codes, year, tile_urls),
        "criteria_rows": criteria_rows,
        "map": region_map,
        "map_rows": sorted(region_map.areas, key=lambda a: a.code),
        "can_manage_map": can_manage_map,
        "budget_rows": budget_rows,
        "budget_total": (
            sum(c.allocated or 0 for c in children),
            sum(c.realised or 0 for c in children),
        ),
        "indicators": indicators,
        "indicator": indicator,
        "indicator_wanted": wanted,
        "source": source,
        "source_label": dict(selectors.DataSource.choices).get(source, ""),
        "source_options": source_options(present),
        "lines": lines,
        "demo_figures": any(line.is_demo for line in lines),
        "has_negative": any(
            line.achievement is not None and line.achievement < 0 for line in lines
        ),
        "charts": charts,
        **cache.kept(
            ("turnaround", province.code, year, [c.code for c in children]),
            lambda: _turnaround(children, year),
            token=token,
        ),
    }


def _turnaround(children, year) -> dict:
    """The median days from submission to verification of the province's kab/kota."""
    from assessment.turnaround import median_days_to_verification, turnaround

    rows = turnaround(children, year, with_assessments=False)
    return {
        "median_days": median_days_to_verification(rows),
        "median_count": sum(r.days_to_verification is not None for r in rows),
    }


def _regency(request, region, year, token=None):
    parts = ("regency", region.code, year)

    def render_page():
        body = cache.rendered(
            parts,
            lambda: render_to_string(
                "dashboards/_regency_body.html", _regency_context(region, year, token), request
            ),
            token=token,
        )
        return render(
            request, "dashboards/regency.html", {"region": region, "year": year, "body": body}
        )

    return cache.page(request, render_page)


def _regency_context(region, year, token=None) -> dict:
    from assessment.engine import evaluate_region
    from assessment.guides import guides_for_kinds
    from assessment.home import headline as assessment_headline
    from budget.services import allocations_by_year
    from meetings.models import ActionItem
    from meetings.scope import items_in, meetings_in

    token = version.token() if token is None else token

    def judged():
        """The outcome with the guides of what is missing and the year's budget."""
        outcome = evaluate_region(region, year)
        guides = guides_for_kinds(region) if outcome.missing else {}
        for result in outcome.missing:
            result.guide = guides.get(result.criterion.kind)
        budget = []
        if outcome.workgroup is not None:
            budget = allocations_by_year([outcome.workgroup.pk], year=year)
        return outcome, budget

    # Judged on today's date for the current year: the date is part of the key.
    outcome, budget = cache.kept(
        ("regency-outcome", region.code, year, timezone.localdate()), judged, token=token
    )

    def open_items():
        items = items_in(region).filter(status__in=ActionItem.OPEN_STATUSES)
        return [
            selectors.Listed(
                item.pk,
                item.title,
                due_date=item.due_date,
                url=reverse("meetings:item_detail", args=[region.code, item.pk]),
            )  # fmt: skip
            for item in items.order_by("due_date", "pk")[:20]
        ]

    def figures() -> dict:
        """Its status, what is missing and its indicators: the same for every viewer."""
        headline, headline_tag = assessment_headline(outcome)
        lines = selectors.regency_indicators(region, year)
        return {
            "region": region,
            "year": year,
            "years": year_choices(),
            "outcome": outcome,
            "headline": headline,
            "headline_tag": headline_tag,
            "lines": lines,
            "demo_figures": any(line.is_demo for line in lines),
        }

    return {
        "region": region,
        "year": year,
        "figures": version.kept_html(
            ("regency-figures", region.code, year),
            "dashboards/_regency_figures.html",
            figures,
            token=token,
        ),
        "items": cache.kept(("regency-items", region.code), open_items, token=token),
        "meetings": selectors.not_ended(
            meetings_in(region), ("regency", region.code), within=region, token=token
        ),
        "budget": budget[0] if budget else None,
        "today": timezone.localdate(),
    }


def _province_admin(request, region):
    """Boundary maps belong to provinces (404 for a kab/kota) and their admins (403)."""
    if not region.is_province:
        raise Http404
    require(request.user, Permission.REGION_EDIT, region)
    return region


@region_view(Permission.REGION_VIEW)
def boundary_map(request, region):
    """Upload (or replace) the GeoJSON of the province's kab/kota boundaries."""
    from dashboards.models import BoundaryMap

    province = _province_admin(request, region)
    form = BoundaryUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            services.save_boundary_map(
                by=request.user, province=province, upload=form.cleaned_data["upload"]
            )
        except DomainError as exc:
            form.add_error("upload", exc.message)
            errors = exc.errors
        else:
            messages.success(request, _("The boundary map was saved; the dashboard now uses it."))
            return redirect("dashboards:region", code=province.code)
    return render(
        request,
        "dashboards/boundary_map.html",
        {
            "region": province,
            "form": form,
            "errors": errors,
            "current": BoundaryMap.objects.filter(province=province).first(),
        },
    )


@require_POST
@region_view(Permission.REGION_VIEW)
def boundary_map_remove(request, region):
    province = _province_admin(request, region)
    if services.remove_boundary_map(by=request.user, province=province):
        messages.success(
            request, _("The boundary map was removed; the dashboard shows the tile map.")
        )
    return redirect("dashboards:boundary_map", code=province.code)
