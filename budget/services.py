"""Budget allocations for Pokja operations: writes (atomic, keyword-only, `by=` the acting user)
and the totals other apps rely on.

Functions for other apps:
- `allocation_totals(workgroup_ids, year)`: `{workgroup_id: (amount, realised)}` in one query.
- `province_recap(province, year)`: the province page of budgets per kab/kota.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from budget.models import BudgetAllocation
from core.concurrency import known_fields, lock_owned, save_record
from core.errors import DomainError
from planning.common import (
    delete_versioned,
    full_clean_or_raise,
    replace_pdf,
)

ALLOCATION_FIELDS = (
    "year",
    "source",
    "amount",
    "purpose",
    "document_reference",
    "realised",
    "realised_on",
    "note",
)


# --- reads for other apps ------------------------------------------------------------------


def allocation_totals(workgroup_ids, year: int) -> dict[int, tuple[int, int]]:
    """`{workgroup_id: (allocated, realised)}` in whole Rupiah for `year`, one query for any
    number of Pokja. Pokja without an allocation that year are absent (criterion 4: "budget
    allocated for Pokja operations" is met when the allocated total is above zero)."""
    rows = (
        BudgetAllocation.objects.filter(workgroup_id__in=list(workgroup_ids), year=year)
        .values("workgroup_id")
        .annotate(amount=Sum("amount"), realised=Sum("realised"))
        .values_list("workgroup_id", "amount", "realised")
    )
    return {wg: (int(amount or 0), int(realised or 0)) for wg, amount, realised in rows}


@dataclass
class YearTotal:
    year: int
    amount: int
    realised: int
    count: int
    allocations: list = field(default_factory=list)

    @property
    def percent(self):
        return round(self.realised * 100 / self.amount, 1) if self.amount else None


def allocations_by_year(workgroup_ids, *, year=None) -> list[YearTotal]:
    """Allocations of the Pokja (usually the region's Pokja, present and past) grouped by year,
    newest first, each with its totals."""
    qs = BudgetAllocation.objects.filter(workgroup_id__in=list(workgroup_ids))
    if year:
        qs = qs.filter(year=year)
    years: dict[int, YearTotal] = {}
    for allocation in qs.order_by("-year", "source", "pk"):
        total = years.setdefault(allocation.year, YearTotal(allocation.year, 0, 0, 0))
        total.amount += allocation.amount
        total.realised += allocation.realised
        total.count += 1
        total.allocations.append(allocation)
    return list(years.values())


@dataclass
class RecapRow:
    region: object
    workgroup: object  # the active Pokja or None
    amount: int = 0
    realised: int = 0
    count: int = 0
    sources: list = field(default_factory=list)

    @property
    def has_workgroup(self) -> bool:
        return self.workgroup is not None

    @property
    def has_budget(self) -> bool:
        return self.amount > 0

    @property
    def percent(self):
        return round(self.realised * 100 / self.amount, 1) if self.amount else None

    @property
    def state(self) -> str:
        """`budgeted`, `not_budgeted` (a Pokja without money) or `no_workgroup`."""
        if not self.has_workgroup:
            return "no_workgroup"
        return "budgeted" if self.has_budget else "not_budgeted"


@dataclass
class ProvinceRecap:
    province: object
    year: int
    province_row: RecapRow
    rows: list  # one RecapRow per kab/kota

    @property
    def budgeted(self) -> list:
        return [r for r in self.rows if r.has_budget]

    @property
    def not_budgeted(self) -> list:
        return [r for r in self.rows if r.has_workgroup and not r.has_budget]

    @property
    def without_workgroup(self) -> list:
        return [r for r in self.rows if not r.has_workgroup]

    @property
    def amount(self) -> int:
        """Total of the kab/kota (the province's own allocation is shown apart)."""
        return sum(r.amount for r in self.rows)

    @property
    def realised(self) -> int:
        return sum(r.realised for r in self.rows)

    @property
    def percent(self):
        return round(self.realised * 100 / self.amount, 1) if self.amount else None


def province_recap(province, year: int) -> ProvinceRecap:
    """Who among the province's kab/kota has budgeted for its Pokja in `year`, who has not (or
    has no Pokja), with allocated and realised totals. Four queries in all."""
    from workgroups.models import WorkGroup

    regions = province.with_children_in(year)  # the kab/kota as they were in `year`
    workgroups = {
        wg.region_id: wg
        for wg in WorkGroup.objects.filter(region__in=regions, status=WorkGroup.Status.ACTIVE)
    }
    rows = {r.pk: RecapRow(region=r, workgroup=workgroups.get(r.pk)) for r in regions}
    sums = (
        BudgetAllocation.objects.filter(workgroup__in=workgroups.values(), year=year)
        .values("workgroup__region_id", "source")
        .annotate(amount=Sum("amount"), realised=Sum("realised"), n=Count("pk"))
        .order_by("workgroup__region_id", "source")
    )
    labels = dict(BudgetAllocation._meta.get_field("source").choices)
    for item in sums:
        row = rows[item["workgroup__region_id"]]
        row.amount += int(item["amount"] or 0)
        row.realised += int(item["realised"] or 0)
        row.count += item["n"]
        row.sources.append(str(labels.get(item["source"], item["source"])))
    return ProvinceRecap(
        province=province,
        year=year,
        province_row=rows[province.pk],
        rows=[rows[r.pk] for r in regions[1:]],
    )


# --- writes --------------------------------------------------------------------------------


@transaction.atomic
def save_allocation(
    *,
    by,
    workgroup,
    allocation=None,
    expected_version=None,
    document=None,
    remove_document=False,
    **fields,
) -> BudgetAllocation:
    """Create (`allocation=None`) or update a budget allocation of `workgroup`. Amounts are whole
    Rupiah (ints); the realised amount cannot exceed the allocation and needs its date.
    Updates need `expected_version` and are refused when someone saved in between."""
    known_fields(fields, ALLOCATION_FIELDS, "allocation")
    creating = allocation is None
    if creating:
        if workgroup.status != "active":
            raise DomainError(
                _("This Pokja has been dissolved; budgets are recorded for the active Pokja.")
            )
        allocation = BudgetAllocation(workgroup=workgroup, created_by=by)
    else:
        refused = _("This allocation belongs to another Pokja.")
        allocation = lock_owned(allocation, expected_version, refused, workgroup=workgroup)
    for name, value in fields.items():
        setattr(allocation, name, value)
    for name in ("purpose", "document_reference"):
        setattr(allocation, name, (getattr(allocation, name) or "").strip())
    if allocation.realised is None:
        allocation.realised = 0
    full_clean_or_raise(allocation, exclude=["workgroup"])
    replace_pdf(allocation, "document", "document_filename", document, remove=remove_document)
    save_record(allocation, expected_version=expected_version)
    return allocation


@transaction.atomic
def delete_allocation(*, by, allocation, expected_version) -> None:
    delete_versioned(allocation, expected_version, "document")
