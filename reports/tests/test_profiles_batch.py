"""The profiles batch: every Pokja profile PDF of a province and its kab/kota as one ZIP, made
by a background job that is started from the API or the province dashboard."""

import io
import zipfile

import pytest
from pypdf import PdfReader

from assessment.tests.factories import make_pokja
from jobs.models import Job
from reports.tests.helpers import pdf_text

YEAR = 2025
JOB_FIELDS = {
    "id", "kind", "state", "done", "total", "messages", "result_url", "created_at", "finished_at",
}  # fmt: skip


@pytest.fixture
def gowa_pokja(regions):
    return make_pokja("73.06", YEAR)


def test_the_api_batch_gives_a_zip_of_valid_profile_pdfs(
    personas, gowa_pokja, django_capture_on_commit_callbacks
):
    client = personas.api_client("sulsel_admin")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/api/v1/regions/73/reports/profiles?year={YEAR}")
    assert response.status_code == 202
    started = response.json()
    assert set(started) == JOB_FIELDS
    assert started["kind"] == "reports.profiles_zip" and started["state"] == "queued"
    assert response["Location"] == f"/api/v1/jobs/{started['id']}"

    job = client.get(response["Location"]).json()
    assert job["state"] == "succeeded" and job["done"] == job["total"] == 25  # 73 + 24 kab/kota
    assert job["finished_at"] and job["messages"] == []
    download = client.get(job["result_url"])
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    assert "profil-pokja-73-2025.zip" in download["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    names = archive.namelist()
    assert len(names) == 25 and names[0] == "profil-pokja-73-2025.pdf"
    for name in names:
        assert len(PdfReader(io.BytesIO(archive.read(name))).pages) >= 1
    gowa = pdf_text(archive.read("profil-pokja-73.06-2025.pdf"))
    assert gowa_pokja.name in gowa

    # Admins of the region may follow it; another region, or a mere reader, gets 404.
    for persona, status in [
        ("national_admin", 200), ("sulsel_viewer", 404), ("gowa_operator", 404),
        ("sultra_admin", 404),
    ]:  # fmt: skip
        other = personas.api_client(persona)
        assert other.get(response["Location"]).status_code == status, persona
        assert other.get(job["result_url"]).status_code == status, persona
    listed = personas.api_client("sultra_admin").get("/api/v1/jobs").json()
    assert listed == []


def test_a_batch_still_queued_is_not_started_twice(personas):
    client = personas.api_client("gowa_operator")
    first = client.post("/api/v1/regions/7306/reports/profiles").json()
    second = client.post("/api/v1/regions/7306/reports/profiles").json()
    assert first["id"] == second["id"] and first["total"] == 1
    assert Job.objects.count() == 1


def test_a_year_out_of_range_is_refused(personas):
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/reports/profiles?year=1999"
    )
    assert response.status_code == 400 and "Pilih tahun" in response.json()["detail"]
    assert not Job.objects.exists()


def test_the_province_dashboard_starts_the_batch_and_shows_its_progress(personas):
    client = personas.client("sulsel_admin")
    page = client.get("/r/73/dashboard/").content.decode()
    assert 'hx-post="/r/73/reports/profiles/"' in page
    assert "Unduh semua profil Pokja" in page

    response = client.post(
        "/r/73/reports/profiles/", {"year": YEAR}, headers={"HX-Request": "true"}
    )
    job = Job.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert f'hx-get="/jobs/{job.pk}/progress/"' in html and "<progress" in html
    assert job.params == {"year": YEAR} and job.region.code == "73" and job.total == 25

    # Without htmx: the job's own page.
    response = client.post("/r/73.06/reports/profiles/", {"year": YEAR})
    assert response.status_code == 302
    assert response["Location"] == f"/jobs/{Job.objects.get(region__code='73.06').pk}/"
