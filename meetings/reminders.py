"""Reminder e-mails: action items due within 7 days, overdue action items and tomorrow's
meetings. They run every hour on the job schedule (meetings/jobs.py, `meetings.reminders`) and
from `manage.py send_reminders`, both through `run_reminders`. Each (kind, object, recipient,
due date) is sent once: the ReminderLog row is written in the same transaction as the e-mail is
queued (jobs.mail: sent by a worker after the commit, retried while the SMTP server is down),
and its unique constraint stops a second run (or a parallel one) from queueing it again."""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.permissions import Permission
from accounts.roles import ROLES
from jobs import mail
from meetings import notify
from meetings.emails import item_reminder, meeting_reminder
from meetings.models import ActionItem, Meeting, ReminderLog
from workgroups.models import WorkGroup

DUE_SOON_DAYS = 7


def _clean(emails) -> list[str]:
    seen, result = set(), []
    for email in emails:
        email = (email or "").strip().lower()
        if email and email not in seen:
            seen.add(email)
            result.append(email)
    return result


def _operator_roles() -> list[str]:
    return [
        key
        for key, role in ROLES.items()
        if Permission.MEETING_EDIT in role.permissions and key != "national_admin"
    ]


def region_contacts(region) -> list[str]:
    """The Pokja's contact address and the operators (and admins) holding a role for the region."""
    emails = list(
        WorkGroup.objects.filter(region=region, status=WorkGroup.Status.ACTIVE).values_list(
            "contact_email", flat=True
        )
    )
    emails += list(
        get_user_model()
        .objects.filter(
            is_active=True,
            role_assignments__region=region,
            role_assignments__role__in=_operator_roles(),
        )
        .values_list("email", flat=True)
    )
    return _clean(emails)


def item_recipients(item) -> list[str]:
    """The assigned member; without one, the contacts of the assigned region; when that region has
    nobody to write to (no Pokja yet, no operator), the region that set the item, so it can chase."""
    member = item.assigned_member
    if member is not None:
        emails = _clean(
            [member.email or (member.user.email if member.user_id and member.user else "")]
        )
        if emails:
            return emails
    emails = region_contacts(item.assigned_region)
    if not emails and item.region_id != item.assigned_region_id:
        emails = region_contacts(item.region)
    return emails


def meeting_recipients(meeting) -> list[str]:
    participants = meeting.participants.filter(invited=True).select_related("member__user")
    return _clean(p.contact_email() for p in participants)


def _send_once(*, kind, object_id, recipient, due_date, region, build) -> bool:
    key = {"kind": kind, "object_id": object_id, "recipient": recipient, "due_date": due_date}
    if ReminderLog.objects.filter(**key).exists():
        return False
    try:
        with transaction.atomic():
            ReminderLog.objects.create(region_code=region.code, **key)
            mail.send([build(recipient)], region=region)
    except IntegrityError:
        return False
    return True


def run_reminders(*, today: datetime.date | None = None) -> dict:
    """Queue what is due today; returns the number of reminders per kind."""
    today = today or timezone.localdate()
    sent = {kind: 0 for kind in ReminderLog.Kind.values}
    items = ActionItem.objects.filter(status__in=ActionItem.OPEN_STATUSES).select_related(
        "region", "assigned_region", "assigned_institution", "assigned_member__user", "meeting"
    )
    soon = items.filter(
        due_date__gte=today, due_date__lte=today + datetime.timedelta(days=DUE_SOON_DAYS)
    )
    overdue = items.filter(due_date__lt=today)
    for kind, queryset, is_overdue in (
        (ReminderLog.Kind.ITEM_DUE_SOON, soon, False),
        (ReminderLog.Kind.ITEM_OVERDUE, overdue, True),
    ):
        for item in queryset:
            if is_overdue:
                notify.item_overdue(item)
            for recipient in item_recipients(item):
                sent[kind] += _send_once(
                    kind=kind,
                    object_id=item.pk,
                    recipient=recipient,
                    due_date=item.due_date,
                    region=item.assigned_region,
                    build=lambda to, item=item, is_overdue=is_overdue: item_reminder(
                        item, to, overdue=is_overdue
                    ),
                )
    tomorrow = today + datetime.timedelta(days=1)
    # A wide UTC window, then the exact calendar day in each organiser's zone.
    window_start = datetime.datetime.combine(today, datetime.time.min, tzinfo=datetime.UTC)
    candidates = Meeting.objects.filter(
        status=Meeting.Status.SCHEDULED,
        starts_at__gte=window_start,
        starts_at__lt=window_start + datetime.timedelta(days=3),
    ).select_related("region")
    for meeting in candidates:
        if meeting.local_start().date() != tomorrow:
            continue
        for recipient in meeting_recipients(meeting):
            sent[ReminderLog.Kind.MEETING_TOMORROW] += _send_once(
                kind=ReminderLog.Kind.MEETING_TOMORROW,
                object_id=meeting.pk,
                recipient=recipient,
                due_date=tomorrow,
                region=meeting.region,
                build=lambda to, meeting=meeting: meeting_reminder(meeting, to),
            )
    return sent
