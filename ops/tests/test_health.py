"""/healthz answers without the database; /readyz checks the database, cache, storage and job
queue and names what failed."""

import pytest
from django.test import Client

from tests.services import closed_url, redis_caches


def test_healthz_needs_no_database():
    # No django_db mark: any query would fail the test.
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_when_everything_answers():
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "job_queue": "ok"},
    }
    assert response["Cache-Control"].startswith("max-age=0")


@pytest.mark.django_db
def test_readyz_names_a_cache_that_went_away(settings):
    settings.CACHES = redis_caches(closed_url())
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]


@pytest.mark.django_db
def test_readyz_names_storage_it_cannot_write(settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.MEDIA_ROOT = blocker / "media"
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
