"""`/readyz`: is this instance ready for traffic? The database, the cache, the file storage and
the job queue must answer. 200 with every check "ok", or 503 naming the ones that failed (the
reasons go to the log, not to the anonymous caller). `/healthz` (core) only says the process
answers."""

import logging
import os
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

log = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache():
    reachable = getattr(cache, "reachable", None)
    if reachable is not None:  # core.cache.SafeRedisCache hides errors from get/set
        if not reachable():
            raise ConnectionError("Redis does not answer")
        return
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise ConnectionError("the cache does not keep a value")
    cache.delete(key)


def _storage():
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        os.makedirs(location, exist_ok=True)
        if not os.access(location, os.W_OK):
            raise PermissionError(f"{location} is not writable")
        return
    bucket_name = getattr(default_storage, "bucket_name", None)
    if bucket_name:  # S3: the bucket answers to our keys (a missing bucket is an error)
        default_storage.connection.meta.client.head_bucket(Bucket=bucket_name)
    else:
        default_storage.exists("readyz-probe")


def _job_queue():
    if settings.SIPOKJA_JOBS_BACKEND == "database":
        from django_tasks_db.models import DBTaskResult

        DBTaskResult.objects.exists()
    from jobs.models import Job

    Job.objects.exists()


CHECKS = {"database": _database, "cache": _cache, "storage": _storage, "job_queue": _job_queue}


@never_cache
@require_GET
def readyz(request):
    checks, failed = {}, []
    for name, check in CHECKS.items():
        try:
            check()
            checks[name] = "ok"
        except Exception as error:
            log.warning("readyz: %s failed: %r", name, error)
            checks[name] = "failed"
            failed.append(name)
    body = {"status": "unavailable" if failed else "ok", "checks": checks}
    if failed:
        body["failed"] = failed
    return JsonResponse(body, status=503 if failed else 200)
