import functools

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import has_permission, national_view, region_view
from accounts.permissions import Permission
from assessment import services
from assessment.engine import (
    EFFECTIVE,
    NO_WORKGROUP,
    NOT_EFFECTIVE,
    REVERIFY,
    evaluate,
    evaluate_region,
)
from assessment.forms import (
    CriterionForm,
    DeclarationForm,
    ProvincialCriterionForm,
    SubmitForm,
)
from assessment.guides import guides_for_kinds
from assessment.matrix import criteria_columns, province_rows, tally
from assessment.models import Assessment, Criterion
from assessment.reports import matrix_pdf, matrix_xlsx, summary
from assessment.summary import statuses
from assessment.whatsapp import returned_share
from audit import version
from core.errors import DomainError
from core.years import open_year, selected_year, year_choices
from regions.models import Region
from workgroups.decree_lifecycle import expiring_decrees


def default_year() -> int:
    """The year pages open on (core.years.open_year: the open assessment year)."""
    return open_year()


@region_view(Permission.REGION_VIEW)
def region_assessment(request, region):
    return _region_page(request, region, selected_year(request))


def _region_page(request, region, year):
    """The region's assessment page; verifiers decide on the review page
    (assessment/review_views.py), linked from here."""
    outcome = evaluate_region(region, year)
    guides = guides_for_kinds(region)
    for result in outcome.missing:
        result.guide = guides.get(result.criterion.kind)
    can_submit = services.may_submit(request.user, region)
    can_verify = services.may_verify(request.user, region)
    return render(
        request,
        "assessment/region.html",
        {
            "region": region,
            "year": year,
            "years": year_choices(),
            "outcome": outcome,
            "can_submit": can_submit and outcome.workgroup is not None,
            "can_verify": can_verify
            and outcome.assessment
            and outcome.assessment.status == Assessment.Status.SUBMITTED,
            "can_verify_stale": can_verify and bool(outcome.stale),
            "can_reopen": can_verify
            and outcome.assessment
            and outcome.assessment.status != Assessment.Status.SUBMITTED,
            "submit_form": SubmitForm(),
            "snapshots": region.assessment_snapshots.filter(year=year)[:5],
            "wa_share": returned_share(request, region, year, outcome) if can_verify else None,
        },
    )


def _back(region, year):
    return redirect(f"/r/{region.code}/assessment/?year={year}")


