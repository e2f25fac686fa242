"""Webhooks: a receiver started by the test gets a correctly signed delivery; a failed delivery
is tried again. API keys: scoped, read-only or read-write, shown once, revocable."""

import datetime
import hashlib
import hmac
import json
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.utils import timezone

from audit.models import AuditEvent
from indicators.models import Indicator, Target, Value
from interop import services
from interop.models import Delivery, IntegratorKey, Webhook
from jobs import sweep
from jobs.models import Job
from regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _receiver_on_loopback(settings):
    """The test's receiver listens on 127.0.0.1, which production refuses."""
    settings.SIPOKJA_WEBHOOK_ALLOW_PRIVATE = True


class Receiver:
    """A real HTTP server on a free port that records what it gets and answers `statuses`."""

    def __init__(self, statuses):
        self.statuses = list(statuses)
        self.received = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.received.append((dict(self.headers), body))
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


def _value_changed(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        Value.objects.create(
            region=Region.objects.get(code="73.06"),
            indicator=Indicator.objects.get(code="stunting"),
            year=2024,
            source="ssgi",
            value=Decimal("23.4"),
            updated_by=personas.users["gowa_operator"],
        )


def test_a_receiver_gets_a_correctly_signed_delivery(personas, django_capture_on_commit_callbacks):
    sulsel = Region.objects.get(code="73")
    with Receiver([200]) as receiver:
        webhook, secret = services.create_webhook(
            by=personas.users["sulsel_admin"],
            region=sulsel,
            url=receiver.url,
            events=["indicator_values.changed"],
        )
        _value_changed(personas, django_capture_on_commit_callbacks)
    assert len(receiver.received) == 1
    headers, body = receiver.received[0]
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(headers["X-Sipokja-Signature-256"], expected)
    assert headers["X-Sipokja-Event"] == "indicator_values.changed"
    payload = json.loads(body)
    assert payload["event"] == "indicator_values.changed" and payload["region"] == "73.06"
    assert payload["delivery"] == headers["X-Sipokja-Delivery"]
    assert "gowa_operator" not in body.decode()
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.DELIVERED and delivery.response_status == 200
    assert Job.objects.get(kind="interop.webhook_delivery").state == Job.State.SUCCEEDED
    assert AuditEvent.objects.filter(model="interop.Webhook", action="create").exists()


def test_a_failed_delivery_is_retried(personas, django_capture_on_commit_callbacks, settings):
    settings.SIPOKJA_JOBS_RETRY_SECONDS = 30
    gowa = Region.objects.get(code="73.06")
    with Receiver([503, 200]) as receiver:
        services.create_webhook(
            by=personas.users["sulsel_admin"],
            region=gowa,
            url=receiver.url,
            events=["indicator_values.changed"],
        )
        _value_changed(personas, django_capture_on_commit_callbacks)
        delivery = Delivery.objects.get()
        assert delivery.state == Delivery.State.PENDING and delivery.response_status == 503
        job = Job.objects.get(kind="interop.webhook_delivery")
        assert job.state == Job.State.QUEUED and job.run_after > timezone.now()
        later = timezone.now() + datetime.timedelta(seconds=31)
        with django_capture_on_commit_callbacks(execute=True):
            sweep.hand_over_due(later)
    assert len(receiver.received) == 2
    first, second = receiver.received
    assert first[1] == second[1]  # the same delivery, the same signature
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.DELIVERED and delivery.attempts == 2


def test_no_delivery_outside_the_webhook_region_or_events(
    personas, django_capture_on_commit_callbacks
):
    makassar = Region.objects.get(code="73.71")
    services.create_webhook(
        by=personas.users["sulsel_admin"],
        region=makassar,
        url="http://127.0.0.1:9/never",
        events=["indicator_values.changed"],
    )
    _value_changed(personas, django_capture_on_commit_callbacks)
    assert not Delivery.objects.exists()


def test_integrations_page_shows_secrets_once(client, personas):
    client.force_login(personas.users["sulsel_admin"])
    page = client.post("/r/73/integrations/keys/", {"name": "Portal Data Sulsel", "access": "read"})
    key = IntegratorKey.objects.get()
    raw = page.context["shown"]["secret"]
    assert raw.startswith("sipk_") and raw in page.content.decode()
    assert raw not in client.get("/r/73/integrations/").content.decode()
    assert key.key_hash != raw and raw not in json.dumps(
        list(AuditEvent.objects.values_list("changes", flat=True))
    )
    response = client.post(
        "/r/73/integrations/webhooks/",
        {"url": "https://portal.example.id/hook", "events": ["meeting.scheduled"]},
    )
    secret = response.context["shown"]["secret"]
    assert Webhook.objects.get().secret == secret
    assert secret not in client.get("/r/73/integrations/").content.decode()


def test_api_keys_are_scoped_and_read_only_or_read_write(client, personas):
    sulsel = Region.objects.get(code="73")
    gowa = Region.objects.get(code="73.06")
    Target.objects.create(
        region=gowa,
        indicator=Indicator.objects.get(code="tfr"),
        year=2025,
        value=2,
        plan_document="RKPD",
    )
    _key, read = services.create_key(by=None, region=sulsel, name="Portal", access="read")
    write_key, write = services.create_key(by=None, region=gowa, name="SIPD", access="write")
    url = "/api/v1/integrations/regions/73.06/targets"
    assert client.get(url).status_code == 401
    exported = client.get(url, HTTP_X_API_KEY=read)
    assert exported.status_code == 200 and exported.json()["targets"][0]["kode_indikator"] == "tfr"
    body = json.dumps(exported.json())
    assert client.post(url, body, "application/json", HTTP_X_API_KEY=read).status_code == 403
    assert (
        client.get("/api/v1/integrations/regions/74/targets", HTTP_X_API_KEY=read).status_code
        == 404
    )
    assert (
        client.get("/api/v1/integrations/regions/73/targets", HTTP_X_API_KEY=write).status_code
        == 404
    )
    document = exported.json()
    document["targets"][0]["target_kinerja"] = "2.05"
    response = client.post(url, json.dumps(document), "application/json", HTTP_X_API_KEY=write)
    assert response.status_code == 200 and response.json() == {"changed": 1}
    assert Target.objects.get().value == Decimal("2.05")
    services.revoke_key(by=None, key=write_key)
    assert client.get(url, HTTP_X_API_KEY=write).status_code == 401


def test_assessment_and_meeting_changes_are_events(personas):
    from audit.registry import record

    sulsel = Region.objects.get(code="73")
    services.create_webhook(
        by=None,
        region=sulsel,
        url="http://127.0.0.1:9/never",
        events=["assessment.verified", "assessment.returned", "meeting.scheduled"],
    )
    for object_id, region_code, effective in (("1", "73.06", False), ("2", "73.71", True)):
        record(
            action="other",
            code="assessment.verified",
            model_label="assessment.Assessment",
            object_id=object_id,
            region_code=region_code,
            changes={"year": 2024, "effective": effective},
        )
    record(
        action="create",
        model_label="meetings.Meeting",
        object_id="3",
        region_code="73",
        changes={"title": [None, "Rapat koordinasi"]},
    )
    record(action="update", model_label="meetings.Meeting", object_id="3", region_code="73")
    events = [(d.event, d.payload["region"]) for d in Delivery.objects.order_by("pk")]
    assert events == [
        ("assessment.returned", "73.06"),
        ("assessment.verified", "73.71"),
        ("meeting.scheduled", "73"),
    ]
    assert "Rapat koordinasi" not in json.dumps(
        list(Delivery.objects.values_list("payload", flat=True))
    )


def test_private_addresses_are_refused_for_good(
    personas, django_capture_on_commit_callbacks, settings
):
    settings.SIPOKJA_WEBHOOK_ALLOW_PRIVATE = False
    with Receiver([200]) as receiver:
        services.create_webhook(
            by=None,
            region=Region.objects.get(code="73.06"),
            url=receiver.url,
            events=["indicator_values.changed"],
        )
        _value_changed(personas, django_capture_on_commit_callbacks)
    assert receiver.received == []
    delivery = Delivery.objects.get()
    assert delivery.state == Delivery.State.FAILED and "not a public address" in delivery.error
    assert Job.objects.get(kind="interop.webhook_delivery").state == Job.State.FAILED
