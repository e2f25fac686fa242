"""Two app instances and one worker sharing PostgreSQL, Redis and an S3 server (issue 23, item 5).

Two gunicorn instances (different ports, different local media folders) and one jobs worker run
against a database of their own, the Redis at 127.0.0.1:6379 and a moto S3 server started here.
The test shows: a session begun on A works on B; a file uploaded on A downloads on B; a change
on A shows on B's dashboard at the next request; a job started on A runs on the worker and its
progress reads on B; a scheduled job runs once however many workers tick; killing A with
SIGKILL in the middle of traffic loses no committed write and B keeps serving.

Runs on PostgreSQL only (`DATABASE_URL=postgres://…`, as in `.ci/run`'s second round).
"""

import os
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.services import S3Server, free_port, redis_or_skip

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "two-instances-2026"
DATABASE_URL = os.environ.get("DATABASE_URL", "")


def _psql(url):
    import psycopg

    return psycopg.connect(url, autocommit=True)


class Instance:
    def __init__(self, name, env, tmp_path, command):
        self.name = name
        self.log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: SIGKILL takes all its workers
        )

    def kill(self, signum=signal.SIGKILL):
        try:
            os.killpg(self.process.pid, signum)
        except ProcessLookupError:
            pass
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        self.log.close()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if not DATABASE_URL.startswith(("postgres://", "postgresql://")):
        pytest.skip("the two-instance test runs on PostgreSQL (DATABASE_URL)")
    redis_url = redis_or_skip()
    tmp_path = tmp_path_factory.mktemp("two-instances")
    parts = urlsplit(DATABASE_URL)
    name = f"sipokja_two_{uuid.uuid4().hex[:8]}"
    db_url = urlunsplit(parts._replace(path=f"/{name}"))
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with _psql(maintenance) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    s3, instances = None, {}
    try:
        s3 = S3Server()
        bucket = f"two-{uuid.uuid4().hex[:8]}"
        s3.make_bucket(bucket)
        base = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SIPOKJA_", "DJANGO_", "PYTEST", "EMAIL_", "AWS_", "GUNICORN_"))
        }
        env = (
            base
            | s3.settings(bucket)
            | {
                "SECRET_KEY": "two-instances-secret-key-for-tests-only-0123456789",
                "DEBUG": "false",
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "false",
                "SESSION_COOKIE_SECURE": "false",
                "CSRF_COOKIE_SECURE": "false",
                "SIPOKJA_STATIC_MANIFEST": "false",
                "DATABASE_URL": db_url,
                "DATABASE_CONN_MAX_AGE": "0",
                "DATABASE_POOL": "4",
                "REDIS_URL": redis_url,
                "SIPOKJA_CACHE_PREFIX": f"two-{uuid.uuid4().hex[:8]}",
                "SIPOKJA_JOBS_BACKEND": "database",
                "SIPOKJA_DASHBOARD_CACHE_SECONDS": "300",
                "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
                "LOG_FORMAT": "json",
                "GUNICORN_WORKERS": "2",
                "GUNICORN_THREADS": "2",
                "GUNICORN_ACCESS_LOG": "false",
                "SIPOKJA_MEDIA_ROOT": str(tmp_path / "media-setup"),
            }
        )
        manage = [sys.executable, "manage.py"]
        for command in (
            ["migrate", "--noinput", "-v", "0"],
            ["load_regions"],
            ["add_user", "nasional", "--role", "national_admin"],
        ):
            subprocess.run(
                manage + command,
                cwd=ROOT,
                env=env | {"SIPOKJA_PASSWORD": PASSWORD},
                check=True,
                capture_output=True,
            )
        ports = {"a": free_port(), "b": free_port()}
        instances = {}
        for label, port in ports.items():
            instances[label] = Instance(
                label,
                env
                | {
                    "GUNICORN_BIND": f"127.0.0.1:{port}",
                    "SIPOKJA_MEDIA_ROOT": str(tmp_path / f"media-{label}"),
                },
                tmp_path,
                [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"],
            )
        instances["worker"] = Instance(
            "worker",
            env | {"SIPOKJA_MEDIA_ROOT": str(tmp_path / "media-worker")},
            tmp_path,
            manage + ["db_worker", "--interval", "0.5", "--sweep-interval", "2"],
        )
        import requests

        urls = {label: f"http://127.0.0.1:{port}" for label, port in ports.items()}
        deadline = time.monotonic() + 180
        for url in urls.values():
            while True:
                try:
                    if requests.get(f"{url}/readyz", timeout=30).status_code == 200:
                        break
                except requests.RequestException:
                    pass
                assert time.monotonic() < deadline, (tmp_path / "a.log").read_text()[-3000:]
                time.sleep(0.5)
        yield {"urls": urls, "instances": instances, "db": db_url, "env": env, "tmp": tmp_path}
    finally:
        for instance in instances.values():
            instance.kill(signal.SIGTERM)
        if s3 is not None:
            s3.stop()
        with _psql(maintenance) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _csrf(session):
    return {"X-CSRFToken": session.cookies.get("csrftoken", "")}


def _login(session, url):
    session.get(f"{url}/accounts/login/", timeout=60)
    response = session.post(
        f"{url}/accounts/login/",
        {"username": "nasional", "password": PASSWORD},
        headers=_csrf(session),
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:500]


def _formed(session, url):
    response = session.get(f"{url}/r/73/dashboard/", timeout=60, allow_redirects=False)
    assert response.status_code == 200
    return int(re.search(r'data-tile="formed" data-count="(\d+)"', response.text).group(1))


def _create_pokja(session, url, code, timeout=60):
    return session.post(
        f"{url}/r/{code}/pokja/new/",
        {
            "name": f"Pokja Bangga Kencana {code}",
            "formed_on": "2023-07-12",
            "status": "active",
            "secretariat_office": "DPPKB",
            "contact_name": "Sekretariat",
            "contact_phone": "0411 861234",
            "contact_email": "pokja@example.id",
            "version": "1",
        },
        headers=_csrf(session),
        allow_redirects=False,
        timeout=timeout,
    )


def _sulsel_codes(db):
    with _psql(db) as conn:
        rows = conn.execute(
            "SELECT code FROM regions_region WHERE code LIKE '73.%%' ORDER BY code"
        ).fetchall()
    return [code for (code,) in rows if code.count(".") == 1]


def _pokja_codes(db):
    with _psql(db) as conn:
        rows = conn.execute(
            "SELECT r.code FROM workgroups_workgroup w JOIN regions_region r ON r.id = w.region_id"
        ).fetchall()
    return {code for (code,) in rows}


def test_two_instances_share_sessions_files_cache_jobs_and_survive_a_kill(cluster):
    import requests

    a, b = cluster["urls"]["a"], cluster["urls"]["b"]
    db = cluster["db"]
    session = requests.Session()

    # A session begun on A works on B.
    _login(session, a)
    assert _formed(session, b) == 0

    # A change on A shows on B's dashboard at the next request (B has it cached).
    codes = _sulsel_codes(db)
    assert _create_pokja(session, a, codes[0]).status_code == 302
    assert _formed(session, b) == 1

    # A file uploaded on A downloads on B (from the bucket: B's local folder is empty).
    from knowledge.tests.helpers import pdf_bytes

    response = session.post(
        f"{a}/knowledge/new/",
        {
            "title": "Panduan Pokja",
            "category": "budget",
            "kind": "guide",
            "description": "Panduan.",
            "edition": "1.0",
            "issued_on": "2025-03-03",
            "is_published": "on",
            "publisher_choice": "73",
        },
        files={"upload": ("Panduan.pdf", pdf_bytes(), "application/pdf")},
        headers=_csrf(session),
        allow_redirects=False,
        timeout=60,
    )
    assert response.status_code == 302, response.text[:500]
    pk = re.search(r"/knowledge/(\d+)/", response.headers["Location"]).group(1)
    download = session.get(f"{b}/knowledge/{pk}/file/", timeout=60)
    assert download.status_code == 200 and download.content == pdf_bytes()
    assert not any((cluster["tmp"] / "media-b").rglob("*.pdf"))

    # A job started on A runs on the worker; its progress and result read on B.
    response = session.post(
        f"{a}/r/73/reports/profiles/", headers=_csrf(session), allow_redirects=False, timeout=60
    )
    assert response.status_code == 302
    job = re.search(r"/jobs/(\d+)/", response.headers["Location"]).group(1)
    deadline = time.monotonic() + 120
    while True:
        progress = session.get(
            f"{b}/jobs/{job}/progress/", headers={"HX-Request": "true"}, timeout=60
        )
        assert progress.status_code in (200, 286)
        if progress.status_code == 286:
            break
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(1)
    result = session.get(f"{b}/jobs/{job}/result/", timeout=60)
    assert result.status_code == 200 and result.content[:2] == b"PK"
    # The request id of the request that started it is stored with it.
    with _psql(db) as conn:
        (request_id,) = conn.execute(
            "SELECT request_id FROM jobs_job WHERE id = %s", [job]
        ).fetchone()
    assert request_id and request_id == response.headers["X-Request-ID"]

    # The schedule's job of this hour runs once, however many workers tick.
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch"],
        cwd=ROOT,
        env=cluster["env"],
        check=True,
        capture_output=True,
        timeout=120,
    )
    with _psql(db) as conn:
        rows = conn.execute(
            "SELECT key, state FROM jobs_job WHERE key LIKE 'schedule:meetings.reminders:%%'"
        ).fetchall()
    hours = {key for key, _state in rows}
    assert len(rows) == len(hours) >= 1  # one job per hour
    assert all(state in ("succeeded", "queued", "running") for _key, state in rows)

    # Kill A (SIGKILL, all its processes) in the middle of writes; B keeps serving.
    committed, b_statuses, stop = [], [], threading.Event()

    def write_on_a():
        for code in codes[1:]:
            try:
                if _create_pokja(session, a, code, timeout=30).status_code == 302:
                    committed.append(code)
            except requests.RequestException:
                continue

    def read_on_b():
        reader = requests.Session()
        reader.cookies.update(session.cookies)
        while not stop.is_set():
            b_statuses.append(reader.get(f"{b}/r/73/dashboard/", timeout=60).status_code)

    writer, reader = threading.Thread(target=write_on_a), threading.Thread(target=read_on_b)
    writer.start(), reader.start()
    deadline = time.monotonic() + 60
    while len(committed) < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    cluster["instances"]["a"].kill()
    writer.join(120)
    time.sleep(1)
    stop.set()
    reader.join(30)
    assert len(committed) >= 3
    stored = _pokja_codes(db)
    assert {codes[0], *committed} <= stored  # every acknowledged write is there
    assert b_statuses and set(b_statuses) == {200}
    assert _formed(session, b) == len(stored)
    assert requests.get(f"{b}/readyz", timeout=60).status_code == 200
