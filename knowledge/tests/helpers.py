"""Builders for the strategic-issue and knowledge-centre tests: issues written directly, real
files (PDF by WeasyPrint, XLSX by openpyxl, DOCX as a real Office Open XML package)."""

import datetime
import functools
import io
import zipfile

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from knowledge.models import KnowledgeDocument, StrategicIssue
from planning.tests import helpers as h
from regions.models import Region

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def region(code):
    return Region.objects.get(code=code)


def issue(code="73.06", *, title="Stunting tinggi", theme="stunting", priority="high", **extra):
    """An issue written directly (version 1), 2025–2029."""
    fields = {"period_start": 2025, "period_end": 2029} | extra
    return StrategicIssue.objects.create(
        region=region(code), title=title, theme=theme, priority=priority, **fields
    )


def pdf_bytes() -> bytes:
    return h.pdf_bytes()


@functools.cache
def xlsx_bytes() -> bytes:
    workbook = Workbook()
    workbook.active["A1"] = "Templat"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="{main}"/>'
    "{extra}</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)
_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Panduan Pokja</w:t></w:r></w:p></w:body></w:document>"
)
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


@functools.cache
def docx_bytes(*, macros=False) -> bytes:
    """A minimal real Word package; with `macros`, a macro-enabled one (.docm content)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        extra = (
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
            if macros
            else ""
        )
        archive.writestr(
            "[Content_Types].xml",
            _CONTENT_TYPES.format(main=DOCM_MAIN if macros else DOCX_MAIN, extra=extra),
        )
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("word/document.xml", _DOCUMENT)
        if macros:
            archive.writestr("word/vbaProject.bin", b"\x00macro")
    return buffer.getvalue()


@functools.cache
def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not an office document")
    return buffer.getvalue()


def upload(content: bytes, name="panduan.pdf", content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def pdf_upload(name="panduan.pdf"):
    return upload(pdf_bytes(), name)


def document(
    *,
    publisher="73",
    title="Panduan Penganggaran Pokja",
    category="budget",
    kind="guide",
    description="Cara menganggarkan operasional Pokja dalam APBD.",
    issued_on=datetime.date(2025, 3, 1),
    is_published=True,
    content=None,
    file_format="pdf",
):
    """A document written directly (version 1) with a real file."""
    doc = KnowledgeDocument(
        publisher=region(publisher) if publisher else None,
        title=title,
        category=category,
        kind=kind,
        description=description,
        edition="1.0",
        issued_on=issued_on,
        is_published=is_published,
        file_format=file_format,
        original_filename=f"panduan.{file_format}",
    )
    doc.file.save(f"document.{file_format}", ContentFile(content or pdf_bytes()), save=False)
    doc.save()
    return doc
