"""A recap issued as a numbered, signed letter: pyHanko validates it (intact, covering the
whole file), its verification page shows the same hash, a modified copy is reported as
different."""

import hashlib
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from audit.models import AuditEvent
from letters.models import IssuedDocument, Letter

pytestmark = pytest.mark.django_db


def _issue(personas, sign=True, year=2025):
    client = personas.client("sulsel_admin")
    response = client.post(
        reverse("assessment:recap_letter", kwargs={"code": "73"}),
        {"year": str(year), **({"sign": "1"} if sign else {})},
    )
    return client, response


def _pdf_bytes(document):
    with document.file.open("rb") as handle:
        return handle.read()


def _validate(data, pki):
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(data))
    signatures = reader.embedded_signatures
    assert len(signatures) == 1
    status = validate_pdf_signature(signatures[0], ValidationContext(trust_roots=[pki.ca_asn1()]))
    return status, SignatureCoverageLevel


def test_signed_recap_validates_and_covers_the_whole_file(personas, env_certificate):
    client, response = _issue(personas)

    document = IssuedDocument.objects.get()
    letter = Letter.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("letters:detail", kwargs={"code": "73", "pk": letter.pk})
    assert (letter.letter_type, letter.serial, document.letter_id) == ("recap", 1, letter.pk)
    assert document.is_signed and document.signer_name == env_certificate.signer_name
    data = _pdf_bytes(document)
    status, coverage = _validate(data, env_certificate)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == coverage.ENTIRE_FILE
    assert status.bottom_line
    assert hashlib.sha256(data).hexdigest() == document.sha256
    # The number, the verification code and its URL were drawn before signing.
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    assert letter.number in text
    assert document.code[:5] in text and document.code[5:] in text
    assert f"/verifikasi/{document.code}" in text.replace("\n", "")


def test_verification_page_shows_the_hash_and_compares_copies(personas, env_certificate):
    _issue(personas)
    document = IssuedDocument.objects.get()
    data = _pdf_bytes(document)
    public = personas.client("anonymous")
    url = reverse("letters:verify", kwargs={"code": document.code})
    assert url == f"/verifikasi/{document.code}"

    page = public.get(url)

    content = page.content.decode()
    assert page.status_code == 200
    assert document.sha256 in content and document.number in content
    assert env_certificate.signer_name in content

    same = public.post(url, {"file": SimpleUploadedFile("rekap.pdf", data)})
    assert "Berkas sama" in same.content.decode()

    modified = data.replace(b"/Producer", b"/Producex", 1)
    assert modified != data
    different = public.post(url, {"file": SimpleUploadedFile("rekap.pdf", modified)})
    body = different.content.decode()
    assert "Berkas berbeda" in body and hashlib.sha256(modified).hexdigest() in body


def test_a_modified_copy_fails_pyhanko_validation(personas, env_certificate):
    _issue(personas)
    data = _pdf_bytes(IssuedDocument.objects.get())
    modified = data.replace(b"/Producer", b"/Producex", 1)

    status, _coverage = _validate(modified, env_certificate)

    assert not status.intact


def test_recap_without_signature_is_numbered_and_verifiable(personas):
    _client, response = _issue(personas, sign=False)

    document = IssuedDocument.objects.get()
    assert response.status_code == 302
    assert not document.is_signed and document.signer_name == ""
    assert document.number == Letter.objects.get().number
    assert PdfReader(io.BytesIO(_pdf_bytes(document))).pages
    assert AuditEvent.objects.filter(model="letters.IssuedDocument").exists()


def test_signing_without_certificate_takes_no_number(personas):
    client, response = _issue(personas, sign=True)

    assert response.status_code == 302
    assert not Letter.objects.exists() and not IssuedDocument.objects.exists()
    follow = client.get(response["Location"])
    assert "sertifikat" in follow.content.decode().lower()
