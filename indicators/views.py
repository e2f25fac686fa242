"""Indicator pages: a region's indicators, one indicator's targets and realisations, the
province ranking, imports and exports, the indicators a Pokja adopts, and the national catalogue.

Region pages go through `region_view` (404 outside scope, 403 without the right); every
queryset starts from the region of the URL.
"""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.errors import DomainError
from core.uploads import download
from core.years import open_year
from indicators import selectors
from indicators.achievement import Grade, achievement, grade
from indicators.exports import export_rows, instructions, template_rows
from indicators.forms import TargetForm, ValueForm
from indicators.models import (
    YEAR_MAX,
    YEAR_MIN,
    DataSource,
    Indicator,
    NationalTarget,
    Target,
    Value,
)
from indicators.parsing import TARGET, VALUE
from indicators.services import delete_record, save_target, save_value
from indicators.spreadsheets import CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE, write_csv, write_xlsx

EXPORT_FORMATS = ("xlsx", "csv")


# ---------------------------------------------------------------------------------------------
# Helpers


def _year(request, default: int) -> int:
    raw = request.GET.get("year", "")
    if raw.isdigit() and YEAR_MIN <= int(raw) <= YEAR_MAX:
        return int(raw)
    return default


def _source(request) -> str | None:
    raw = request.GET.get("source", "")
    return raw if raw in DataSource.values else None


def _indicator(code, *, active_only=False) -> Indicator:
    qs = Indicator.objects.filter(is_active=True) if active_only else Indicator.objects.all()
    return get_object_or_404(qs, code=code)


def _year_choices(selected: int) -> list[int]:
    this_year = open_year()
    years = set(range(this_year - 6, this_year + 2)) | {selected}
    return sorted(years, reverse=True)


def _filters(request, year, source):
    return {
        "year": year,
        "source": source or "",
        "years": _year_choices(year),
        "sources": DataSource.choices,
    }


def _attachment(content: bytes, fmt: str, filename: str) -> HttpResponse:
    content_type = XLSX_CONTENT_TYPE if fmt == "xlsx" else CSV_CONTENT_TYPE
    return download(content, content_type, f"{filename}.{fmt}")


# ---------------------------------------------------------------------------------------------
# Region pages


@region_view(Permission.REGION_VIEW)
def region_indicators(request, region):
    """Every indicator of the region for a year: target, realisation per data source (or the
    chosen source), achievement, grade and a small trend chart with the same data as a table."""
    year = _year(request, open_year())
    source = _source(request)
    lines = selectors.region_overview(region, year=year, source=source)
    return render(
        request,
        "indicators/region.html",
        {
            "region": region,
            "lines": lines,
            "demo_figures": any(line.is_demo for line in lines),
            "has_negative": any(r.is_negative for line in lines for r in line.realisations),
            "trends": [line.trend for line in lines],
            "workgroup": selectors.active_workgroup(region),
            "can_edit": has_permission(request.user, Permission.INDICATOR_EDIT, region),
            **_filters(request, year, source),
        },
    )


@region_view(Permission.REGION_VIEW)
def indicator_detail(request, region, indicator_code):
    """One indicator in the region: every target and every realisation (all periods and data
    sources, never combined), with the achievement of yearly realisations."""
    indicator = _indicator(indicator_code)
    source = _source(request)
    targets = list(Target.objects.filter(region=region, indicator=indicator).order_by("-year"))
    by_year = {t.year: t.value for t in targets}
    values = Value.objects.filter(region=region, indicator=indicator).order_by(
        "-year", "period", "source"
    )
    if source:
        values = values.filter(source=source)
    rows = []
    for value in values:
        score = (
            achievement(value.value, by_year.get(value.year), indicator.direction)
            if not value.period
            else None
        )
        rows.append({"record": value, "achievement": score, "grade": grade(score)})
    national = NationalTarget.objects.filter(indicator=indicator).order_by("year")
    return render(
        request,
        "indicators/detail.html",
        {
            "region": region,
            "indicator": indicator,
            "targets": targets,
            "rows": rows,
            "national_targets": national,
            "source": source or "",
            "sources": DataSource.choices,
            "can_edit": has_permission(request.user, Permission.INDICATOR_EDIT, region),
        },
    )


