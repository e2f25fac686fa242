"""The production WSGI application with the benchmark's URLs (the site plus the trivial view),
for the load test only (`gunicorn bench.wsgi`)."""

from django.conf import settings

from config.wsgi import application

settings.ROOT_URLCONF = "bench.urls"

__all__ = ["application"]
