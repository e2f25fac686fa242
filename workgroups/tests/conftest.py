"""Fixtures of the Pokja registry tests: a Gowa Pokja with an SK (a real PDF made with
WeasyPrint), institutions and members, and a builder for filled-in members workbooks."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from workgroups import services
from workgroups.models import Member, SubGroup
from workgroups.tests.helpers import sk_pdf_bytes


@pytest.fixture
def sk_pdf(regions):
    """Bytes of a real SK PDF (rendered once per test session)."""
    return sk_pdf_bytes()


@pytest.fixture
def docx_bytes():
    """A real .docx (a zip with a Word document), to be renamed to .pdf."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.fixture
def gowa(regions):
    return regions["73.06"]


@pytest.fixture
def gowa_pokja(personas, gowa):
    """Gowa's Pokja with three sub-groups, two institutions and three members."""
    subgroups = list(SubGroup.objects.filter(code__in=["advokasi", "tpps", "kie"]))
    workgroup = services.create_workgroup(
        by=personas.gowa_operator,
        region=gowa,
        name="Pokja Bangga Kencana Kabupaten Gowa",
        formed_on=datetime.date(2023, 7, 12),
        secretariat_office="DPPKB Kabupaten Gowa",
        contact_name="Sekretariat",
        contact_phone="0411 861 234",
        contact_email="sekretariat@gowakab.example",
        subgroups=subgroups,
    )
    bappeda = services.create_institution(
        by=personas.gowa_operator,
        region=gowa,
        name="Bappeda Kabupaten Gowa",
        sector="regional_government",
    )
    pkk = services.create_institution(
        by=personas.gowa_operator, region=gowa, name="TP-PKK Kabupaten Gowa", sector="community"
    )
    tpps = SubGroup.objects.get(code="tpps")
    for name, role, institution, phone, email in [
        ("Andi Makkasau", Member.Role.CHAIR, bappeda, "081234567890", "andi@gowakab.example"),
        (
            "Sitti Rahmawati",
            Member.Role.SECRETARY,
            bappeda,
            "081355500011",
            "sitti@gowakab.example",
        ),
        ("Hasnah Daeng Ngemba", Member.Role.MEMBER, pkk, "085299912345", "hasnah@pkk.example"),
    ]:
        services.create_member(
            by=personas.gowa_operator,
            workgroup=workgroup,
            name=name,
            role=role,
            institution=institution,
            subgroup=tpps,
            phone=phone,
            email=email,
            position="Kepala Bidang",
        )
    return workgroup


@pytest.fixture
def gowa_decree(personas, gowa_pokja, sk_pdf):
    return services.add_decree(
        by=personas.gowa_operator,
        workgroup=gowa_pokja,
        number="188.45/76/KPTS/2023",
        title="Pembentukan Kelompok Kerja Bangga Kencana Kabupaten Gowa",
        signed_on=datetime.date(2023, 7, 12),
        issuer="regent",
        valid_from=datetime.date(2023, 7, 12),
        valid_until=datetime.date(2027, 12, 31),
        file=SimpleUploadedFile("SK Pokja Gowa.pdf", sk_pdf, content_type="application/pdf"),
    )
