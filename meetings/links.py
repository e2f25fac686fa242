"""Absolute links for e-mails (which have no request)."""

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return settings.SIPOKJA_BASE_URL.rstrip("/") + path


def meeting_url(meeting, region=None) -> str:
    code = (region or meeting.region).code
    return absolute(reverse("meetings:detail", kwargs={"code": code, "pk": meeting.pk}))


def item_url(item, region=None) -> str:
    code = (region or item.assigned_region).code
    return absolute(reverse("meetings:item_detail", kwargs={"code": code, "pk": item.pk}))