def _record_form(request, region, *, indicator, form, title, save):
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("indicators:detail", code=region.code, indicator_code=indicator.code)
    return render(
        request,
        "indicators/record_form.html",
        {"region": region, "indicator": indicator, "form": form, "title": title},
    )


def _create_record(request, region, indicator_code, form_class, save_fn, title):
    """A new target or realisation of the indicator; the year (and the data source) start from
    the page's `?year=` (and `?source=`)."""
    indicator = _indicator(indicator_code, active_only=True)
    initial = {"year": _year(request, open_year())}
    if "source" in form_class.base_fields:
        initial["source"] = _source(request) or ""
    form = form_class(request.POST or None, indicator=indicator, initial=initial)
    fields = [name for name in form.fields if name != "version"]

    def save(data):
        save_fn(
            by=request.user,
            region=region,
            indicator=indicator,
            **{name: data[name] for name in fields},
        )

    return _record_form(request, region, indicator=indicator, form=form, title=title, save=save)


def _edit_record(request, region, record, *, form_class, save_fn, fixed, instance_arg, title):
    """Edit the value and note of ``record``; the ``fixed`` fields keep their stored values."""
    shown = (*fixed, "value", "note", "version")
    form = form_class(
        request.POST or None,
        indicator=record.indicator,
        editing=True,
        initial={name: getattr(record, name) for name in shown},
    )

    def save(data):
        save_fn(
            by=request.user,
            region=region,
            indicator=record.indicator,
            value=data["value"],
            note=data["note"],
            expected_version=data["version"],
            **{name: getattr(record, name) for name in fixed},
            **{instance_arg: record},
        )

    return _record_form(
        request, region, indicator=record.indicator, form=form, title=title, save=save
    )


@region_view(Permission.INDICATOR_EDIT)
def target_create(request, region, indicator_code):
    return _create_record(request, region, indicator_code, TargetForm, save_target, _("New target"))


@region_view(Permission.INDICATOR_EDIT)
def target_edit(request, region, pk):
    target = get_object_or_404(Target.objects.select_related("indicator"), pk=pk, region=region)
    return _edit_record(
        request,
        region,
        target,
        form_class=TargetForm,
        save_fn=save_target,
        fixed=("year",),
        instance_arg="target",
        title=_("Target %(year)d") % {"year": target.year},
    )


@region_view(Permission.INDICATOR_EDIT)
def value_create(request, region, indicator_code):
    title = _("New realisation")
    return _create_record(request, region, indicator_code, ValueForm, save_value, title)


@region_view(Permission.INDICATOR_EDIT)
def value_edit(request, region, pk):
    record = get_object_or_404(Value.objects.select_related("indicator"), pk=pk, region=region)
    title = _("Realisation %(period)s (%(source)s)") % {
        "period": record.period_label,
        "source": record.get_source_display(),
    }
    return _edit_record(
        request,
        region,
        record,
        form_class=ValueForm,
        save_fn=save_value,
        fixed=("year", "period", "source"),
        instance_arg="instance",
        title=title,
    )


