"""Webhooks: which audited changes are events, who hears them, and the signed delivery (a
background job, tried again with back-off when the receiver fails).

Every state change already leaves an audit record, so the events are read from the audit
trail (a `post_save` of `audit.AuditEvent`, connected in `InteropConfig.ready()`): the apps
below know nothing of webhooks.

A delivery is a POST of JSON with the headers
    X-Sipokja-Event: assessment.verified
    X-Sipokja-Delivery: <uuid, the same on every retry>
    X-Sipokja-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>
(see docs/interop.md for verifying it). A 2xx answer is delivered; anything else is retried.
"""

import hashlib
import hmac
import ipaddress
import json
import socket
import urllib.error
import urllib.parse
import urllib.request
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from interop.models import Delivery, Webhook
from jobs import engine
from jobs.registry import job_kind

KIND = "interop.webhook_delivery"
TIMEOUT_SECONDS = 10
USER_AGENT = "Sipokja-Webhook/1"


class DeliveryFailed(Exception):
    """The receiver did not answer 2xx (or could not be reached): try again later."""


def sign(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def event_of(audit) -> str | None:
    """The webhook event an audit record stands for, or None."""
    if audit.code == "assessment.verified":
        effective = audit.changes.get("effective")
        if isinstance(effective, list):
            effective = effective[-1]
        return Webhook.Event.ASSESSMENT_VERIFIED if effective else Webhook.Event.ASSESSMENT_RETURNED
    if audit.model == "indicators.Value" and (
        audit.action in ("create", "update", "delete") or audit.code == "indicators.imported"
    ):
        return Webhook.Event.VALUES_CHANGED
    if audit.model == "meetings.Meeting" and audit.action == "create":
        return Webhook.Event.MEETING_SCHEDULED
    return None


def _data(audit) -> dict:
    """What the receiver learns: what changed and where, never who or personal details."""
    data = {"model": audit.model, "id": audit.object_id}
    year = audit.changes.get("year")
    if year is not None:
        data["year"] = year[-1] if isinstance(year, list) else year
    if audit.code == "assessment.verified":
        effective = audit.changes.get("effective")
        data["effective"] = effective[-1] if isinstance(effective, list) else effective
    return data


def _hearing(region_code: str):
    """Active webhooks of the region and of every region above it."""
    codes = [region_code]
    if "." in region_code:
        codes.append(region_code.split(".")[0])
    return Webhook.objects.filter(is_active=True, region__code__in=codes)


def on_audit_event(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not instance.region_code:
        return
    event = event_of(instance)
    if event is None:
        return
    webhooks = [w for w in _hearing(instance.region_code) if event in w.events]
    if not webhooks:
        return
    payload = {
        "event": str(event),
        "occurred_at": instance.created_at.isoformat(),
        "region": instance.region_code,
        "data": _data(instance),
    }
    for webhook in webhooks:
        delivery = Delivery.objects.create(webhook=webhook, event=event, payload=payload)
        transaction.on_commit(partial(_start, delivery.pk), robust=True)


def _start(delivery_id: int):
    delivery = Delivery.objects.select_related("webhook__region").get(pk=delivery_id)
    engine.start(
        kind=KIND,
        region=delivery.webhook.region,
        title=f"Webhook {delivery.event}",
        params={"delivery": delivery_id},
    )


def body_of(delivery: Delivery) -> bytes:
    document = {**delivery.payload, "delivery": str(delivery.uuid)}
    return json.dumps(document, ensure_ascii=False, sort_keys=True).encode()


class AddressRefused(engine.JobFailed):
    """The webhook's host is in a private network: not retried."""


def check_address(url: str) -> None:
    """Refuse hosts that resolve to loopback, private, link-local or reserved addresses (the
    server's own network) unless SIPOKJA_WEBHOOK_ALLOW_PRIVATE is on."""
    if settings.SIPOKJA_WEBHOOK_ALLOW_PRIVATE:
        return
    host = urllib.parse.urlsplit(url).hostname or ""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        raise DeliveryFailed(f"cannot resolve {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global:
            raise AddressRefused(f"{host} is not a public address")


def send(delivery: Delivery) -> int:
    """POST the delivery once; returns the status, raises DeliveryFailed unless 2xx."""
    check_address(delivery.webhook.url)
    body = body_of(delivery)
    request = urllib.request.Request(
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Sipokja-Event": delivery.event,
            "X-Sipokja-Delivery": str(delivery.uuid),
            "X-Sipokja-Signature-256": sign(delivery.webhook.secret, body),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
    except (urllib.error.URLError, OSError) as exc:
        raise DeliveryFailed(str(getattr(exc, "reason", exc))[:200]) from None
    if not 200 <= status < 300:
        raise DeliveryFailed(f"HTTP {status}")
    return status


@job_kind(KIND, label=_("Webhook delivery"), retry_on=(DeliveryFailed,), max_attempts=6)
def deliver(ctx):
    delivery = Delivery.objects.select_related("webhook").get(pk=ctx.params["delivery"])
    if delivery.state == Delivery.State.DELIVERED:
        return
    delivery.attempts += 1
    try:
        status = send(delivery)
    except AddressRefused as exc:
        delivery.state, delivery.error = Delivery.State.FAILED, str(exc.reason)[:300]
        delivery.save(update_fields=["attempts", "state", "error"])
        raise
    except DeliveryFailed as exc:
        final = ctx.attempt >= ctx.job.max_attempts
        delivery.error = str(exc)[:300]
        delivery.response_status = int(str(exc)[5:]) if str(exc).startswith("HTTP ") else None
        delivery.state = Delivery.State.FAILED if final else Delivery.State.PENDING
        delivery.save(update_fields=["attempts", "error", "response_status", "state"])
        raise
    delivery.state, delivery.response_status, delivery.error = Delivery.State.DELIVERED, status, ""
    delivery.delivered_at = timezone.now()
    delivery.save(update_fields=["attempts", "state", "response_status", "error", "delivered_at"])
