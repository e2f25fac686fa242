"""gunicorn's settings, from the environment (read by `gunicorn config.wsgi` run in this folder,
or `gunicorn -c gunicorn.conf.py config.wsgi`). Every variable is in the README's configuration
table. Threads (gthread) let one process serve several slow requests; with DATABASE_POOL keep
the pool at least as large as GUNICORN_THREADS."""

import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = _int("GUNICORN_WORKERS", 2)
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"
# A request taking longer than this is killed (the recap PDF takes about a second).
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Workers are replaced after this many requests (0 = never), spread by the jitter: a guard
# against slow memory growth. Each replacement loads Django again and holds up the requests on
# that worker: at 2000, under 20 connections a worker was replaced every few seconds and the
# p95 latency was 0.5-1 s instead of 60 ms (wrk against 2 workers, 2026-12-06).
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 2000)
# nginx in front sets X-Forwarded-*; only trust it from these addresses.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "true").lower() in ("1", "true") else None
errorlog = "-"
# One JSON object per request, with the request id Sipokja returned (core/requestid.py).
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%(h)s", "method": "%(m)s", '
    '"path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", "ms": %(M)s, '
    '"request_id": "%({x-request-id}o)s"}'
)
