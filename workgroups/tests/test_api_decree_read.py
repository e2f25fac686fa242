"""POST /api/v1/regions/{code}/decrees/read (issue 26): a text SK answered in the request, a
scanned one through the OCR job the request waits for, errors, and that nothing is written."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from audit.models import AuditEvent
from jobs.models import Job
from workgroups.decree_reader import ocr as ocr_engine
from workgroups.models import Decree, Member
from workgroups.tests import decree_corpus as corpus

URL = "/api/v1/regions/73.06/decrees/read"
TEXT = corpus.CORPUS / "01-gowa-tabel-nama.pdf"
SCAN = corpus.CORPUS / "08-palopo-tabel-nama-scan.pdf"
KEYS = {
    "number",
    "date",
    "title",
    "issuer",
    "signatory",
    "valid_from",
    "valid_until",
    "members",
    "text_source",
    "confidence",
}


def _post(client, path, name=None, data=None):
    data = path.read_bytes() if data is None else data
    upload = SimpleUploadedFile(name or path.name, data, content_type="application/pdf")
    return client.post(URL, {"file": upload})


def test_text_sk_is_answered_in_the_request_and_nothing_is_written(personas, regions):
    client = personas.api_client("gowa_operator")
    audit_before = AuditEvent.objects.count()
    response = _post(client, TEXT)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == KEYS
    assert body["text_source"] == "text"
    scored = corpus.score(body, corpus.expected(TEXT))
    assert all(scored["fields"].values()), scored
    assert scored["precision"] >= 0.95 and scored["recall"] >= 0.95
    assert set(body["members"][0]) == {"name", "position", "institution"}
    # ISO dates
    assert body["date"] == corpus.expected(TEXT)["date"]
    assert not Job.objects.exists() and not Decree.objects.exists()
    assert not Member.objects.exists() and AuditEvent.objects.count() == audit_before


@pytest.mark.django_db(transaction=True)
def test_scanned_sk_is_read_by_the_ocr_job_the_request_waits_for(personas, regions):
    usable, detail = ocr_engine.tesseract_status()
    if not usable:
        pytest.skip(detail)
    response = _post(personas.api_client("gowa_operator"), SCAN)
    assert response.status_code == 200, response.content
    body = response.json()
    assert set(body) == KEYS and body["text_source"] == "ocr"
    scored = corpus.score(body, corpus.expected(SCAN))
    assert sum(scored["fields"].values()) >= 0.85 * len(scored["fields"])
    job = Job.objects.get()
    assert job.kind == "workgroups.read_decree" and job.state == Job.State.SUCCEEDED
    assert not Decree.objects.exists() and not Member.objects.exists()


def test_a_long_scan_answers_202_with_the_job(
    personas, regions, monkeypatch, django_capture_on_commit_callbacks
):
    usable, detail = ocr_engine.tesseract_status()
    if not usable:
        pytest.skip(detail)
    from workgroups import decree_import

    monkeypatch.setattr(decree_import, "WAIT_PAGES", 0)  # as if the scan had 11+ pages
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(personas.api_client("gowa_operator"), SCAN)
    assert response.status_code == 202
    job = Job.objects.get()
    assert response["Location"] == f"/api/v1/jobs/{job.pk}"
    assert response.json()["id"] == job.pk
    assert response.json()["state"] == "queued"
    job.refresh_from_db()
    assert job.state == Job.State.SUCCEEDED and job.result_name == "reading.json"
    reading = personas.api_client("gowa_operator").get(f"/api/v1/jobs/{job.pk}/result")
    assert reading.status_code == 200


def test_not_a_pdf_by_content_is_422(personas, regions):
    response = _post(
        personas.api_client("gowa_operator"), TEXT, name="sk.pdf", data=b"PK\x03\x04 not a pdf"
    )
    assert response.status_code == 422
    assert "PDF" in response.json()["detail"]


@override_settings(SIPOKJA_UPLOAD_MAX_MB=1)
def test_over_the_upload_limit_is_413(personas, regions):
    data = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    response = _post(personas.api_client("gowa_operator"), TEXT, data=data)
    assert response.status_code == 413
    assert "MB" in response.json()["detail"]


def test_scope_and_right(personas, regions):
    assert _post(personas.api_client("sultra_admin"), TEXT).status_code == 404
    assert _post(personas.api_client("gowa_member"), TEXT).status_code == 403


def test_a_scan_without_tesseract_is_422_naming_the_packages(
    personas, regions, monkeypatch, tmp_path
):
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on PATH
    ocr_engine.tesseract_status.cache_clear()
    try:
        client = personas.api_client("gowa_operator")
        assert _post(client, TEXT).status_code == 200  # text PDFs still work
        response = _post(client, SCAN)
        assert response.status_code == 422
        assert "tesseract-ocr-ind" in response.json()["detail"]
        assert not Job.objects.exists()
    finally:
        ocr_engine.tesseract_status.cache_clear()
