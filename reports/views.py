from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from accounts.access import region_view
from accounts.permissions import Permission
from audit import version
from core.years import selected_year, year_choices
from indicators.selectors import requested_source
from regions.codes import normalize_code
from regions.models import Region
from reports import builders, exports
from reports.jobs import start_profiles


def _attachment(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@region_view(Permission.REGION_VIEW)
def profile_pdf(request, region):
    """The Pokja profile as PDF: SK, members (never their contacts), sub-groups, the year's
    work plan, budget, indicators and effectiveness. A region without a Pokja gets a PDF that
    says so."""
    year = selected_year(request)
    pdf = exports.profile_pdf(builders.profile(region, year))
    return _attachment(pdf, "application/pdf", f"profil-pokja-{region.code}-{year}.pdf")


@require_POST
@region_view(Permission.REGION_VIEW)
def profiles_batch(request, region):
    """Start the ZIP of every Pokja profile of the region and below (a background job). With
    htmx the job's progress box replaces the button's placeholder; without, its page opens."""
    job = start_profiles(region=region, year=selected_year(request), by=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "jobs/_job.html", {"job": job})
    return redirect("jobs:detail", job.pk)


def _indicator_report(request, region):
    """The report for `?year=` and `?source=` (unknown sources count as none chosen)."""
    source = requested_source(request.GET.get("source"))
    return builders.indicator_report(region, selected_year(request), source=source)


@region_view(Permission.REGION_VIEW)
def indicators(request, region):
    report = _indicator_report(request, region)
    return render(
        request,
        "reports/indicators.html",
        {
            "region": region,
            "year": report.year,
            "years": year_choices(),
            "report": report,
            "demo_figures": report.has_demo,
        },
    )


@region_view(Permission.REGION_VIEW)
def indicators_export(request, region, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    report = _indicator_report(request, region)
    year = report.year
    suffix = f"-{report.source}" if report.source else ""
    name = f"capaian-indikator-{region.code}-{year}{suffix}.{fmt}"
    if fmt == "pdf":
        return _attachment(exports.indicators_pdf(report), "application/pdf", name)
    return _attachment(exports.indicators_xlsx(report), exports.XLSX_TYPE, name)


def _public(request, province):
    """The page around the body kept per data version, province, year, date and language
    (audit.version.kept_html): aggregates only, the same for everyone."""
    year = selected_year(request)
    body = version.kept_html(
        ("public", province.code, year),
        "reports/_public_body.html",
        lambda: {**builders.public_overview(province, year), "years": year_choices()},
    )
    return render(
        request, "reports/public.html", {"province": province, "year": year, "body": body}
    )


def public(request):
    """The public transparency page (no log-in): the chosen province (?province=) or the
    first province with data, and the year (?year=, default the last assessed year)."""
    code = request.GET.get("province")
    if code:
        return public_province(request, code)
    province = version.kept(("public-first-province",), builders.first_province_with_data)
    if province is None:
        raise Http404
    return _public(request, province)


def public_province(request, code):
    try:
        code = normalize_code(code)
    except ValueError:
        raise Http404 from None
    province = get_object_or_404(Region, code=code, level=Region.Level.PROVINCE)
    return _public(request, province)
