"""The templates Sipokja generates for the knowledge centre: an SK skeleton that follows the
structure of a Keputusan Kepala Daerah (docs/domain.md §7), and the work-plan and members
spreadsheets the planning and workgroups apps import."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook
from pypdf import PdfReader

from knowledge.models import KnowledgeDocument
from knowledge.seed import SYSTEM_TEMPLATES, seed_system_templates
from planning.tests import helpers as h

pytestmark = pytest.mark.django_db


def _pdf_text(document) -> str:
    with document.file.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return "\n".join(page.extract_text() for page in reader.pages)


def _workbook(document):
    with document.file.open("rb") as handle:
        return load_workbook(io.BytesIO(handle.read()))


def test_seed_knowledge_is_idempotent_and_marks_generated_templates(regions):
    out = io.StringIO()
    call_command("seed_knowledge", stdout=out)
    assert "4 created" in out.getvalue()
    call_command("seed_knowledge", stdout=out)
    assert "0 created, 4 already present" in out.getvalue()

    documents = KnowledgeDocument.objects.all()
    assert documents.count() == len(SYSTEM_TEMPLATES) == 4
    assert all(
        d.is_generated and d.is_published and d.publisher is None and d.kind == "template"
        for d in documents
    )
    assert {d.generator: d.file_format for d in documents} == {
        "sk-skeleton-regency": "pdf",
        "sk-skeleton-province": "pdf",
        "work-plan-template": "xlsx",
        "members-template": "xlsx",
    }


def test_sk_skeleton_follows_the_structure_of_a_decree(regions):
    seed_system_templates()
    text = _pdf_text(KnowledgeDocument.objects.get(generator="sk-skeleton-regency"))
    flat = " ".join(text.split())
    parts = [
        "BUPATI/WALI KOTA",
        "KEPUTUSAN BUPATI/WALI KOTA",
        "NOMOR",
        "TENTANG",
        "PEMBENTUKAN KELOMPOK KERJA",
        "DENGAN RAHMAT TUHAN YANG MAHA ESA",
        "Menimbang",
        "Mengingat",
        "MEMUTUSKAN",
        "Menetapkan",
        "KESATU",
        "KEDUA",
        "KETIGA",
        "KEEMPAT",
        "Ditetapkan di",
        "pada tanggal",
        "LAMPIRAN",
        "SUSUNAN KEANGGOTAAN",
    ]
    position = 0
    for part in parts:  # each part appears, in this order
        position = flat.find(part, position)
        assert position >= 0, f"{part!r} missing or out of order"
    assert "Kedudukan" in flat and "Jabatan/Instansi" in flat
    assert "Sekretaris Daerah" in flat

    province = " ".join(
        _pdf_text(KnowledgeDocument.objects.get(generator="sk-skeleton-province")).split()
    )
    assert "KEPUTUSAN GUBERNUR" in province and "kabupaten/kota" in province


def test_work_plan_template_imports_like_the_planning_one(regions):
    from planning.excel import read_activities

    seed_system_templates()
    document = KnowledgeDocument.objects.get(generator="work-plan-template")
    with document.file.open("rb") as handle:
        content = handle.read()
    plan = h.plan("73.06", 2026, activities=0)
    h.indicator("tfr")
    h.subgroup()
    h.institution("73.06", "Dinas Kesehatan")

    rows, errors = read_activities(plan, h.filled_template(content, [h.activity_row()]))

    assert errors == []
    assert [row.activity.title for row in rows] == ["Rapat koordinasi"]


def test_members_template_has_the_import_headers(regions):
    from workgroups.xlsx import COLUMNS

    seed_system_templates()
    workbook = _workbook(KnowledgeDocument.objects.get(generator="members-template"))
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]][: len(COLUMNS)]
    assert all(
        str(column.label) in (header or "") for column, header in zip(COLUMNS, headers, strict=True)
    )
