"""The notifications API: the caller's own, newest first, exactly the fields of the contract;
mark one read (404 for someone else's), mark all read."""

import datetime

import pytest
from django.utils import timezone

from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _make(user, title, *, minutes_ago=0, read=False):
    notification = Notification.objects.create(
        user=user, kind="assessment.returned", title=title, url="/r/73.06/assessment/?year=2025"
    )
    created = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Notification.objects.filter(pk=notification.pk).update(
        created_at=created, read_at=timezone.now() if read else None
    )
    return notification


def test_the_list_is_the_callers_own_newest_first_in_the_contracts_shape(personas):
    older = _make(personas.gowa_operator, "Lama", minutes_ago=10, read=True)
    newer = _make(personas.gowa_operator, "Baru", minutes_ago=1)
    _make(personas.sulsel_admin, "Bukan milik Anda")
    response = personas.api_client("gowa_operator").get("/api/v1/notifications")
    assert response.status_code == 200
    body = response.json()
    assert [n["id"] for n in body] == [newer.pk, older.pk]
    assert set(body[0]) == {"id", "kind", "title", "url", "created_at", "read"}
    assert body[0]["kind"] == "assessment.returned" and body[0]["title"] == "Baru"
    assert body[0]["url"] == "/r/73.06/assessment/?year=2025"
    assert [n["read"] for n in body] == [False, True]
    paged = personas.api_client("gowa_operator").get("/api/v1/notifications?limit=1&offset=1")
    assert [n["id"] for n in paged.json()] == [older.pk]


def test_marking_read_is_for_the_owner_only(personas):
    mine = _make(personas.gowa_operator, "Milik operator")
    other = personas.api_client("sulsel_admin")
    assert other.post(f"/api/v1/notifications/{mine.pk}/read").status_code == 404
    mine.refresh_from_db()
    assert mine.read_at is None
    response = personas.api_client("gowa_operator").post(f"/api/v1/notifications/{mine.pk}/read")
    assert response.status_code == 200 and response.json()["read"] is True
    mine.refresh_from_db()
    assert mine.read_at is not None


def test_read_all_marks_only_the_callers_notifications(personas):
    for title in ("Satu", "Dua"):
        _make(personas.gowa_operator, title)
    theirs = _make(personas.sulsel_admin, "Milik admin")
    response = personas.api_client("gowa_operator").post("/api/v1/notifications/read-all")
    assert response.status_code == 200 and response.json() == {"marked": 2}
    assert not Notification.objects.filter(user=personas.gowa_operator, read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_inbox_pages_and_marks_all_read(personas):
    for index in range(25):
        _make(personas.gowa_operator, f"Catatan {index}", minutes_ago=index)
    client = personas.client("gowa_operator")
    first = client.get("/notifications/").content.decode()
    assert "Catatan 0" in first and "Catatan 24" not in first
    assert "Catatan 24" in client.get("/notifications/?page=2").content.decode()
    assert 'data-unread="25"' in first
    assert client.post("/notifications/read-all/").status_code == 302
    assert 'data-unread="' not in client.get("/notifications/").content.decode()


def test_a_notification_never_redirects_off_site(personas):
    notification = Notification.objects.create(
        user=personas.gowa_operator,
        kind="assessment.verified",
        title="x",
        url="https://evil.example/",
    )
    response = personas.client("gowa_operator").post(f"/notifications/{notification.pk}/read/")
    assert response["Location"] == "/notifications/"
