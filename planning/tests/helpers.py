"""Builders shared by the planning, budget and policies tests: Pokja, plans, activities,
indicators, institutions, real PDFs (WeasyPrint) and real workbooks (openpyxl)."""

import datetime
import functools
import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from core.tests.helpers import workbook_upload
from regions.models import Region

YEAR = 2025


def region(code):
    return Region.objects.get(code=code)


def workgroup(code="73.06", *, status="active", is_demo=False):
    from workgroups.models import WorkGroup

    wg = WorkGroup.objects.filter(region__code=code, status=status).first()
    if wg is None:
        r = region(code)
        wg = WorkGroup.objects.create(
            region=r, name=f"Pokja Bangga Kencana {r.name}", status=status, is_demo=is_demo
        )
    return wg


def institution(code="73.06", name="Dinas Kesehatan"):
    from workgroups.models import Institution

    return Institution.objects.get_or_create(
        region=region(code), name=name, defaults={"sector": "regional_government"}
    )[0]


def indicator(code="tfr", name="Angka Kelahiran Total (TFR)"):
    from indicators.models import Indicator

    obj, _created = Indicator.objects.get_or_create(
        code=code, defaults={"name": name, "unit": "anak per perempuan", "direction": "lower"}
    )
    if not obj.is_active:
        obj.is_active = True
        obj.save()
    return obj


def subgroup(code="tpps", name="Percepatan Penurunan Stunting (TPPS)"):
    from workgroups.models import SubGroup

    return SubGroup.objects.get_or_create(code=code, defaults={"name": name})[0]


def plan(code="73.06", year=YEAR, *, approved=False, activities=1, document=False):
    """A plan (draft or approved) with `activities` activities, written directly (version 1)."""
    from planning.models import Activity, WorkPlan

    wg = workgroup(code)
    p = WorkPlan.objects.create(workgroup=wg, year=year, title=f"Rencana Kerja {year}")
    for i in range(activities):
        Activity.objects.create(
            plan=p,
            title=f"Kegiatan {i + 1}",
            start_month=1 + i % 12,
            end_month=12,
            planned_cost=1_000_000,
            cost_source="apbd_regency",
        )
    if approved:
        WorkPlan.objects.filter(pk=p.pk).update(
            status="approved", approved_on=datetime.date(year, 1, 15), approver_name="Sekda"
        )
        p.refresh_from_db()
    if document:
        _attach_pdf(p, "document", "document_filename", "rk.pdf")
    return p


def _attach_pdf(record, field: str, filename_field: str, name: str):
    """Stores a PDF as `record`'s file `field` (its original name in `filename_field`) without
    going through the services, and reloads the record."""
    getattr(record, field).save(name, ContentFile(pdf_bytes()), save=False)
    type(record).objects.filter(pk=record.pk).update(
        **{field: getattr(record, field).name, filename_field: name}
    )
    record.refresh_from_db()


def allocation(
    code="73.06",
    year=YEAR,
    *,
    amount=100_000_000,
    realised=0,
    source="apbd_regency",
    document=False,
):
    from budget.models import BudgetAllocation

    a = BudgetAllocation.objects.create(
        workgroup=workgroup(code),
        year=year,
        source=source,
        amount=amount,
        realised=realised,
        realised_on=datetime.date(year, 6, 30) if realised else None,
    )
    if document:
        _attach_pdf(a, "document", "document_filename", "dpa.pdf")
    return a


def policy(code="73.06", *, kind="perbup_perwali", document=False, **extra):
    from policies.models import Policy

    fields = {
        "number": "12 Tahun 2023",
        "title": "Percepatan Penurunan Stunting",
        "status": "enacted",
        "issued_on": datetime.date(2023, 3, 20),
    } | extra
    p = Policy.objects.create(region=region(code), kind=kind, **fields)
    if document:
        _attach_pdf(p, "file", "original_filename", "perbup.pdf")
    return p


@functools.cache
def pdf_bytes() -> bytes:
    """A real one-page PDF made by WeasyPrint (cached for the test session)."""
    from weasyprint import HTML

    return HTML(string="<h1>Rencana Kerja</h1><p>Ditandatangani.</p>").write_pdf()


@functools.cache
def png_bytes() -> bytes:
    """A real 2×2 PNG photo stand-in made with Pillow."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_upload(name="dokumen.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def pdf_data(personas, kwargs):
    """Permission-matrix form data: a PDF document upload with the record's first version."""
    return {"_multipart": True, "version": "1", "file": pdf_upload()}


def filled_template(content: bytes, rows, *, name="kegiatan.xlsx") -> SimpleUploadedFile:
    """The downloaded template (bytes) with `rows` (lists in column order) written from row 5,
    as an upload: what an operator sends back."""
    workbook = load_workbook(io.BytesIO(content))
    sheet = workbook.worksheets[0]
    for offset, values in enumerate(rows):
        for column, value in enumerate(values, start=1):
            sheet.cell(row=5 + offset, column=column, value=value)
    return workbook_upload(workbook, name)


def activity_row(title="Rapat koordinasi", **overrides):
    """One template row: activity, sub-group, institutions, start, end, output, indicators,
    cost, source, status, progress note."""
    # The template's columns in their order, with the values of a row that is not overridden.
    columns = {
        "title": title,
        "subgroup": "Percepatan Penurunan Stunting (TPPS)",
        "institutions": "Dinas Kesehatan",
        "start_month": "Januari",
        "end_month": "Maret",
        "expected_output": "Notulen rapat",
        "indicators": "tfr",
        "planned_cost": "15.000.000",
        "cost_source": "APBD Kabupaten/Kota",
        "status": "",
        "progress_note": "",
    }
    row = columns | overrides
    return [row[k] for k in columns]


def template_for(plan_obj) -> bytes:
    from planning.excel import template_bytes

    return template_bytes(plan_obj)
