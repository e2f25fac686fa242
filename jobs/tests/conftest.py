import pytest

from jobs import engine
from jobs.tests import kinds


@pytest.fixture(autouse=True)
def _no_flaky_failures():
    kinds.FLAKY["failures"] = 0
    yield
    kinds.FLAKY["failures"] = 0


@pytest.fixture
def start_job(django_capture_on_commit_callbacks):
    """Start a job and let its transaction commit: with the immediate backend (the tests'
    default) the first attempt runs at once. Returns the job as stored afterwards."""

    def start(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            job = engine.start(**kwargs)
        job.refresh_from_db()
        return job

    return start
