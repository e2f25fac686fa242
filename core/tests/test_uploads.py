import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import safe_filename, stored_name, validate_pdf, validate_xlsx


def _pdf_bytes():
    from weasyprint import HTML

    return HTML(string="<p>SK Pokja</p>").write_pdf()


def _zip_bytes(names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return buffer.getvalue()


def test_real_pdf_is_accepted():
    validate_pdf(SimpleUploadedFile("sk.pdf", _pdf_bytes()))


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.7 but truncated garbage",
        b"hello",
        _zip_bytes(["word/document.xml", "[Content_Types].xml"]),  # a .docx renamed to .pdf
    ],
)
def test_non_pdf_is_refused(content):
    with pytest.raises(ValidationError) as info:
        validate_pdf(SimpleUploadedFile("sk.pdf", content))
    assert info.value.code == "not_pdf"


def test_size_limit(settings):
    settings.SIPOKJA_UPLOAD_MAX_MB = 1
    with pytest.raises(ValidationError) as info:
        validate_pdf(SimpleUploadedFile("sk.pdf", b"%PDF-" + b"0" * (1024 * 1024 + 1)))
    assert info.value.code == "too_large"


def test_xlsx_with_macros_is_refused():
    content = _zip_bytes(["xl/workbook.xml", "xl/vbaProject.bin"])
    with pytest.raises(ValidationError) as info:
        validate_xlsx(SimpleUploadedFile("a.xlsx", content))
    assert info.value.code == "macro"


def test_stored_names_are_not_guessable():
    first, second = stored_name("decrees", "pdf"), stored_name("decrees", "pdf")
    assert first != second and first.startswith("decrees/") and first.endswith(".pdf")


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ("../../etc/passwd", "passwd"),
        ("SK Gowa.pdf", "SK Gowa.pdf"),
        ('a"b\r\n.pdf', "a_b_.pdf"),
        ("", "dokumen"),
    ],
)
def test_safe_filename(raw, safe):
    assert safe_filename(raw) == safe
