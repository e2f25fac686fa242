"""Writes of announcements from a province to its kab/kota, and their read receipts."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.context import acting_as
from audit.registry import record
from core.errors import DomainError
from meetings.models import Announcement, AnnouncementRead, AnnouncementRecipient
from meetings.services.common import _error, _raise, service


@service
def send_announcement(*, region, by, title, body, recipients=None) -> Announcement:
    """Send an announcement from a province to its kab/kota (all of them unless `recipients`)."""
    if not region.is_province:
        raise DomainError(_("Announcements are sent by a province to its regencies/cities."))
    errors = []
    if not (title or "").strip():
        errors.append(_error("title", _("Give the announcement a title.")))
    if not (body or "").strip():
        errors.append(_error("body", _("Write the announcement.")))
    recipients = list(region.children.all()) if recipients is None else list(recipients)
    if not recipients:
        errors.append(_error("recipients", _("Choose at least one regency/city.")))
    if any(r.parent_id != region.pk for r in recipients):
        errors.append(
            _error(
                "recipients", _("Announcements go only to the regencies/cities of the province.")
            )
        )
    _raise(errors, _("The announcement was not sent."))
    announcement = Announcement.objects.create(
        region=region, title=title.strip(), body=body.strip(), created_by=by
    )
    AnnouncementRecipient.objects.bulk_create(
        [AnnouncementRecipient(announcement=announcement, region=r) for r in recipients]
    )
    record(
        action="other",
        code="meetings.announcement_sent",
        instance=announcement,
        region_code=region.code,
        changes={"recipients": [None, sorted(r.code for r in recipients)]},
        actor=by,
    )
    return announcement


def record_read(*, announcement, region, by) -> bool:
    """Record that `by`, a user of the receiving kab/kota `region`, opened the announcement.
    Provincial and national users looking in leave no receipt. Returns True when recorded now."""
    from meetings.scope import holds_role_in

    if region.pk == announcement.region_id or not holds_role_in(by, region):
        return False
    if not announcement.recipients.filter(region=region).exists():
        return False
    if AnnouncementRead.objects.filter(announcement=announcement, region=region, user=by).exists():
        return False
    try:
        with transaction.atomic(), acting_as(by):
            AnnouncementRead.objects.create(announcement=announcement, region=region, user=by)
    except IntegrityError:  # opened twice at the same moment
        return False
    return True
