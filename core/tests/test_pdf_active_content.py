"""Finding 7 of issue 17: an uploaded PDF with active content (JavaScript, a launch action, an
embedded file, an action run on opening) is refused with a clear Indonesian message, by
`core.uploads.validate_pdf` (every PDF upload) and so by the decree upload of the API."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from assessment.tests.factories import make_pokja, pdf_bytes
from core.uploads import validate_pdf
from workgroups.models import Decree


def _writer() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def _bytes(writer) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def open_action_javascript() -> bytes:
    """The probe's PDF: `/OpenAction` running JavaScript when the document opens."""
    writer = _writer()
    action = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject("app.alert('SK');"),
        }
    )
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _bytes(writer)


def document_javascript() -> bytes:
    """A script in the document's name tree (`/Names /JavaScript`), run when it opens."""
    writer = _writer()
    action = writer._add_object(
        DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("this.print({bUI:true});"),
            }
        )
    )
    scripts = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("cetak"), action])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(scripts)}
    )
    return _bytes(writer)


def launch_action() -> bytes:
    writer = _writer()
    page = writer.pages[0]
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): ArrayObject([NumberObject(0)] * 4),
            NameObject("/A"): DictionaryObject(
                {
                    NameObject("/S"): NameObject("/Launch"),
                    NameObject("/F"): TextStringObject("cmd.exe"),
                }
            ),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _bytes(writer)


def embedded_file() -> bytes:
    writer = _writer()
    writer.add_attachment("lampiran.exe", b"MZ\x90\x00 not really a program")
    return _bytes(writer)


def obfuscated_javascript() -> bytes:
    """`/J#61vaScript` is `/JavaScript` written with a hex escape, to slip past a byte search."""
    data = open_action_javascript()
    data = data.replace(b"/S /JavaScript", b"/S /J#61vaScript").replace(b"/JS ", b"/J#53 ")
    assert b"/JavaScript" not in data
    return data


ACTIVE = {
    "open action with JavaScript": (open_action_javascript, "JS"),
    "document-level JavaScript": (document_javascript, "JavaScript"),
    "launch action": (launch_action, "Launch"),
    "embedded file": (embedded_file, "EmbeddedFile"),
    "obfuscated name": (obfuscated_javascript, "JS"),
}


@pytest.mark.parametrize("kind", ACTIVE)
def test_pdfs_with_active_content_are_refused(kind):
    make, element = ACTIVE[kind]
    with override("id"), pytest.raises(ValidationError) as info:
        validate_pdf(SimpleUploadedFile("sk.pdf", make()))
    assert info.value.code == "active_content"
    message = " ".join(info.value.messages)
    assert "konten aktif" in message and "PDF" in message, message
    assert re.search(r"\(\w+:", message)


def test_an_open_action_that_only_opens_a_page_is_accepted():
    writer = _writer()
    writer._root_object[NameObject("/OpenAction")] = ArrayObject(
        [writer.pages[0].indirect_reference, NameObject("/Fit")]
    )
    validate_pdf(SimpleUploadedFile("sk.pdf", _bytes(writer)))


def test_an_ordinary_pdf_is_accepted():
    validate_pdf(SimpleUploadedFile("sk.pdf", pdf_bytes()))


def test_the_decree_upload_refuses_a_javascript_pdf(personas):
    """The probe's reproduction: a decree PDF with an `/OpenAction` JavaScript action sent to
    the API is refused (422 with the message) and nothing is stored."""
    make_pokja("73.06", 2025)
    client = personas.api_client("gowa_operator")
    before = Decree.objects.count()
    response = client.post(
        "/api/v1/regions/73.06/workgroup/decrees",
        {
            "number": "188.45/77/KPTS/2025",
            "title": "Perubahan Pokja",
            "kind": "amendment",
            "issuer": "regent",
            "signed_on": "2025-01-05",
            "valid_from": "2025-01-05",
            "file": SimpleUploadedFile("SK.pdf", open_action_javascript(), "application/pdf"),
        },
        headers={"accept-language": "id"},
    )
    assert response.status_code in (400, 422), response.content
    assert "konten aktif" in response.content.decode()
    assert Decree.objects.count() == before
