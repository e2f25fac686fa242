"""A job started in a request carries the request's id into the log lines of its run on the
worker (core.requestid)."""

import json
import logging

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from core import requestid
from jobs import engine
from jobs.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def lines(caplog):
    """The JSON log lines of the run, formatted as in production."""
    caplog.handler.addFilter(requestid.RequestIdFilter())
    caplog.handler.setFormatter(requestid.JsonFormatter())
    caplog.set_level(logging.INFO)
    return lambda: [json.loads(line) for line in caplog.text.splitlines()]


def test_the_worker_logs_under_the_request_id(lines):
    with requestid.bound("req-1234"):
        job = engine.start(kind="tests.log", params={"tag": "x"})  # not committed: not run yet
    assert job.request_id == "req-1234"
    assert requestid.get() == ""  # the worker: no request here
    assert engine.run(job.pk, 1) == "succeeded"
    entry = next(e for e in lines() if e["message"] == "working on x")
    assert entry["request_id"] == "req-1234" and entry["logger"] == "jobs.tests.kinds"
    assert requestid.get() == ""


def test_a_job_without_a_request_logs_under_its_own_id(lines):
    job = engine.start(kind="tests.log", params={"tag": "y"})
    engine.run(job.pk, 1)
    entry = next(e for e in lines() if e["message"] == "working on y")
    assert entry["request_id"] == f"job-{job.pk}"


def test_the_request_id_goes_from_the_header_to_the_job(
    regions, django_capture_on_commit_callbacks
):
    get_user_model().objects.create(username="ani", email="ani@example.id")
    client = Client()
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(
            "/accounts/password-reset/",
            {"email": "ani@example.id"},
            headers={"X-Request-ID": "lb-5f2a"},
        )
    assert response["X-Request-ID"] == "lb-5f2a"
    assert Job.objects.latest("pk").request_id == "lb-5f2a"


def test_a_malformed_request_id_is_replaced(db):
    response = Client().get("/healthz", headers={"X-Request-ID": "bad id\n<script>"})
    assert len(response["X-Request-ID"]) == 32 and "<" not in response["X-Request-ID"]
