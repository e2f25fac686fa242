"""`make run` (scripts/run.py): the development server and one worker together; a job started
through the API is run by the worker; Ctrl-C stops both. Nothing but Python and the database."""

import io
import json
import signal
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from accounts.models import ApiToken
from jobs.tests import workers
from jobs.tests.smtp import free_port

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def _request(url, token=None, method="GET"):
    request = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def _serving(base):
    try:
        return _request(base + "/healthz")[0] == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def _processes_with(marker: str) -> list[int]:
    """Processes whose environment holds `marker` (this test's database URL)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_make_run_serves_the_app_runs_jobs_and_stops_both_on_ctrl_c(personas, tmp_path):
    if not Path("/proc/self/environ").exists():
        pytest.skip("needs /proc to find the child processes")
    _token, raw = ApiToken.issue(user=personas.national_admin, name="run")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with workers.worker_database(tmp_path) as url:
        marker = f"SIPOKJA_TEST_RUN={tmp_path}"
        env = workers.worker_env(url, DEBUG="true", SIPOKJA_TEST_RUN=str(tmp_path))
        with open(tmp_path / "run.log", "w") as log:
            launcher = subprocess.Popen(
                [sys.executable, "scripts/run.py", f"127.0.0.1:{port}"],
                cwd=settings.BASE_DIR,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                workers.wait_for(lambda: _serving(base), message="the web server")
                status, headers, body = _request(
                    base + "/api/v1/regions/65/reports/profiles?year=2025", raw, "POST"
                )
                assert status == 202 and json.loads(body)["state"] == "queued"
                job_url = base + headers["Location"]
                job = workers.wait_for(
                    lambda: (
                        (data := json.loads(_request(job_url, raw)[2]))["state"] == "succeeded"
                        and data
                    ),
                    message="the worker to run the job",
                )
                assert job["done"] == job["total"] == 6
                status, headers, body = _request(base + job["result_url"], raw)
                assert headers["Content-Type"] == "application/zip"
                assert len(zipfile.ZipFile(io.BytesIO(body)).namelist()) == 6
                assert len(_processes_with(marker)) >= 3  # the launcher, server and worker
            finally:
                launcher.send_signal(signal.SIGINT)  # Ctrl-C
                code = launcher.wait(timeout=60)
        assert code == 0, (tmp_path / "run.log").read_text()
        workers.wait_for(lambda: not _processes_with(marker), timeout=15, message="both to stop")
        assert not _serving(base)