def remove_record(request, instance, *to, **to_kwargs):
    """Delete a target, realisation or national target at the version the form carried, say how
    it went and redirect to `to`."""
    try:
        delete_record(
            by=request.user, instance=instance, expected_version=request.POST.get("version") or None
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Deleted."))
    return redirect(*to, **to_kwargs)


def _delete(request, region, model, pk):
    instance = get_object_or_404(model.objects.select_related("indicator"), pk=pk, region=region)
    code = instance.indicator.code
    return remove_record(
        request, instance, "indicators:detail", code=region.code, indicator_code=code
    )


@region_view(Permission.INDICATOR_EDIT)
@require_POST
def target_delete(request, region, pk):
    return _delete(request, region, Target, pk)


@region_view(Permission.INDICATOR_EDIT)
@require_POST
def value_delete(request, region, pk):
    return _delete(request, region, Value, pk)


@region_view(Permission.REGION_VIEW)
def ranking_view(request, region, indicator_code):
    """A province's kab/kota for one indicator, year and data source: table and ranking by
    achievement, missing values last (shown as missing, never as zero)."""
    if not region.is_province:
        raise Http404("Rankings are for provinces")
    indicator = _indicator(indicator_code)
    children = region.children.all()
    year = _year(request, open_year())
    available = selectors.sources_with_values(children, indicator, year)
    source = _source(request) or selectors.default_source(available)
    against = request.GET.get("against", selectors.AGAINST_OWN)
    if against not in (
        selectors.AGAINST_OWN,
        selectors.AGAINST_PROVINCE,
        selectors.AGAINST_NATIONAL,
    ):
        against = selectors.AGAINST_OWN
    lines = selectors.ranking(region, indicator, year=year, source=source or "", against=against)
    counts = selectors.grade_counts(lines)
    grades = [(g, counts[g.value]) for g in Grade]
    chart = {
        "labels": [line.region.name for line in lines],
        "values": [
            float(line.achievement) if line.achievement is not None else None for line in lines
        ],
        "label": str(_("Achievement (%)")),
    }
    return render(
        request,
        "indicators/ranking.html",
        {
            "region": region,
            "indicator": indicator,
            "lines": lines,
            "grades": grades,
            "missing": counts["missing"],
            "available": available,
            "against": against,
            "against_choices": [
                (selectors.AGAINST_OWN, _("each regency/city's own target")),
                (selectors.AGAINST_PROVINCE, _("the province's target")),
                (selectors.AGAINST_NATIONAL, _("the national target")),
            ],
            "chart": chart,
            "indicators": Indicator.objects.filter(is_active=True),
            **_filters(request, year, source),
        },
    )


# ---------------------------------------------------------------------------------------------
# Import and export


def _area_regions(region, area):
    if area == "children" and region.is_province:
        return list(region.children.order_by("code"))
    if area == "all" and region.is_province:
        return [region, *region.children.order_by("code")]
    return [region]


@region_view(Permission.INDICATOR_EDIT)
def template_download(request, region, fmt):
    """A blank template: one row per region (the region and its kab/kota) × indicator for a year."""
    if fmt not in EXPORT_FORMATS:
        raise Http404("Unknown format")
    year = _year(request, open_year())
    code = request.GET.get("indicator", "")
    indicators = (
        [_indicator(code, active_only=True)]
        if code
        else list(Indicator.objects.filter(is_active=True))
    )
    kind = TARGET if request.GET.get("kind") == TARGET else VALUE
    regions = _area_regions(region, request.GET.get("area", "all"))
    rows = template_rows(regions, indicators, year=year, kind=kind, source=_source(request) or "")
    name = f"template-indikator-{region.code}-{year}"
    content = write_xlsx(rows, instructions=instructions()) if fmt == "xlsx" else write_csv(rows)
    return _attachment(content, fmt, name)


@region_view(Permission.REGION_VIEW)
def export(request, region, fmt):
    """The filtered view (area, indicator, year, data source, kind) in the import format."""
    if fmt not in EXPORT_FORMATS:
        raise Http404("Unknown format")
    code = request.GET.get("indicator", "")
    indicator = _indicator(code) if code else None
    raw_year = request.GET.get("year", "")
    year = int(raw_year) if raw_year.isdigit() else None
    kind = request.GET.get("kind") if request.GET.get("kind") in (TARGET, VALUE) else None
    regions = _area_regions(region, request.GET.get("area", "region"))
    rows = export_rows(regions, indicator=indicator, year=year, source=_source(request), kind=kind)
    parts = ["indikator", region.code, code, str(year or ""), _source(request) or ""]
    name = "-".join(p for p in parts if p)
    content = write_xlsx(rows, instructions=instructions()) if fmt == "xlsx" else write_csv(rows)
    return _attachment(content, fmt, name)
