"""Writes of minutes (notulen) and their decisions: save, approve, withdraw the approval."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import save_versioned, stale_message
from core.errors import ConflictError, DomainError
from meetings.models import Decision, Minutes
from meetings.services.common import _error, _raise, service


def _locked():
    return DomainError(
        _(
            "The minutes are approved and locked. To change them, withdraw the approval first (this is recorded)."
        )
    )


def _sync_decisions(minutes, decisions):
    existing = {d.pk: d for d in minutes.decisions.all()}
    kept, errors, number = set(), [], 0
    plan = []
    for row, entry in enumerate(decisions, start=1):
        text = (entry.get("text") or "").strip()
        raw_id = entry.get("id")
        if not text:
            continue
        number += 1
        if raw_id not in (None, ""):
            try:
                decision = existing[int(raw_id)]
            except (KeyError, TypeError, ValueError):
                errors.append(
                    _error("decisions", _("This decision does not belong to these minutes."), row)
                )
                continue
            kept.add(decision.pk)
            plan.append((decision, number, text))
        else:
            plan.append((None, number, text))
    _raise(errors, _("The minutes were not saved."))
    for pk in set(existing) - kept:
        existing[pk].delete()
    for decision, number, text in plan:
        if decision is None:
            Decision.objects.create(minutes=minutes, number=number, text=text)
        elif (decision.number, decision.text) != (number, text):
            decision.number, decision.text = number, text
            decision.save(update_fields=["number", "text"])


@service
def save_minutes(
    *, meeting, by, body, chair_name="", secretary_name="", decisions=None, expected_version=None
) -> Minutes:
    """Write the minutes of a meeting (the body is sanitised on save) and, when `decisions` is
    given, make the decisions exactly that list (`[{"id": …, "text": …}]`, blank texts ignored,
    numbered in order). Approved minutes are refused."""
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.is_approved:
        raise _locked()
    if minutes is None:
        minutes = Minutes(meeting=meeting)
    minutes.body = body or ""
    minutes.chair_name = (chair_name or "").strip()
    minutes.secretary_name = (secretary_name or "").strip()
    minutes.updated_by = by
    if minutes.pk is None:
        try:
            with transaction.atomic():
                minutes.save()
        except IntegrityError:
            raise ConflictError(stale_message()) from None
    else:
        save_versioned(minutes, expected_version=expected_version)
    if decisions is not None:
        _sync_decisions(minutes, decisions)
    return minutes


def _set_approval(minutes, approver, approved_at, by, expected_version, code, changes):
    """Save the approval (or its withdrawal) of `minutes` and audit it under `code`."""
    minutes.approved_at = approved_at
    minutes.approved_by = approver
    save_versioned(minutes, expected_version=expected_version)
    record(
        action="other",
        code=code,
        instance=minutes,
        region_code=minutes.meeting.region.code,
        changes=changes,
        actor=by,
    )
    return minutes


@service
def approve_minutes(*, minutes, by, expected_version) -> Minutes:
    """The chair approves the minutes: they are locked from then on."""
    if minutes.is_approved:
        raise DomainError(_("The minutes are already approved."))
    if not minutes.meeting.has_started:
        raise DomainError(_("Minutes can be approved once the meeting has taken place."))
    if not minutes.body.strip() and not minutes.decisions.exists():
        raise DomainError(_("The minutes are empty: write them before approving."))
    changes = {"approved_by": [None, by.get_username()]}
    return _set_approval(
        minutes, by, timezone.now(), by, expected_version, "meetings.minutes_approved", changes
    )


@service
def withdraw_approval(*, minutes, by, reason, expected_version) -> Minutes:
    """Un-approve the minutes so they can be corrected; the reason is kept in the audit trail."""
    if not minutes.is_approved:
        raise DomainError(_("The minutes are not approved."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            _("Say why the approval is withdrawn."),
            errors=[_error("reason", _("Say why the approval is withdrawn."))],
        )
    previous = minutes.approved_by.get_username() if minutes.approved_by else ""
    changes = {"approved_by": [previous, None], "reason": [None, reason]}
    return _set_approval(
        minutes, None, None, by, expected_version, "meetings.minutes_unapproved", changes
    )
