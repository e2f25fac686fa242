"""API of announcements from a province and their read receipts."""

import datetime

from ninja import Schema, Status

from accounts.access import get_region
from accounts.permissions import Permission
from meetings import services
from meetings.api.common import Error, _regions, router
from meetings.models import Announcement, AnnouncementRead
from meetings.scope import announcements_in, get_announcement


class _AnnouncementFields(Schema):
    id: int
    region: str
    title: str
    body: str
    published_at: datetime.datetime
    recipients: list[str]


class AnnouncementOut(_AnnouncementFields):
    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_recipients(obj):
        return [r.region.code for r in obj.recipients.select_related("region")]


class ReadOut(Schema):
    region: str
    read_at: datetime.datetime | None
    read_by: str | None


class AnnouncementDetailOut(_AnnouncementFields):
    reads: list[ReadOut] | None = None


class AnnouncementIn(Schema):
    title: str
    body: str
    recipients: list[str] | None = None


def _reads(announcement) -> list[dict]:
    first = {}
    for read in (
        AnnouncementRead.objects.filter(announcement=announcement)
        .select_related("user")
        .order_by("read_at")
    ):
        first.setdefault(read.region_id, read)
    return [
        {
            "region": r.region.code,
            "read_at": first[r.region_id].read_at if r.region_id in first else None,
            "read_by": first[r.region_id].user.get_username() if r.region_id in first else None,
        }
        for r in announcement.recipients.select_related("region")
    ]


@router.get("/regions/{code}/announcements", response=list[AnnouncementOut])
def list_announcements(request, code: str):
    """Announcements the province sent, or the kab/kota received."""
    region = get_region(request.user, code)
    return list(announcements_in(region)[:500])


@router.post("/regions/{code}/announcements", response={201: AnnouncementDetailOut, 400: Error})
def send_announcement(request, code: str, payload: AnnouncementIn):
    """Send an announcement from a province to its kab/kota (all unless `recipients`)."""
    region = get_region(request.user, code, Permission.ANNOUNCEMENT_SEND)
    recipients = (
        _regions(payload.recipients, "recipients") if payload.recipients is not None else None
    )
    announcement = services.send_announcement(
        region=region,
        by=request.user,
        title=payload.title,
        body=payload.body,
        recipients=recipients,
    )
    return Status(201, _announcement_detail(announcement, with_reads=True))


def _announcement_detail(announcement: Announcement, *, with_reads: bool) -> dict:
    return {
        "id": announcement.pk,
        "region": announcement.region.code,
        "title": announcement.title,
        "body": announcement.body,
        "published_at": announcement.published_at,
        "recipients": [r.region.code for r in announcement.recipients.select_related("region")],
        "reads": _reads(announcement) if with_reads else None,
    }


@router.get("/regions/{code}/announcements/{announcement_id}", response=AnnouncementDetailOut)
def get_announcement_detail(request, code: str, announcement_id: int):
    """One announcement. Opening it as a user of a receiving kab/kota records a read receipt; the
    sending province gets `reads` (which kab/kota have read it)."""
    region = get_region(request.user, code)
    announcement = get_announcement(region, announcement_id)
    services.record_read(announcement=announcement, region=region, by=request.user)
    return _announcement_detail(announcement, with_reads=region.pk == announcement.region_id)
