"""Indicator imports as jobs (immediate backend; the real worker tests are in
test_import_worker.py): the API's 202 with `?background=1` or over the size threshold, the job
going from queued to succeeded with done == total, row-numbered failures that write nothing,
idempotent retries, a deleted input file, and who may follow the job."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from indicators.models import Value
from indicators.tests.helpers import csv_bytes, upload, xlsx_bytes
from jobs import engine
from jobs.models import Job

pytestmark = pytest.mark.django_db

URL = "/api/v1/regions/73.06/indicators/import"


def _rows(count=40):
    """`count` Gowa realisations (stunting, monthly and yearly periods over several years)."""
    periods = ["", *[f"{m:02d}" for m in range(1, 13)]]
    rows = []
    for year in range(2000, 2100):
        for period in periods:
            label = f"{year}-{period}" if period else ""
            rows.append(["73.06", "stunting", year, label, "realisasi", "12,5", "SSGI", ""])
            if len(rows) == count:
                return rows
    return rows


def _post(client, content, name="nilai.xlsx", query="?background=1"):
    return client.post(URL + query, {"file": SimpleUploadedFile(name, content)})


def test_background_import_answers_202_and_goes_from_queued_to_succeeded(
    personas, django_capture_on_commit_callbacks
):
    client = personas.api_client("gowa_operator")
    with django_capture_on_commit_callbacks() as callbacks:
        response = _post(client, xlsx_bytes(_rows(40)))
    assert response.status_code == 202
    data = response.json()
    assert response["Location"] == f"/api/v1/jobs/{data['id']}"
    assert data["kind"] == "indicators.import" and data["state"] == "queued"
    assert set(data) == {
        "id", "kind", "state", "done", "total", "messages", "result_url", "created_at",
        "finished_at",
    }  # fmt: skip
    assert not Value.objects.exists()
    job = Job.objects.get(pk=data["id"])
    assert job.input and job.input_name == "nilai.xlsx" and job.region.code == "73.06"

    with django_capture_on_commit_callbacks(execute=True):
        for callback in callbacks:  # the request's transaction commits: the job runs
            callback()

    data = client.get(response["Location"]).json()
    assert data["state"] == "succeeded" and data["done"] == data["total"] >= 40
    assert data["finished_at"] and data["result_url"] is None
    assert "40 baris diimpor" in data["messages"][-1]["message"]
    assert Value.objects.filter(region__code="73.06").count() == 40
    assert AuditEvent.objects.filter(code="indicators.imported").count() == 1
    assert AuditEvent.objects.filter(code="jobs.started", region_code="73.06").count() == 1
    job.refresh_from_db()
    assert not job.input  # the upload is deleted once the job finished
    assert [j["id"] for j in client.get("/api/v1/jobs").json()] == [job.pk]

    # The admins of Gowa's province follow it; a user of another region is told it does not exist.
    assert personas.api_client("sulsel_admin").get(response["Location"]).status_code == 200
    assert personas.api_client("sultra_admin").get(response["Location"]).status_code == 404
    assert personas.api_client("gowa_member").get(response["Location"]).status_code == 404


def test_a_small_file_is_still_imported_in_the_request(personas):
    response = _post(personas.api_client("gowa_operator"), xlsx_bytes(_rows(3)), query="")
    assert response.status_code == 200 and response.json()["values_created"] == 3
    assert not Job.objects.exists()


def test_a_file_over_the_threshold_always_runs_as_a_job(personas, settings, committed):
    settings.SIPOKJA_IMPORT_BACKGROUND_KB = 1
    content = csv_bytes(_rows(60))
    assert len(content) > 1024
    client = personas.api_client("gowa_operator")
    response = committed(_post, client, content, "nilai.csv", "")
    assert response.status_code == 202
    job = Job.objects.get(pk=response.json()["id"])
    assert job.state == "succeeded" and job.done == job.total
    assert Value.objects.count() == 60


def test_a_broken_spreadsheet_fails_the_job_with_row_numbered_messages(personas, committed):
    rows = _rows(5)
    rows[2][5] = "banyak"  # row 4, column F
    rows[4][0] = "99.99"  # row 6, column A
    client = personas.api_client("gowa_operator")
    response = committed(_post, client, xlsx_bytes(rows))
    assert response.status_code == 202
    data = client.get(response["Location"]).json()
    assert data["state"] == "failed" and data["finished_at"]
    located = [(m["row"], m["column"]) for m in data["messages"] if "row" in m]
    assert located == [(4, "F"), (6, "A")]
    assert "tidak ada yang disimpan" in data["messages"][0]["message"]
    assert not Value.objects.exists()
    assert not AuditEvent.objects.filter(code="indicators.imported").exists()
    assert not Job.objects.get(pk=data["id"]).input


def test_a_file_that_is_not_a_spreadsheet_is_refused_before_a_job_is_started(personas):
    response = _post(personas.api_client("gowa_operator"), b"%PDF-1.4 nope", "nilai.xlsx")
    assert response.status_code == 400 and "CSV" in response.json()["detail"]
    assert not Job.objects.exists()


def test_only_editors_of_the_region_start_an_import(personas):
    content = xlsx_bytes(_rows(2))
    assert _post(personas.api_client("gowa_member"), content).status_code == 403
    assert _post(personas.api_client("sultra_admin"), content).status_code == 404
    assert not Job.objects.exists()


def test_a_retried_job_does_not_import_twice(personas, committed):
    client = personas.api_client("gowa_operator")
    job_id = committed(_post, client, xlsx_bytes(_rows(10))).json()["id"]
    job = Job.objects.get(pk=job_id)
    assert job.state == "succeeded" and job.attempts == 1
    # The engine hands the same attempt, or a next one, to a worker again: nothing to claim.
    assert engine.run(job_id, 1) == "skipped"
    assert engine.run(job_id, 2) == "skipped"
    assert Value.objects.count() == 10
    assert AuditEvent.objects.filter(code="indicators.imported").count() == 1


def test_a_job_whose_file_was_deleted_fails_cleanly(personas, committed):
    client = personas.api_client("gowa_operator")
    response = _post(client, xlsx_bytes(_rows(4)))  # queued; its transaction not yet "committed"
    job = Job.objects.get(pk=response.json()["id"])
    job.input.storage.delete(job.input.name)

    committed(engine.hand_over, job.pk)

    data = client.get(response["Location"]).json()
    assert data["state"] == "failed"
    assert "sudah tidak ada" in data["messages"][0]["message"]
    assert not Value.objects.exists()


def test_a_job_whose_region_was_deleted_fails_cleanly(personas, committed):
    client = personas.api_client("gowa_operator")
    job = Job.objects.get(pk=_post(client, xlsx_bytes(_rows(4))).json()["id"])
    Job.objects.filter(pk=job.pk).update(region=None)
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "wilayah" in job.messages[0]["message"].lower()
    assert not Value.objects.exists()


def test_the_import_page_starts_a_job_and_shows_its_progress(personas, page_import):
    client = personas.client("gowa_operator")
    response, job = page_import(
        client, "/r/73.06/indicators/import/", {"file": upload(xlsx_bytes(_rows(12)))}
    )
    assert response.url == f"/jobs/{job.pk}/"
    assert (
        job.state == "succeeded"
        and job.done == job.total
        and job.created_by.username == ("gowa_operator")
    )
    page = client.get(response.url).content.decode()
    assert "<progress" in page and "12 baris diimpor" in page
    assert 'href="/r/73.06/indicators/"' in page
    assert Value.objects.count() == 12
    # Listed on Pekerjaan saya.
    assert job.title in client.get("/jobs/").content.decode()
