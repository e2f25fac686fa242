"""The office certificate: uploaded by the national admin, stored encrypted, used to sign."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEvent
from core.pdf_signatures import VALID, check_pdf_signatures
from letters import services
from letters.models import IssuedDocument, OfficeCertificate
from tests.pki import PASSWORD, make_pki

pytestmark = pytest.mark.django_db


def _upload(client, pki, password=PASSWORD, **extra):
    return client.post(
        reverse("letters:certificate", args=["73"]),
        {
            "file": SimpleUploadedFile("kantor.p12", pki.p12),
            "password": password,
            "signer_title": "Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan",
            **extra,
        },
    )


def test_national_admin_uploads_a_certificate_kept_encrypted(personas, pki):
    response = _upload(personas.client("national_admin"), pki)

    stored = OfficeCertificate.objects.get()
    assert response.status_code == 302
    assert stored.signer_name == pki.signer_name
    assert "Sipokja Test CA" in stored.issuer
    assert pki.p12 not in bytes(stored.secret) and PASSWORD.encode() not in bytes(stored.secret)
    event = AuditEvent.objects.get(model="letters.OfficeCertificate")
    assert "secret" not in event.changes and "fingerprint" in event.changes


def test_wrong_password_or_file_is_refused_with_a_clear_message(personas, pki):
    client = personas.client("national_admin")
    wrong = _upload(client, pki, password="salah")
    not_p12 = client.post(
        reverse("letters:certificate", args=["73"]),
        {"file": SimpleUploadedFile("kantor.p12", b"%PDF-1.7 bukan sertifikat"), "password": "x"},
    )

    assert "kata sandinya salah" in wrong.content.decode()
    assert "PKCS#12" in not_p12.content.decode()
    assert not OfficeCertificate.objects.exists()


def test_expired_certificate_is_refused(personas, regions):
    expired = make_pki(signer_name="Pejabat Lama", days=-1)
    with pytest.raises(Exception, match="kedaluwarsa|expired"):
        services.upload_certificate(
            by=personas.national_admin, office=regions["73"], p12=expired.p12, password=PASSWORD
        )


def test_uploaded_certificate_signs_the_offices_documents(personas, regions, pki):
    _upload(personas.client("national_admin"), pki, signer_name="Dr. Sitti Aminah")
    from weasyprint import HTML

    document = services.issue_document(
        by=personas.sulsel_admin,
        office=regions["73"],
        title="Surat uji",
        render=lambda stamp: HTML(string=f"<p>{stamp.code}</p>").write_pdf(),
        sign=True,
    )

    with document.file.open("rb") as handle:
        report = check_pdf_signatures(handle.read(), extra_trust_roots=[pki.ca_asn1()])
    assert document.signer_name == "Dr. Sitti Aminah"
    assert document.signer_title == "Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan"
    assert report.state == VALID and report.signatures[0].trusted
    assert report.signatures[0].signer == pki.signer_name


def test_removing_the_certificate(personas, pki):
    client = personas.client("national_admin")
    _upload(client, pki)
    response = client.post(reverse("letters:certificate_remove", args=["73"]))

    assert response.status_code == 302 and not OfficeCertificate.objects.exists()
    assert AuditEvent.objects.filter(model="letters.OfficeCertificate", action="delete").exists()


def test_the_certificate_is_never_served(personas, pki):
    client = personas.client("national_admin")
    _upload(client, pki)
    page = client.get(reverse("letters:certificate", args=["73"]))

    assert page.status_code == 200
    assert b"BEGIN" not in page.content and not IssuedDocument.objects.exists()
    assert io.BytesIO(page.content).read().count(pki.signer_name.encode()) >= 1
