"""Pekerjaan saya, the job page, its htmx progress box, result downloads and the jobs API."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from jobs.models import Job
from regions.models import Region

pytestmark = pytest.mark.django_db


def make_job(user, *, region="73.06", minutes_ago=0, **fields):
    job = Job.objects.create(
        kind="reports.profiles_zip",
        title=fields.pop("title", "Profil Pokja"),
        created_by=user,
        region=Region.objects.get(code=region) if region else None,
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
        **fields,
    )
    return job


def finished(job, content=b"PK\x05\x06" + b"\0" * 18, name="profil.zip"):
    job.result.save("jobs/result/x.zip", ContentFile(content), save=False)
    job.result_name = name
    job.state = Job.State.SUCCEEDED
    job.done = job.total = 3
    job.finished_at = timezone.now()
    job.save()
    return job


def test_my_jobs_lists_only_my_own_newest_first(personas):
    older = make_job(personas.gowa_operator, title="Impor lama", minutes_ago=30)
    newer = make_job(personas.gowa_operator, title="Impor baru", minutes_ago=1)
    make_job(personas.sulsel_admin, title="Punya orang lain")
    page = personas.client("gowa_operator").get("/jobs/").content.decode()
    assert "Pekerjaan saya" in page
    assert page.index("Impor baru") < page.index("Impor lama")
    assert "Punya orang lain" not in page
    assert f'hx-get="/jobs/{newer.pk}/progress/"' in page  # unfinished: polled
    assert older.pk

    api = personas.api_client("gowa_operator").get("/api/v1/jobs").json()
    assert [j["id"] for j in api] == [newer.pk, older.pk]
    assert api[0]["state"] == "queued" and api[0]["result_url"] is None
    limited = personas.api_client("gowa_operator").get("/api/v1/jobs?limit=1&offset=1").json()
    assert [j["id"] for j in limited] == [older.pk]


def test_the_progress_box_polls_until_the_job_has_finished(personas):
    job = make_job(personas.gowa_operator, state=Job.State.RUNNING, done=1, total=3)
    client = personas.client("gowa_operator")
    box = client.get(f"/jobs/{job.pk}/progress/", headers={"HX-Request": "true"})
    assert box.status_code == 200
    html = box.content.decode()
    assert '<progress aria-label="Kemajuan pekerjaan" value="1" max="3">' in html
    assert "1 dari 3 selesai" in html and "Sedang berjalan" in html

    finished(job)
    box = client.get(f"/jobs/{job.pk}/progress/", headers={"HX-Request": "true"})
    assert box.status_code == 286  # htmx stops polling
    html = box.content.decode()
    assert "Selesai." in html and f'href="/jobs/{job.pk}/result/"' in html
    assert "Unduh profil.zip" in html
    detail = client.get(f"/jobs/{job.pk}/").content.decode()
    assert "hx-get" not in detail  # a finished job is not polled


def test_a_failed_job_shows_its_row_numbered_messages(personas):
    job = make_job(
        personas.gowa_operator,
        state=Job.State.FAILED,
        messages=[
            {"level": "error", "message": "Berkas berisi kesalahan."},
            {"level": "error", "row": 7, "column": "D", "message": "Nilai bukan angka."},
        ],
    )
    html = personas.client("gowa_operator").get(f"/jobs/{job.pk}/").content.decode()
    assert "Baris 7, kolom D: Nilai bukan angka." in html
    assert "Pekerjaan gagal" in html and 'role="alert"' in html


def test_the_result_is_downloaded_through_the_permission_check(personas):
    job = finished(make_job(personas.gowa_operator), content=b"PK\x05\x06" + b"\0" * 18)
    response = personas.client("sulsel_admin").get(f"/jobs/{job.pk}/result/")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith('attachment; filename="profil.zip"')
    assert response["X-Content-Type-Options"] == "nosniff"
    assert personas.client("gowa_member").get(f"/jobs/{job.pk}/result/").status_code == 404
    unfinished = make_job(personas.gowa_operator)
    assert personas.client("gowa_operator").get(f"/jobs/{unfinished.pk}/result/").status_code == 404


def test_the_job_json_has_exactly_the_documented_fields(personas):
    job = finished(make_job(personas.gowa_operator))
    data = personas.api_client("gowa_operator").get(f"/api/v1/jobs/{job.pk}").json()
    assert data == {
        "id": job.pk,
        "kind": "reports.profiles_zip",
        "state": "succeeded",
        "done": 3,
        "total": 3,
        "messages": [],
        "result_url": f"/api/v1/jobs/{job.pk}/result",
        "created_at": data["created_at"],
        "finished_at": data["finished_at"],
    }
    assert data["created_at"] and data["finished_at"]