@require_POST
@region_view(Permission.ASSESSMENT_SUBMIT)
def submit(request, region, year):
    form = SubmitForm(request.POST)
    form.is_valid()
    try:
        services.submit(
            by=request.user, region=region, year=year, note=form.cleaned_data.get("note", "")
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(
            request, _("The %(year)s assessment was submitted for verification.") % {"year": year}
        )
    return _back(region, year)


@require_POST
@region_view(Permission.REGION_VIEW)
def reopen(request, region, year):
    if not services.may_verify(request.user, region):
        raise PermissionDenied
    assessment = get_object_or_404(Assessment, region=region, year=year)
    services.reopen(by=request.user, assessment=assessment)
    messages.success(request, _("The assessment was reopened for verification."))
    return _back(region, year)


@region_view(Permission.ASSESSMENT_SUBMIT)
def declare(request, region, year, criterion_id):
    criterion = get_object_or_404(
        Criterion, pk=criterion_id, year=year, kind=Criterion.Kind.DECLARED
    )
    if criterion.province_id and criterion.province_id != (region.parent_id or region.pk):
        raise Http404
    declaration = region.declarations.filter(criterion=criterion).first()
    initial = {
        "fulfilled": "1" if declaration and declaration.fulfilled else "0",
        "note": declaration.note if declaration else "",
    }
    form = DeclarationForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.declare(
                by=request.user,
                region=region,
                criterion=criterion,
                fulfilled=form.cleaned_data["fulfilled"],
                note=form.cleaned_data["note"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Declaration saved."))
            return _back(region, year)
    return render(
        request,
        "assessment/declare.html",
        {
            "region": region,
            "year": year,
            "criterion": criterion,
            "form": form,
            "declaration": declaration,
        },
    )


def _filtered(rows, request):
    status = request.GET.get("status")
    if status in (EFFECTIVE, NOT_EFFECTIVE, NO_WORKGROUP):
        rows = [r for r in rows if r.computed_status == status or not r.region.parent_id]
    elif status == REVERIFY:
        rows = [r for r in rows if r.official_status == REVERIFY or not r.region.parent_id]
    verification = request.GET.get("verification")
    if verification:
        rows = [r for r in rows if r.verification_status == verification or not r.region.parent_id]
    return rows


def _province_or_404(region):
    if not region.is_province:
        raise Http404
    return region


@region_view(Permission.REGION_VIEW)
def matrix(request, region):
    """The table and its headline kept per data version, province, year, filter, date and
    language (audit.version.kept_html); the letter form (this user's rights and CSRF token)
    around them is rendered for each request."""
    _province_or_404(region)
    year = selected_year(request)
    status = request.GET.get("status", "")
    verification = request.GET.get("verification", "")
    verification_choices = [("not_submitted", _("Not submitted")), *Assessment.Status.choices[1:]]
    # Any unknown filter value selects the same rows (none but the province's own).
    shown = (
        status if status in (EFFECTIVE, NOT_EFFECTIVE, NO_WORKGROUP, REVERIFY) else "",
        verification if verification in {"", *dict(verification_choices)} else "?",
    )

    @functools.cache
    def rows():
        found = province_rows(region, year)
        expiring = expiring_decrees([row.region for row in found])
        for row in found:  # "SK berakhir dalam 90 hari" next to the region
            row.decree_expiring = expiring.get(row.region.code)
        return found

    table = version.kept_html(
        ("matrix", region.code, year, *shown),
        "assessment/_matrix_table.html",
        lambda: {
            "year": year,
            "rows": _filtered(rows(), request),
            "columns": criteria_columns(rows()),
        },
    )
    counts = version.kept(
        ("matrix-summary", region.code, year, timezone.localdate()), lambda: summary(rows())
    )
    return render(
        request,
        "assessment/matrix.html",
        {
            "region": region,
            "year": year,
            "years": year_choices(),
            "table": table,
            "summary": counts,
            "status": status,
            "verification": verification,
            "verification_choices": verification_choices,
        },
    )


@region_view(Permission.REGION_VIEW)
def matrix_export(request, region, fmt):
    _province_or_404(region)
    year = selected_year(request)
    rows = province_rows(region, year)
    name = f"rekap-efektivitas-pokja-{region.code}-{year}"
    if fmt == "xlsx":
        response = HttpResponse(
            matrix_xlsx(region, year, rows),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    elif fmt == "pdf":
        response = HttpResponse(matrix_pdf(region, year, rows), content_type="application/pdf")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@region_view(Permission.REGION_VIEW)
def history(request, region):
    _province_or_404(region)
    years = list(range(default_year() - 4, default_year() + 1))
    counts = services.history(region, years)
    rows = [
        (year, counts[year][0], counts[year][1], region.children.in_year(year).count())
        for year in years
    ]
    return render(request, "assessment/history.html", {"region": region, "rows": rows})


@region_view(Permission.REGION_VIEW)
def turnaround(request, region):
    """Per kab/kota: submitted, returned, verified, and the days each step took; the median days
    from submission to verification (assessment/turnaround.py)."""
    from assessment.turnaround import median_days_to_verification
    from assessment.turnaround import turnaround as rows_for

    _province_or_404(region)
    year = selected_year(request)
    rows = rows_for(region.children.in_year(year).order_by("code"), year)
    return render(
        request,
        "assessment/turnaround.html",
        {
            "region": region,
            "year": year,
            "years": year_choices(),
            "rows": rows,
            "median": median_days_to_verification(rows),
            "verified_count": sum(r.days_to_verification is not None for r in rows),
        },
    )


@national_view(Permission.REGION_VIEW)
def national(request):
    """The page around the body kept per data version, year, date and language
    (audit.version.kept_html): the same for every national viewer."""
    year = selected_year(request)
    body = version.kept_html(
        ("national-recap", year), "assessment/_national_body.html", lambda: _national(year)
    )
    return render(request, "assessment/national.html", {"year": year, "body": body})


def _national(year) -> dict:
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE))
    regencies = list(Region.objects.filter(level=Region.Level.REGENCY))
    # The provinces' own criteria in full (kept per data version and date, audit.version.kept);
    # the kab/kota counts from the status cache.
    results = version.kept(
        ("national-provinces", year, timezone.localdate()), lambda: evaluate(provinces, year)
    )
    summaries = statuses(regencies, [year])
    by_parent = {}
    for regency in regencies:
        by_parent.setdefault(regency.parent_id, []).append(summaries[(regency.code, year)])
    rows = []
    for province in provinces:
        children = by_parent.get(province.pk, [])
        rows.append({"province": province, "own": results[province.code], **tally(children)})
    columns = criteria_columns([r["own"] for r in rows])
    return {"year": year, "years": year_choices(), "rows": rows, "columns": columns,
            "effective": sum(r["effective"] for r in rows),
            "total": sum(r["total"] for r in rows)}  # fmt: skip


@national_view(Permission.REGION_VIEW)
def criteria_list(request):
    year = selected_year(request)
    from assessment.criteria import criteria_for

    criteria = [c for c in criteria_for(year) if c.is_national]
    can_edit = has_permission(request.user, Permission.CATALOGUE_MANAGE, None)
    return render(
        request,
        "assessment/criteria.html",
        {"year": year, "years": year_choices(), "criteria": criteria, "can_edit": can_edit},
    )


def _criterion_form(request, criterion, form_class, list_url):
    """Edit a criterion (national catalogue or a province's own): back to its year's list."""
    return crud.form_screen(
        request,
        crud.bind(request, form_class, instance=criterion),
        save=lambda form: form.save(),
        template="assessment/criterion_form.html",
        context={"criterion": criterion},
        message=_("Criterion saved."),
        success_url=f"{list_url}?year={criterion.year}",
    )


@national_view(Permission.CATALOGUE_MANAGE)
def criterion_edit(request, pk):
    criterion = get_object_or_404(Criterion, pk=pk, province__isnull=True)
    return _criterion_form(request, criterion, CriterionForm, "/assessment/criteria/")


@region_view(Permission.REGION_VIEW)
def provincial_criteria(request, region):
    _province_or_404(region)
    year = selected_year(request)
    from assessment.criteria import criteria_for

    criteria = criteria_for(year, [region.pk])
    can_edit = has_permission(request.user, Permission.ASSESSMENT_VERIFY, region)
    form = None
    if can_edit:
        form = ProvincialCriterionForm(
            request.POST or None,
            instance=Criterion(year=year, province=region, kind=Criterion.Kind.DECLARED),
        )
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("Criterion added for the province's Pokjas."))
            return redirect(f"/r/{region.code}/assessment/criteria/?year={year}")
    elif request.method == "POST":
        raise PermissionDenied
    return render(
        request,
        "assessment/provincial_criteria.html",
        {
            "region": region,
            "year": year,
            "years": year_choices(),
            "criteria": criteria,
            "form": form,
        },
    )


@region_view(Permission.ASSESSMENT_VERIFY)
def provincial_criterion_edit(request, region, pk):
    _province_or_404(region)
    criterion = get_object_or_404(Criterion, pk=pk, province=region)
    return _criterion_form(
        request, criterion, ProvincialCriterionForm, f"/r/{region.code}/assessment/criteria/"
    )
