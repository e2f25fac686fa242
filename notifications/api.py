"""The caller's notifications in the API: `GET /api/v1/notifications` (newest first),
`POST /api/v1/notifications/{id}/read` (404 for someone else's) and
`POST /api/v1/notifications/read-all`."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema

from notifications import services
from notifications.models import Notification

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    kind: str
    title: str
    url: str = Field(description="Path of the page to act on")
    created_at: datetime
    read: bool


class ReadAllOut(Schema):
    marked: int = Field(description="How many notifications were unread")


class Page(Schema):
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10**9)


def notification_out(notification: Notification) -> dict:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "title": notification.title,
        "url": notification.url,
        "created_at": notification.created_at,
        "read": notification.read_at is not None,
    }


@router.get("/notifications", response=list[NotificationOut])
def list_notifications(request, page: Query[Page]):
    """The caller's own notifications, newest first (`limit`, `offset` page through them)."""
    rows = Notification.objects.filter(user=request.user)[page.offset : page.offset + page.limit]
    return [notification_out(n) for n in rows]


@router.post("/notifications/read-all", response=ReadAllOut)
def read_all(request):
    """Mark all the caller's notifications read."""
    return {"marked": services.mark_all_read(by=request.user)}


@router.post("/notifications/{notification_id}/read", response=NotificationOut)
def read(request, notification_id: int):
    """Mark one of the caller's notifications read; 404 for anybody else's."""
    notification = get_object_or_404(Notification, pk=notification_id, user=request.user)
    return notification_out(services.mark_read(notification=notification, by=request.user))
