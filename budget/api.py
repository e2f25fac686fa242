"""Budget allocations: `/api/v1/regions/{code}/budget…`.

Reads need `region.view`, writes `budget.edit`. Amounts are whole Rupiah (a number or a string
such as "1.250.000"; "1,5 juta" or negatives answer 400). Updates and deletes carry the
`version` you read; a stale version answers 409.
"""

import datetime

from django.shortcuts import get_object_or_404
from ninja import File, Form, Query, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import RegionRecord, get_region
from accounts.permissions import Permission
from budget import services
from budget.models import BudgetAllocation
from core.api_crud import ERRORS, patch_fields, patch_schema
from planning.api import amount
from planning.common import active_workgroup, current_year, serve_file

router = Router(tags=["budget"])


class AllocationOut(Schema):
    id: int
    version: int
    year: int
    source: str
    amount: int
    purpose: str
    document_reference: str
    has_document: bool
    realised: int
    realised_on: datetime.date | None
    note: str
    workgroup: str

    @staticmethod
    def resolve_has_document(obj):
        return bool(obj.document)

    @staticmethod
    def resolve_workgroup(obj):
        return obj.workgroup.name


class AllocationIn(Schema):
    year: int
    source: str
    amount: int | str
    purpose: str = ""
    document_reference: str = ""
    realised: int | str = 0
    realised_on: datetime.date | None = None
    note: str = ""


AllocationPatch = patch_schema(AllocationIn, "AllocationPatch")


class YearFilter(Schema):
    year: int | None = None


class SummaryRow(Schema):
    code: str
    name: str
    has_workgroup: bool
    has_budget: bool
    state: str
    allocated: int
    realised: int
    allocations: int


class SummaryOut(Schema):
    region: str
    year: int
    allocated: int
    realised: int
    budgeted_count: int
    regions: list[SummaryRow]


def _fields(payload: dict) -> dict:
    fields = {}
    for key, value in payload.items():
        if key in ("amount", "realised"):
            fields[key] = amount(value, key)
        else:
            fields[key] = value
    return fields


def _allocation(region, allocation_id) -> BudgetAllocation:
    return get_object_or_404(
        BudgetAllocation.objects.select_related("workgroup__region"),
        pk=allocation_id,
        workgroup__region=region,
    )


ALLOCATIONS = RegionRecord(
    "allocation",
    _allocation,
    Permission.BUDGET_EDIT,
    patch=lambda payload, region: _fields(patch_fields(payload, keep=("realised_on",))),
    update=services.save_allocation,
    docs=(
        "",
        "Change some fields (e.g. the realisation); `version` must be the one you read.",
        "Delete an allocation (`?version=`).",
    ),
    context=lambda region, allocation: {"workgroup": allocation.workgroup},
    remove=services.delete_allocation,
)


@router.get("/regions/{code}/budget", response=list[AllocationOut])
def list_allocations(request, code: str, filters: Query[YearFilter]):
    """Budget allocations of the region's Pokja (all years, or `?year=`)."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    qs = BudgetAllocation.objects.filter(workgroup__region=region).select_related("workgroup")
    if filters.year:
        qs = qs.filter(year=filters.year)
    return list(qs)


@router.get("/regions/{code}/budget/summary", response=SummaryOut)
def budget_summary(request, code: str, filters: Query[YearFilter]):
    """Totals for a year (default: this year). For a province: one row per kab/kota (who has
    budgeted for its Pokja, who has not, who has no Pokja) plus the province itself; the
    top-level totals are those of the kab/kota. For a kab/kota: its own row."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    year = filters.year or current_year()
    if region.is_province:
        recap = services.province_recap(region, year)
        rows = [recap.province_row, *recap.rows]
        allocated, realised = recap.amount, recap.realised
        budgeted = len(recap.budgeted)
    else:
        workgroup = active_workgroup(region)
        totals = services.allocation_totals([workgroup.pk], year) if workgroup else {}
        row = services.RecapRow(region=region, workgroup=workgroup)
        if workgroup and workgroup.pk in totals:
            row.amount, row.realised = totals[workgroup.pk]
            row.count = BudgetAllocation.objects.filter(workgroup=workgroup, year=year).count()
        rows = [row]
        allocated, realised, budgeted = row.amount, row.realised, int(row.has_budget)
    return {
        "region": region.code,
        "year": year,
        "allocated": allocated,
        "realised": realised,
        "budgeted_count": budgeted,
        "regions": [
            {
                "code": r.region.code,
                "name": r.region.name,
                "has_workgroup": r.has_workgroup,
                "has_budget": r.has_budget,
                "state": r.state,
                "allocated": r.amount,
                "realised": r.realised,
                "allocations": r.count,
            }
            for r in rows
        ],
    }


@router.post("/regions/{code}/budget", response={201: AllocationOut, **ERRORS})
def create_allocation(request, code: str, payload: AllocationIn):
    """Record an allocation for the region's active Pokja."""
    region = get_region(request.user, code, Permission.BUDGET_EDIT)
    workgroup = active_workgroup(region, required=True)
    allocation = services.save_allocation(
        by=request.user, workgroup=workgroup, **_fields(payload.model_dump())
    )
    return Status(201, allocation)


ALLOCATIONS.endpoints(
    router, "/regions/{code}/budget/{allocation_id}", AllocationOut, AllocationPatch
)


@router.get("/regions/{code}/budget/{allocation_id}/document")
def download_document(request, code: str, allocation_id: int):
    allocation = ALLOCATIONS.get(request, code, allocation_id)
    region = allocation.workgroup.region
    return serve_file(
        allocation.document,
        allocation.document_filename or f"anggaran-{region.code}-{allocation.year}",
    )


@router.post(
    "/regions/{code}/budget/{allocation_id}/document", response={200: AllocationOut, **ERRORS}
)
def upload_document(
    request, code: str, allocation_id: int, version: Form[int], file: File[UploadedFile]
):
    """Upload (or replace) the budget document (PDF): multipart with `file` and `version`."""
    return ALLOCATIONS.save(request, code, allocation_id, version, {"document": file})
