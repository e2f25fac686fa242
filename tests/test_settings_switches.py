"""Production switches by environment variables alone; without them Sipokja stays one
self-contained process (issue 23, item 1)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import json, django
django.setup()
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": settings.CACHES["default"].get("LOCATION", ""),
    "storage": settings.STORAGES["default"]["BACKEND"],
    "storage_options": settings.STORAGES["default"].get("OPTIONS", {}),
    "sessions": settings.SESSION_ENGINE,
    "engine": db["ENGINE"],
    "pool": db.get("OPTIONS", {}).get("pool"),
    "conn_max_age": db["CONN_MAX_AGE"],
    "middleware0": settings.MIDDLEWARE[0],
    "log_formatter": settings.LOGGING["handlers"]["console"]["formatter"],
}))
"""


def _settings(**env) -> dict:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("REDIS_", "AWS_", "DATABASE_", "LOG_FORMAT"))
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=clean | {"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "true"} | env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_the_embedded_default_needs_no_service():
    found = _settings()
    assert found["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert found["storage"] == "django.core.files.storage.FileSystemStorage"
    assert found["engine"] == "django.db.backends.sqlite3" and found["pool"] is None
    assert found["sessions"] == "django.contrib.sessions.backends.db"
    assert found["middleware0"] == "core.requestid.RequestIdMiddleware"
    assert found["log_formatter"] == "text"  # DEBUG: readable lines


def test_environment_variables_switch_to_shared_services():
    found = _settings(
        DEBUG="false",
        SECRET_KEY="x" * 50,
        REDIS_URL="redis://cache.internal:6379/2",
        AWS_S3_ENDPOINT_URL="http://minio:9000",
        AWS_STORAGE_BUCKET_NAME="sipokja",
        AWS_ACCESS_KEY_ID="key",
        AWS_SECRET_ACCESS_KEY="secret",
        DATABASE_URL="postgres://sipokja@db.internal:5432/sipokja",
        DATABASE_POOL="8",
    )
    assert found["cache"] == "core.cache.SafeRedisCache"
    assert found["cache_location"] == "redis://cache.internal:6379/2"
    assert found["storage"] == "core.s3storage.PrivateS3Storage"
    assert found["storage_options"]["bucket_name"] == "sipokja"
    assert found["storage_options"]["endpoint_url"] == "http://minio:9000"
    assert found["sessions"] == "django.contrib.sessions.backends.db"
    assert found["engine"] == "django.db.backends.postgresql"
    assert found["pool"] == {"min_size": 2, "max_size": 8, "timeout": 10}
    assert found["conn_max_age"] == 0
    assert found["log_formatter"] == "json"
