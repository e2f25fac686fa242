"""Writes of the privacy register (keyword-only, `by=` the actor, atomic, audited through the
models registered in privacy.hooks)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.privacy import WHATSAPP
from notifications.kinds import PRIVACY_BREACH, PRIVACY_REQUEST
from notifications.recipients import holders, province_admins
from notifications.services import notify
from privacy import whatsapp_sync
from privacy.models import Breach, Consent, Controller, DataRequest


def _province(region):
    return region.parent if region.parent_id else region


@transaction.atomic
def save_controller(*, region, by, **values) -> Controller:
    controller, _created = Controller.objects.get_or_create(
        region=_province(region), defaults={"controller_name": values.get("controller_name", "")}
    )
    for name, value in values.items():
        setattr(controller, name, value)
    controller.full_clean()
    controller.save()
    return controller


@transaction.atomic
def create_request(
    *, region, kind, requester_name, subject_name, by, member=None, user=None, details=""
) -> DataRequest:
    request = DataRequest(
        region=region,
        kind=kind,
        requester_name=requester_name,
        subject_name=subject_name,
        member=member,
        user=user,
        details=details,
    )
    title = _("Personal-data request (%(kind)s) to serve by %(deadline)s") % {
        "kind": request.get_kind_display(),
        "deadline": _local(request.deadline),
    }
    _save_and_notify(
        request, PRIVACY_REQUEST, province_admins(region), title, "requests", "request"
    )
    return request


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def _save_and_notify(record, kind, users, title, path, key) -> None:
    """Save a new request or breach (its deadline is set on save) and tell `users` of it."""
    record.full_clean(exclude=["deadline"])
    record.save()
    notify(
        kind=kind,
        users=users,
        title=title,
        url=f"/privacy/{path}/{record.pk}/",
        region=record.region,
        key=f"privacy.{key}:{record.pk}",
    )


@transaction.atomic
def close_request(*, request, status, outcome, by) -> DataRequest:
    request = DataRequest.objects.select_for_update().get(pk=request.pk)
    request.status = status
    request.outcome = outcome
    request.handled_by = by
    request.closed_at = timezone.now()
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def give_consent(*, member, purpose, text, method, by) -> Consent:
    consent = Consent(member=member, purpose=purpose, text=text, method=method, recorded_by=by)
    consent.full_clean()
    consent.save()
    if purpose == WHATSAPP:
        whatsapp_sync.set_flag(member, True)
    return consent


@transaction.atomic
def withdraw_consent(*, member, purpose, by) -> int:
    """Withdraw every consent of `member` for `purpose` in force: the use stops at once."""
    count = 0
    for consent in Consent.objects.select_for_update().filter(
        member=member, purpose=purpose, withdrawn_at__isnull=True
    ):
        consent.withdrawn_at = timezone.now()
        consent.save()
        count += 1
    if purpose == WHATSAPP:
        whatsapp_sync.set_flag(member, False)
    return count


def consent_in_force(member, purpose) -> bool:
    if member is None or getattr(member, "pk", None) is None:
        return False
    return Consent.objects.filter(
        member=member, purpose=purpose, withdrawn_at__isnull=True
    ).exists()


@transaction.atomic
def record_breach(*, by, region=None, **values) -> Breach:
    breach = Breach(region=region, recorded_by=by, **values)
    users = holders(None, ("national_admin",))
    if region is not None:
        users += province_admins(region)
    title = _("Personal-data breach: notify subjects and the authority by %(deadline)s") % {
        "deadline": _local(breach.deadline)
    }
    _save_and_notify(breach, PRIVACY_BREACH, users, title, "breaches", "breach")
    return breach


@transaction.atomic
def set_breach_status(*, breach, status, actions, by) -> Breach:
    breach = Breach.objects.select_for_update().get(pk=breach.pk)
    breach.status = status
    if actions:
        breach.actions = actions
    if status == Breach.Status.NOTIFIED and breach.notified_at is None:
        breach.notified_at = timezone.now()
    breach.full_clean()
    breach.save()
    return breach


@transaction.atomic
def correct_own_contact(*, member, by, name, phone, email):
    """A member with an account corrects their own contact data (UU 27/2022 Pasal 6)."""
    member.name, member.phone, member.email = name, phone, email
    member.full_clean(exclude=["workgroup", "institution", "user"])
    member.save()
    record(
        action="other",
        instance=member,
        code="privacy.self_correction",
        region_code=member.workgroup.region.code,
        actor=by,
    )
    return member
