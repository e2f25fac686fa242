"""Bad files and file names: malformed, truncated, huge and macro-enabled spreadsheets sent to
every import (members, activities, indicators), files that claim to be PDFs and are not, and
path traversal in file names. Each gives a clear error and writes nothing."""

import datetime
import io
import zipfile

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override
from openpyxl import Workbook

from assessment.tests.factories import make_pokja, pdf_bytes
from audit.models import AuditEvent
from core.errors import DomainError
from indicators.models import Target, Value
from planning.models import Activity
from workgroups import services as workgroup_services
from workgroups.models import Decree, Institution, Member

YEAR = datetime.date.today().year
IMPORTS = {
    "members": "/r/73.06/pokja/members/import/",
    "activities": f"/r/73.06/plans/{YEAR}/activities/import/",
    "indicators": "/r/73.06/indicators/import/",
}


# An amending decree (SK perubahan) of Gowa's Pokja, without its number and file.
_AMENDMENT = {
    "title": "Perubahan",
    "kind": "amendment",
    "issuer": "regent",
    "signed_on": datetime.date(2025, 1, 5),
    "valid_from": datetime.date(2025, 1, 5),
}


def _xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Nama", "Jabatan"])
    workbook.active.append(["Nur Aisyah", "Kepala Seksi"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _with_macros() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_xlsx())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return buffer.getvalue()


BAD_SPREADSHEETS = {
    "garbage": ("data.xlsx", b"\x00\x01\x02 this is not a workbook"),
    "truncated": ("data.xlsx", _xlsx()[:700]),
    "pdf named xlsx": ("data.xlsx", pdf_bytes()),
    "macro-enabled xlsm": ("data.xlsm", _with_macros()),
    "macro in an xlsx": ("data.xlsx", _with_macros()),
    "huge": ("data.xlsx", b"PK\x03\x04" + b"0" * (1024 * 1024 + 10)),
    "empty": ("data.xlsx", b""),
}


def _counts():
    return (
        Member.objects.count(),
        Institution.objects.count(),
        Activity.objects.count(),
        Target.objects.count(),
        Value.objects.count(),
        Decree.objects.count(),
        AuditEvent.objects.count(),
    )


def _shown_errors(response) -> list[str]:
    """The messages the page shows for a refused upload (form errors, import problems or
    messages)."""
    found = []
    for context in response.context:
        for layer in context.dicts:
            for key, value in layer.items():
                if hasattr(value, "errors") and hasattr(value, "fields") and value.errors:
                    found += [str(m) for errors in value.errors.values() for m in errors]
                elif key in ("problems", "errors", "import_errors") and value:
                    found += [
                        str(p.get("message", p)) if isinstance(p, dict) else str(p) for p in value
                    ]
    found += [str(m) for m in response.context.get("messages", [])]
    return found


@pytest.fixture
def gowa(personas, settings):
    settings.SIPOKJA_UPLOAD_MAX_MB = 1
    make_pokja("73.06", YEAR, plan="draft")
    return personas.client("gowa_operator")


@pytest.mark.parametrize("kind", BAD_SPREADSHEETS)
@pytest.mark.parametrize("target", IMPORTS)
def test_bad_spreadsheets_are_refused_with_a_message_and_write_nothing(gowa, target, kind):
    name, content = BAD_SPREADSHEETS[kind]
    before = _counts()
    with override("id"):
        response = gowa.post(IMPORTS[target], {"file": SimpleUploadedFile(name, content)})
    assert response.status_code == 200
    shown = _shown_errors(response)
    assert shown and all(message.strip() for message in shown), shown
    if kind == "huge":
        assert any("MB" in message for message in shown), shown
    if kind.startswith("macro"):
        assert any("makro" in message.lower() for message in shown), shown
    assert _counts() == before


NOT_PDFS = {
    "truncated pdf": b"%PDF-1.7\n1 0 obj << /Type /Catalog",
    "html named pdf": b"<html><script>alert(1)</script></html>",
    "zip named pdf": _xlsx(),
    "pdf header, then garbage": b"%PDF-1.4\n" + b"\x00garbage" * 50,
    "empty": b"",
}


@pytest.mark.parametrize("kind", NOT_PDFS)
def test_files_that_claim_to_be_pdfs_are_refused_and_nothing_is_written(gowa, kind):
    from workgroups.models import WorkGroup

    workgroup = WorkGroup.objects.get(region__code="73.06")
    before = _counts()
    with override("id"), pytest.raises((DomainError, ValidationError)) as info:
        workgroup_services.add_decree(
            by=None,
            workgroup=workgroup,
            file=SimpleUploadedFile("SK.pdf", NOT_PDFS[kind], content_type="application/pdf"),
            number="188.45/99/KPTS/2025",
            **_AMENDMENT,
        )
    message = " ".join(getattr(info.value, "messages", [getattr(info.value, "message", "")]))
    assert "PDF" in message or "kosong" in message, message
    assert _counts() == before


def test_a_file_name_with_path_traversal_is_stored_under_a_random_name(gowa):
    from workgroups.models import WorkGroup

    workgroup = WorkGroup.objects.get(region__code="73.06")
    decree = workgroup_services.add_decree(
        by=None,
        workgroup=workgroup,
        file=SimpleUploadedFile("../../etc/passwd.pdf", pdf_bytes()),
        number="188.45/98/KPTS/2025",
        **_AMENDMENT,
    )
    media_root = django_settings.MEDIA_ROOT.resolve()
    stored = django_settings.MEDIA_ROOT.joinpath(decree.file.name).resolve()
    assert stored.is_relative_to(media_root) and stored.is_file()
    assert ".." not in decree.file.name and "passwd" not in decree.file.name
    assert len(stored.stem) == 32  # a random hex name
    assert "/" not in decree.original_filename and ".." not in decree.original_filename

    download = gowa.get(f"/r/73.06/pokja/decrees/{decree.pk}/file/")
    assert download.status_code == 200
    disposition = download["Content-Disposition"]
    assert disposition.startswith("attachment;") and ".." not in disposition
    assert "/" not in disposition.split("filename*=", 1)[0]
