"""Pages of the indicators a region's Pokja adopts, with its own targets."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import has_permission, region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from core.errors import DomainError
from core.years import open_year
from indicators import selectors
from indicators.achievement import achievement, grade
from indicators.forms import AdoptionForm
from indicators.models import Indicator, NationalTarget, Target, Value, WorkGroupIndicator
from indicators.services import Adoption, set_adoptions
from indicators.views import _filters, _source, _year, _year_choices


@region_view(Permission.REGION_VIEW)
def adopted(request, region):
    """The indicators the region's Pokja adopted for a year, with its own targets, the region's
    realisations and the achievement against the Pokja's target."""
    year = _year(request, open_year())
    source = _source(request)
    workgroup = selectors.active_workgroup(region)
    lines = []
    if workgroup is not None:
        adoptions = list(
            WorkGroupIndicator.objects.filter(workgroup=workgroup, year=year)
            .select_related("indicator")
            .order_by("indicator__order")
        )
        region_targets = dict(
            Target.objects.filter(region=region, year=year).values_list("indicator_id", "value")
        )
        values = Value.objects.filter(
            region=region, year=year, period="", indicator__in=[a.indicator_id for a in adoptions]
        )
        if source:
            values = values.filter(source=source)
        by_indicator = {}
        for value in values.order_by("source"):
            by_indicator.setdefault(value.indicator_id, []).append(value)
        for adoption in adoptions:
            realisations = []
            for value in by_indicator.get(adoption.indicator_id, []):
                score = achievement(value.value, adoption.target, adoption.indicator.direction)
                realisations.append(
                    selectors.Realisation(value.source, value.value, score, grade(score))
                )
            if not realisations:
                realisations.append(selectors.Realisation(source, None, None, None))
            lines.append(
                {
                    "adoption": adoption,
                    "region_target": region_targets.get(adoption.indicator_id),
                    "realisations": realisations,
                }
            )
    return render(
        request,
        "indicators/adopted.html",
        {
            "region": region,
            "workgroup": workgroup,
            "lines": lines,
            "can_edit": has_permission(request.user, Permission.INDICATOR_EDIT, region),
            **_filters(request, year, source),
        },
    )


@region_view(Permission.INDICATOR_EDIT)
def adopted_edit(request, region):
    """Tick the indicators the Pokja works on for the year and give each its target."""
    year = _year(request, open_year())
    workgroup = selectors.active_workgroup(region)
    if workgroup is None:
        return render(
            request,
            "indicators/adopted_edit.html",
            {"region": region, "workgroup": None, "year": year},
        )
    existing = {
        a.indicator_id: a for a in WorkGroupIndicator.objects.filter(workgroup=workgroup, year=year)
    }
    region_targets = dict(
        Target.objects.filter(region=region, year=year).values_list("indicator_id", "value")
    )
    national = dict(NationalTarget.objects.filter(year=year).values_list("indicator_id", "value"))
    core = set(NationalTarget.objects.values_list("indicator_id", flat=True))
    # The national core indicators (those with national targets) first, then the others.
    indicators = sorted(
        Indicator.objects.filter(is_active=True), key=lambda i: (i.pk not in core, i.order, i.pk)
    )
    form = AdoptionForm(
        request.POST or None,
        indicators=indicators,
        adoptions=existing,
        suggested_targets=region_targets,
        # Nothing adopted yet: preselect the indicators the region has targets for.
        preselect=set() if existing else set(region_targets),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        items = [
            Adoption(
                indicator=i,
                adopt=data[f"adopt_{i.pk}"],
                target=data[f"target_{i.pk}"],
                note=data[f"note_{i.pk}"],
                version=data[f"version_{i.pk}"],
            )
            for i in indicators
        ]
        try:
            counts = set_adoptions(by=request.user, workgroup=workgroup, year=year, adoptions=items)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _(
                    "Adopted indicators saved: %(created)d added, %(updated)d changed, %(deleted)d removed."
                )
                % counts,
            )
            return redirect(
                guided(
                    request,
                    region,
                    year,
                    reverse("indicators:adopted", kwargs={"code": region.code}) + f"?year={year}",
                )
            )
    return render(
        request,
        "indicators/adopted_edit.html",
        {
            "region": region,
            "workgroup": workgroup,
            "form": form,
            "year": year,
            "years": _year_choices(year),
            "region_targets": region_targets,
            "national_targets": national,
            "core": core,
        },
    )
