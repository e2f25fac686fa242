from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crud
from accounts.access import region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from budget import services
from budget.forms import AllocationForm
from budget.models import BudgetAllocation
from core.years import selected_year
from planning.common import (
    active_workgroup,
    current_year,
    pokja_url,
    serve_file,
    year_choices,
)
from planning.views import STYLE, no_workgroup


def _allocation_or_404(region, pk) -> BudgetAllocation:
    return get_object_or_404(
        BudgetAllocation.objects.select_related("workgroup__region"),
        pk=pk,
        workgroup__region=region,
    )


def _year_param(request):
    raw = request.GET.get("year", "")
    if not raw:
        return None
    try:
        year = int(raw)
    except ValueError:
        raise Http404("Unknown year") from None
    if not 2000 <= year <= 2100:
        raise Http404("Unknown year")
    return year


@region_view(Permission.REGION_VIEW)
def allocation_list(request, region):
    """The region's budget allocations for Pokja operations by year, with yearly totals."""
    workgroup = active_workgroup(region)
    workgroup_ids = list(region.workgroups.values_list("pk", flat=True))
    year = _year_param(request)
    years = services.allocations_by_year(workgroup_ids, year=year)
    return crud.page(
        request,
        "budget/allocation_list.html",
        {
            "workgroup": workgroup,
            "years": years,
            "year": year,
            "pokja_url": pokja_url(region),
        },
        edit=Permission.BUDGET_EDIT,
    )


def _fields(form):
    data = form.cleaned_data
    return {name: data[name] for name in services.ALLOCATION_FIELDS} | {
        "document": data.get("document") or None,
        "remove_document": data.get("remove_document", False),
    }


def _year_url(region, allocation) -> str:
    return reverse("budget:list", kwargs={"code": region.code}) + f"?year={allocation.year}"


def _allocation_form(request, region, workgroup, allocation=None):
    """Record (`allocation=None`) or edit a budget allocation of `workgroup`."""
    return crud.form_screen(
        request,
        crud.bind(
            request,
            AllocationForm,
            instance=allocation,
            initial={} if allocation else {"year": selected_year(request)},
        ),
        save=lambda form: services.save_allocation(
            by=request.user,
            workgroup=workgroup,
            allocation=allocation,
            **crud.locked(form),
            **_fields(form),
        ),
        template="budget/allocation_form.html",
        context={"workgroup": workgroup} if allocation is None else {"allocation": allocation},
        message=_("The budget allocation was saved."),
        success_url=lambda saved: guided(
            request,
            region,
            saved.year,
            _year_url(region, saved),
            again=reverse("budget:create", kwargs={"code": region.code}) + f"?year={saved.year}",
        ),
    )


@region_view(Permission.BUDGET_EDIT)
def allocation_create(request, region):
    workgroup = active_workgroup(region)
    if workgroup is None:
        return no_workgroup(request, region, _("Budget"))
    return _allocation_form(request, region, workgroup)


@region_view(Permission.BUDGET_EDIT)
def allocation_edit(request, region, pk):
    allocation = _allocation_or_404(region, pk)
    return _allocation_form(request, region, allocation.workgroup, allocation)


ALLOCATIONS = crud.Screens(
    name="allocation",
    get=_allocation_or_404,
    right=Permission.BUDGET_EDIT,
    # an allocation has no page of its own: cancelling goes back to the list
    detail_url=lambda allocation: reverse(
        "budget:list", kwargs={"code": allocation.workgroup.region.code}
    ),
    list_url="budget:list",
    context=STYLE,
)
allocation_delete = ALLOCATIONS.delete_view(
    services.delete_allocation, gettext_lazy("The budget allocation was deleted.")
)


@region_view(Permission.REGION_VIEW)
def allocation_document(request, region, pk):
    allocation = _allocation_or_404(region, pk)
    return serve_file(
        allocation.document,
        allocation.document_filename or f"anggaran-{region.code}-{allocation.year}",
    )


@region_view(Permission.REGION_VIEW)
def regency_recap(request, region):
    """Province page: which kab/kota have budgeted for their Pokja in a year, which have not
    (or have no Pokja), with allocated and realised totals."""
    if not region.is_province:
        raise Http404("Only for provinces")
    year = _year_param(request) or current_year()
    recap = services.province_recap(region, year)
    recorded = BudgetAllocation.objects.filter(workgroup__region__parent=region).values_list(
        "year", flat=True
    )
    years = year_choices(extra={*recorded, year})
    return render(
        request,
        "budget/regency_recap.html",
        {"region": region, "recap": recap, "year": year, "years": years},
    )
