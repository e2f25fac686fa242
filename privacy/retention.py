"""Retention (UU 27/2022 Pasal 16(2)(g) and 43(1)(b)): what is kept how long, and the purge that
removes what has passed it. The daily job `privacy.purge_expired` and
`manage.py purge_expired [--dry-run]` run `purge`; the audit log gets the counts, never values.

Each rule is (key, label, period, queryset(cutoff), action): `delete` removes the rows (and their
files), `blank:<fields>` empties personal fields and keeps the row."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.registry import record

DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    key: str
    label: str
    period: datetime.timedelta
    model: str
    filter: object  # cutoff -> Q
    blank: tuple = ()  # fields emptied (the row stays); empty: the row is deleted
    files: tuple = ()  # file fields deleted with the row


RULES = [
    Rule(
        "audit",
        _("Audit entries"),
        5 * 365 * DAY,
        "audit.AuditEvent",
        lambda cutoff: Q(created_at__lt=cutoff),
    ),
    Rule(
        "reminders",
        _("Reminder logs"),
        365 * DAY,
        "meetings.ReminderLog",
        lambda cutoff: Q(sent_at__lt=cutoff),
    ),
    Rule(
        "tokens",
        _("Revoked API tokens"),
        90 * DAY,
        "accounts.ApiToken",
        lambda cutoff: Q(revoked_at__lt=cutoff),
    ),
    Rule(
        "login_attempts",
        _("Login-attempt logs"),
        90 * DAY,
        "axes.AccessLog",
        lambda cutoff: Q(attempt_time__lt=cutoff),
    ),
    Rule(
        "login_failures",
        _("Failed login logs"),
        90 * DAY,
        "axes.AccessFailureLog",
        lambda cutoff: Q(attempt_time__lt=cutoff),
    ),
    Rule(
        "notifications",
        _("Notifications"),
        365 * DAY,
        "notifications.Notification",
        lambda cutoff: Q(created_at__lt=cutoff),
    ),
    Rule(
        "emails",
        _("Sent e-mails"),
        90 * DAY,
        "jobs.OutgoingEmail",
        lambda cutoff: Q(sent_at__lt=cutoff),
    ),
    Rule(
        "former_members",
        _("Contact data of former members"),
        2 * 365 * DAY,
        "workgroups.Member",
        lambda cutoff: Q(active_until__lt=cutoff.date()) & (~Q(phone="") | ~Q(email="")),
        blank=("phone", "email"),
    ),
    Rule(
        "meeting_materials",
        _("Meeting materials after the archive period (10 years)"),
        10 * 365 * DAY,
        "meetings.Material",
        lambda cutoff: Q(uploaded_at__lt=cutoff),
        files=("file",),
    ),
    Rule(
        "requests",
        _("Closed data-subject requests"),
        3 * 365 * DAY,
        "privacy.DataRequest",
        lambda cutoff: Q(closed_at__lt=cutoff),
    ),
]


def _queryset(rule, now):
    try:
        model = apps.get_model(rule.model)
    except LookupError:
        return None
    return model._base_manager.filter(rule.filter(now - rule.period))


def expired(now=None) -> dict[str, int]:
    """{rule key: rows past their retention} (what a purge would remove)."""
    now = now or timezone.now()
    counts = {}
    for rule in RULES:
        qs = _queryset(rule, now)
        counts[rule.key] = qs.count() if qs is not None else 0
    return counts


def purge(now=None, *, by=None) -> dict[str, int]:
    """Remove (or empty) what has passed its retention; returns {rule key: rows}, recorded in the
    audit log when anything went. Running it again removes nothing more."""
    now = now or timezone.now()
    counts = {}
    with transaction.atomic():
        for rule in RULES:
            qs = _queryset(rule, now)
            if qs is None:
                counts[rule.key] = 0
                continue
            if rule.blank:
                counts[rule.key] = qs.update(**dict.fromkeys(rule.blank, ""))
                continue
            files = []
            for obj in qs.only("pk", *rule.files) if rule.files else ():
                files += [getattr(obj, name) for name in rule.files if getattr(obj, name)]
            counts[rule.key] = qs.count()
            qs.delete()
            for file in files:
                transaction.on_commit(lambda f=file: f.storage.delete(f.name))
        removed = {key: n for key, n in counts.items() if n}
        if removed:
            record(
                action="delete",
                code="privacy.purged",
                model_label="privacy.Retention",
                object_repr="retention purge",
                changes={"removed": removed},
                actor=by,
            )
    return counts
