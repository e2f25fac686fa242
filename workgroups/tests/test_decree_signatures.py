"""Uploaded SKs are checked: a signed SK shows its signer, a changed one is flagged, an unsigned
scan says so; without a trust root the page says the signer was not verified."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.pki import make_pki, sign
from workgroups.models import Decree
from workgroups.tests.helpers import decree_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def pki():
    return make_pki(signer_name="Andi Husni")


def _upload(personas, data: bytes):
    client = personas.client("gowa_operator")
    response = client.post(
        reverse("workgroups:decree_create", args=["73.06"]),
        decree_fields(upload=SimpleUploadedFile("SK Gowa.pdf", data, "application/pdf")),
    )
    assert response.status_code == 302, response.content.decode()[:500]
    page = client.get(reverse("workgroups:decrees", args=["73.06"])).content.decode()
    return Decree.objects.get(), page


def _modified_after_signing(signed: bytes) -> bytes:
    """What a PDF editor does to a signed file: an incremental update that adds text."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    writer.add_stream_to_page(
        0, generic.StreamObject(stream_data=b"BT /F1 24 Tf 100 100 Td (PALSU) Tj ET")
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_signed_sk_shows_signer_and_intact_signature_not_verified_without_trust_root(
    personas, gowa_pokja, sk_pdf, pki
):
    decree, page = _upload(personas, sign(sk_pdf, pki))

    assert decree.signature_state == Decree.SignatureState.VALID
    [signature] = decree.signature_details
    assert (signature["signer"], signature["intact"], signature["trusted"]) == (
        "Andi Husni",
        True,
        False,
    )
    assert signature["signed_at"] and decree.signature_checked_at
    assert "Ditandatangani oleh Andi Husni" in page
    assert "penanda tangan belum diverifikasi terhadap CA tepercaya" in page


def test_signed_sk_is_verified_against_a_configured_trust_root(
    personas, gowa_pokja, sk_pdf, pki, settings, tmp_path
):
    roots = tmp_path / "roots.pem"
    roots.write_bytes(pki.ca_pem)
    settings.SIPOKJA_SIGNATURE_TRUST_ROOTS = str(roots)

    decree, page = _upload(personas, sign(sk_pdf, pki))

    assert decree.signature_details[0]["trusted"] and decree.signature_trust_configured
    assert "terverifikasi terhadap otoritas sertifikat tepercaya" in page


def test_sk_changed_after_signing_is_flagged(personas, gowa_pokja, sk_pdf, pki):
    decree, page = _upload(personas, _modified_after_signing(sign(sk_pdf, pki)))

    assert decree.signature_state == Decree.SignatureState.TAMPERED
    assert decree.signature_details[0]["covers_whole_file"] is False
    assert "Diubah setelah ditandatangani" in page


def test_sk_with_signed_bytes_altered_is_flagged(personas, gowa_pokja, sk_pdf, pki):
    signed = sign(sk_pdf, pki)
    altered = signed.replace(b"/Producer", b"/Producex", 1)
    assert altered != signed

    decree, page = _upload(personas, altered)

    assert decree.signature_state == Decree.SignatureState.TAMPERED
    assert decree.signature_details[0]["intact"] is False
    assert "Tanda tangan rusak" in page


def test_unsigned_scan_says_so(personas, gowa_pokja, sk_pdf):
    decree, page = _upload(personas, sk_pdf)

    assert decree.signature_state == Decree.SignatureState.UNSIGNED
    assert decree.signature_details == []
    assert "Tidak bertanda tangan elektronik" in page


def test_api_upload_is_checked_and_reported(personas, gowa_pokja, sk_pdf, pki):
    client = personas.api_client("gowa_operator")
    response = client.post(
        "/api/v1/regions/73.06/workgroup/decrees",
        decree_fields(file=SimpleUploadedFile("sk.pdf", sign(sk_pdf, pki), "application/pdf")),
    )

    body = response.json()
    assert response.status_code == 201
    assert body["signature_state"] == "valid"
    assert body["signatures"][0]["signer"] == "Andi Husni"


def test_command_checks_decrees_uploaded_before_the_check(personas, gowa_pokja, sk_pdf, pki):
    decree, _page = _upload(personas, sign(sk_pdf, pki))
    Decree.objects.filter(pk=decree.pk).update(signature_state="", signature_details=[])
    out = io.StringIO()

    call_command("check_decree_signatures", stdout=out)

    decree.refresh_from_db()
    assert decree.signature_state == "valid" and decree.signature_details[0]["signer"]
    assert "valid: 1" in out.getvalue()
