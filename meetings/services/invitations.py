"""Writes of a meeting's invitees and guests, and the e-mailed invitations."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.errors import DomainError
from meetings import notify
from meetings.models import InvitedInstitution, Participant
from meetings.services.attendance import _check_attendance_allowed
from meetings.services.common import _error, _raise, service
from meetings.services.meetings import eligible_institutions, eligible_members, eligible_regions
from workgroups.validators import normalize_phone

MEMBERS_INVITED = "meetings.members_invited"


def _invitation(meeting, member) -> Participant:
    return Participant(
        meeting=meeting,
        member=member,
        institution=member.institution,
        region=member.workgroup.region,
        name=member.name,
        position=member.position,
        institution_name=member.institution.name if member.institution else "",
        invited=True,
    )


@service
def invite_members(*, meeting, by, members, group="") -> int:
    """Invite these members at once (a whole sub-group, institution, role or region: `group`
    names it for the audit record), adding them to those already invited. All must be members of
    the Pokja of the organising or an invited region, else nothing is written. One audit record
    for the batch. Returns how many were added (members already invited are skipped)."""
    if meeting.is_cancelled:
        raise DomainError(_("The meeting was cancelled: nobody can be invited."))
    members = list(members)
    allowed = set(eligible_members(meeting).values_list("pk", flat=True))
    if any(member.pk not in allowed for member in members):
        raise DomainError(
            _("Some chosen members do not belong to the Pokja of an invited region."),
            errors=[_error("members", _("Nobody was invited."))],
        )
    already = set(
        meeting.participants.filter(member__isnull=False).values_list("member_id", flat=True)
    )
    new = [_invitation(meeting, m) for m in members if m.pk not in already]
    Participant.objects.bulk_create(new)
    if new:
        record(
            action="other",
            code=MEMBERS_INVITED,
            instance=meeting,
            region_code=meeting.region.code,
            changes={"members": [None, len(new)], "group": [None, str(group)]},
            actor=by,
        )
    return len(new)


@service
def set_invitees(*, meeting, by, members, institutions) -> dict:
    """Make the invited members and institutions exactly these. Members whose attendance has been
    recorded cannot be taken off the list."""
    member_ids = {m.pk if hasattr(m, "pk") else int(m) for m in members}
    institution_ids = {i.pk if hasattr(i, "pk") else int(i) for i in institutions}
    allowed_members = {m.pk: m for m in eligible_members(meeting)}
    allowed_institutions = set(eligible_institutions(meeting).values_list("pk", flat=True))
    errors = []
    if member_ids - set(allowed_members):
        errors.append(
            _error(
                "members", _("Some chosen members do not belong to the Pokja of an invited region.")
            )
        )
    if institution_ids - allowed_institutions:
        errors.append(
            _error(
                "institutions", _("Some chosen institutions do not belong to an invited region.")
            )
        )
    current = {p.member_id: p for p in meeting.participants.filter(member__isnull=False)}
    for member_id in set(current) - member_ids:
        if current[member_id].attendance != Participant.Attendance.UNKNOWN:
            errors.append(
                _error(
                    "members",
                    _("%(name)s cannot be taken off the list: their attendance is recorded.")
                    % {"name": current[member_id].name},
                )
            )
    _raise(errors, _("The invitations were not saved."))

    for member_id in set(current) - member_ids:
        current[member_id].delete()
    added = 0
    for member_id in member_ids - set(current):
        _invitation(meeting, allowed_members[member_id]).save()
        added += 1
    current_institutions = set(
        meeting.invited_institutions.values_list("institution_id", flat=True)
    )
    InvitedInstitution.objects.filter(
        meeting=meeting, institution_id__in=current_institutions - institution_ids
    ).delete()
    for institution_id in institution_ids - current_institutions:
        InvitedInstitution.objects.create(meeting=meeting, institution_id=institution_id)
    return {
        "members_added": added,
        "members": len(member_ids),
        "institutions": len(institution_ids),
    }


@service
def add_guest(
    *,
    meeting,
    by,
    name,
    institution_name="",
    position="",
    email="",
    phone="",
    region=None,
    invited=True,
    attendance=Participant.Attendance.UNKNOWN,
    represented_by="",
) -> Participant:
    """Write someone in by name: an invited guest (a speaker, a partner), or a walk-in who signed
    the attendance sheet (`invited=False`, usually `attendance="present"`)."""
    errors = []
    name = (name or "").strip()
    if not name:
        errors.append(_error("name", _("Write the guest's name.")))
    try:
        phone = normalize_phone(phone)
    except ValidationError as exc:
        errors.append(_error("phone", exc.messages[0]))
    if region is not None and region.pk not in {r.pk for r in eligible_regions(meeting)}:
        errors.append(_error("region", _("The region is neither the organiser nor invited.")))
    if attendance not in Participant.Attendance.values:
        errors.append(_error("attendance", _("Unknown attendance value.")))
    elif attendance != Participant.Attendance.UNKNOWN:
        _check_attendance_allowed(meeting)
    if attendance == Participant.Attendance.REPRESENTED and not (represented_by or "").strip():
        errors.append(_error("represented_by", _("Write who represented the guest.")))
    _raise(errors, _("The guest was not added."))
    recorded = attendance != Participant.Attendance.UNKNOWN
    return Participant.objects.create(
        meeting=meeting,
        region=region,
        name=name,
        position=(position or "").strip(),
        institution_name=(institution_name or "").strip(),
        email=(email or "").strip(),
        phone=phone,
        invited=invited,
        attendance=attendance,
        represented_by=(represented_by or "").strip()
        if attendance == Participant.Attendance.REPRESENTED
        else "",
        recorded_at=timezone.now() if recorded else None,
        recorded_by=by if recorded else None,
    )


@service
def send_invitations(*, meeting, by, resend=False) -> int:
    """E-mail the invitation (with the .ics attached) to invited participants with an e-mail
    address; by default only to those not yet invited by e-mail. Returns how many will be sent.
    The e-mails leave after the transaction commits."""
    if meeting.is_cancelled:
        raise DomainError(_("The meeting was cancelled: no invitations can be sent."))
    participants = meeting.participants.filter(invited=True).select_related("member__user")
    if not resend:
        participants = participants.filter(invitation_sent_at__isnull=True)
    targets = [p.pk for p in participants if p.contact_email()]
    if not targets:
        return 0
    Participant.objects.filter(pk__in=targets).update(invitation_sent_at=timezone.now())
    record(
        action="other",
        code="meetings.invitations_sent",
        instance=meeting,
        region_code=meeting.region.code,
        changes={"recipients": [None, len(targets)], "resend": [None, bool(resend)]},
        actor=by,
    )
    notify.invitations(meeting, targets, by=by)
    return len(targets)
