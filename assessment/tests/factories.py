"""Building Pokjas with a chosen completeness for assessment tests."""

import datetime

from django.core.files.base import ContentFile

from budget.models import BudgetAllocation
from indicators.models import Indicator, WorkGroupIndicator
from planning.models import Activity, WorkPlan
from regions.models import Region
from workgroups.models import Decree, WorkGroup

_PDF = None


def pdf_bytes():
    global _PDF
    if _PDF is None:
        from weasyprint import HTML

        _PDF = HTML(string="<p>KEPUTUSAN BUPATI</p>").write_pdf()
    return _PDF


def make_pokja(
    code, year, *, decree="valid", plan="approved", activities=1, indicators=1, budget=5_000_000
):
    """A Pokja in region `code` for `year`. decree: valid / expired / no_pdf / None;
    plan: approved / draft / None; budget: an amount, 0, or None for no allocation."""
    region = Region.objects.get(code=code)
    workgroup = WorkGroup.objects.create(region=region, name=f"Pokja Bangga Kencana {region.name}")
    if decree:
        valid_until = (
            datetime.date(year - 1, 6, 30)
            if decree == "expired"
            else datetime.date(year + 3, 12, 31)
        )
        item = Decree(
            workgroup=workgroup, number=f"188.45/{region.pk}/KPTS/{year - 2}", title="Pembentukan Pokja Bangga Kencana",
            signed_on=datetime.date(year - 2, 1, 5), issuer="regent",
            valid_from=datetime.date(year - 2, 1, 5), valid_until=valid_until,
        )  # fmt: skip
        if decree != "no_pdf":
            item.file.save("sk.pdf", ContentFile(pdf_bytes()), save=False)
        item.save()
    if plan:
        work_plan = WorkPlan.objects.create(
            workgroup=workgroup, year=year, status=plan,
            approved_on=datetime.date(year, 2, 1) if plan == "approved" else None,
            approver_name="Sekretaris Daerah" if plan == "approved" else "",
        )  # fmt: skip
        for i in range(activities):
            Activity.objects.create(
                plan=work_plan, title=f"Kegiatan {i + 1}", start_month=2, end_month=11
            )
    for indicator in Indicator.objects.order_by("order")[:indicators]:
        WorkGroupIndicator.objects.create(
            workgroup=workgroup, indicator=indicator, year=year, target=10
        )
    if budget is not None:
        BudgetAllocation.objects.create(
            workgroup=workgroup, year=year, source="apbd_regency", amount=budget
        )
    return workgroup
