"""Shared test fixtures: the regions, and the named personas every permission test uses.

Personas: national admin; provincial admin of Sulawesi Selatan (73); operator of
Kabupaten Gowa (73.06); member of Gowa's Pokja; viewer of Sulsel; provincial admin of Sulawesi
Tenggara (74); anonymous.
"""

from dataclasses import dataclass

import pytest
from django.test import Client

from accounts.models import ApiToken, RoleAssignment
from regions.models import Region
from regions.services import load_regions

PERSONAS = {
    "national_admin": ("national_admin", None),
    "sulsel_admin": ("provincial_admin", "73"),
    "gowa_operator": ("regency_operator", "73.06"),
    "gowa_member": ("member", "73.06"),
    "sulsel_viewer": ("viewer", "73"),
    "sultra_admin": ("provincial_admin", "74"),
}
PERSONA_NAMES = [*PERSONAS, "anonymous"]


SEED_MIGRATIONS = [
    "workgroups.migrations.0001_squashed",
    "indicators.migrations.0001_squashed",
]


def reseed_catalogues():
    """Re-run the catalogue seeds of the data migrations (sub-groups, indicators and national
    targets): a transactional test's flush empties them for the tests that follow. Idempotent."""
    from importlib import import_module

    from django.apps import apps

    for name in SEED_MIGRATIONS:
        import_module(name).seed(apps, None)


@pytest.fixture
def regions(db):
    """The 38 provinces and 514 kab/kota (loaded with the test database, reloaded with the
    catalogues if a transactional test flushed them)."""
    if not Region.objects.filter(code="73.06").exists():
        load_regions()
        reseed_catalogues()
    return {
        r.code: r for r in Region.objects.filter(code__in=["73", "73.06", "73.71", "74", "74.01"])
    }


@dataclass
class Personas:
    users: dict

    def __getattr__(self, name):
        try:
            return self.users[name]
        except KeyError:
            raise AttributeError(name) from None

    def client(self, name) -> Client:
        client = Client()
        if name != "anonymous":
            client.force_login(
                self.users[name], backend="django.contrib.auth.backends.ModelBackend"
            )
        return client

    def api_client(self, name) -> Client:
        if name == "anonymous":
            return Client()
        _token, raw = ApiToken.issue(user=self.users[name], name="test")
        return Client(headers={"authorization": f"Bearer {raw}"})


def make_user(username, role, region_code, **extra):
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create(username=username, **extra)
    region = Region.objects.get(code=region_code) if region_code else None
    RoleAssignment.objects.create(user=user, role=role, region=region)
    return user


@pytest.fixture
def personas(regions):
    return Personas({name: make_user(name, role, code) for name, (role, code) in PERSONAS.items()})


@pytest.fixture
def database_queue(settings):
    """This process queues jobs in the database, as the web server does (the test or a worker
    process runs them)."""
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of each test go to a fresh folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The regions, loaded once per test database and committed, so that each test's rollback
    keeps them (pytest-django runs the transactional tests, whose flush empties the database,
    after the others; `regions` reloads them there). Before the test database is dropped, end
    connections that live-server threads left behind (PostgreSQL ends a closed session
    asynchronously, which races the DROP DATABASE)."""
    with django_db_blocker.unblock():
        load_regions()
    yield
    from django.db import connection

    if connection.vendor == "postgresql":
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture
def page_import(django_capture_on_commit_callbacks):
    """Post an upload to an import page and let the request's transaction "commit": the import
    job it queues runs at once (the tests' immediate backend). Returns (response, job)."""
    from jobs.models import Job

    def post(client, url, data):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url, data)
        job = None
        if response.status_code == 302 and response.url.startswith("/jobs/"):
            job = Job.objects.get(pk=int(response.url.strip("/").split("/")[1]))
        return response, job

    return post


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a callable as if its transaction committed (its on-commit callbacks run)."""

    def run(function, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return function(*args, **kwargs)

    return run
