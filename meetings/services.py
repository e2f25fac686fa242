"""Writes of the meetings app. Every function is keyword-only, takes the acting user as `by`,
runs in one transaction (all or nothing) and raises `DomainError` with translated messages when
the input breaks a rule. E-mail goes out only after the transaction commits."""

import functools
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.context import acting_as, current_actor
from audit.registry import record
from core.concurrency import save_versioned, stale_message
from core.errors import ConflictError, DomainError
from meetings import notify
from meetings.files import DOCUMENTS, IMAGES, detect_file_type, original_name
from meetings.models import (
    ActionItem,
    AgendaItem,
    Announcement,
    AnnouncementRead,
    AnnouncementRecipient,
    Decision,
    InvitedInstitution,
    InvitedRegion,
    Letterhead,
    Material,
    Meeting,
    Minutes,
    Participant,
    ProgressNote,
)
from workgroups.models import Institution, Member, WorkGroup
from workgroups.validators import normalize_phone


def service(fn):
    """Atomic, and the audit trail names `by` when no request has set an actor."""

    @functools.wraps(fn)
    def wrapper(*args, by, **kwargs):
        with transaction.atomic():
            if current_actor() is None and by is not None:
                with acting_as(by):
                    return fn(*args, by=by, **kwargs)
            return fn(*args, by=by, **kwargs)

    return wrapper


def _error(field, message, row=None) -> dict:
    entry = {"field": field, "message": str(message)}
    if row is not None:
        entry["row"] = row
    return entry


def _raise(errors, message=None):
    if errors:
        raise DomainError(message or errors[0]["message"], errors=errors)


def _person(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


# --- Letterhead -------------------------------------------------------------------------------


@service
def save_letterhead(*, region, by, expected_version=None, logo=None, remove_logo=False, **fields):
    """Create or update the region's letterhead; `logo` is an uploaded PNG or JPEG."""
    unknown = set(fields) - set(Letterhead.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    letterhead = Letterhead.objects.filter(region=region).first()
    is_new = letterhead is None
    if is_new:
        letterhead = Letterhead(region=region)
    for name, value in fields.items():
        setattr(letterhead, name, (value or "").strip())
    old_logo = letterhead.logo.name if letterhead.logo else ""
    if logo is not None:
        letterhead.logo_type = detect_file_type(logo, IMAGES)
        letterhead.logo.save("logo", logo, save=False)
    elif remove_logo:
        letterhead.logo = ""
        letterhead.logo_type = ""
    letterhead.updated_by = by
    if is_new:
        letterhead.save()
    else:
        save_versioned(letterhead, expected_version=expected_version)
    if old_logo and old_logo != (letterhead.logo.name if letterhead.logo else ""):
        storage = letterhead.logo.storage
        transaction.on_commit(partial(storage.delete, old_logo))
    return letterhead


# --- Meetings ---------------------------------------------------------------------------------


def _validate_meeting(values: dict):
    errors = []
    if not (values.get("title") or "").strip():
        errors.append(_error("title", _("Give the meeting a title.")))
    starts, ends = values.get("starts_at"), values.get("ends_at")
    if starts is None:
        errors.append(_error("starts_at", _("Give the start date and time.")))
    if ends is None:
        errors.append(_error("ends_at", _("Give the end date and time.")))
    if starts and ends and ends <= starts:
        errors.append(_error("ends_at", _("The meeting must end after it starts.")))
    if not (values.get("venue") or "").strip() and not (values.get("online_url") or "").strip():
        errors.append(_error("venue", _("Give a venue or an online meeting link.")))
    _raise(errors, _("The meeting was not saved. Correct the fields marked below."))


def _regions_to_invite(region, regions, invite_all_children):
    if invite_all_children:
        if not region.is_province:
            raise DomainError(
                _("Only a province can invite all its regencies/cities."),
                errors=[
                    _error(
                        "invite_all_children",
                        _("Only a province can invite all its regencies/cities."),
                    )
                ],
            )
        return list(region.children.all())
    regions = list(regions or [])
    outside = [r for r in regions if r.parent_id != region.pk]
    if outside:
        message = _("Only the regencies/cities of %(region)s can be invited; not %(codes)s.") % {
            "region": region.display_name,
            "codes": ", ".join(r.code for r in outside),
        }
        raise DomainError(message, errors=[_error("invited_regions", message)])
    return regions


def _sync_invited_regions(meeting, regions, by):
    wanted = {r.pk: r for r in regions}
    current = set(meeting.invited_regions.values_list("region_id", flat=True))
    removed = current - set(wanted)
    if removed:
        InvitedRegion.objects.filter(meeting=meeting, region_id__in=removed).delete()
    added = [wanted[pk] for pk in wanted if pk not in current]
    if added:
        InvitedRegion.objects.bulk_create([InvitedRegion(meeting=meeting, region=r) for r in added])
        record(
            action="other",
            code="meetings.regions_invited",
            model_label=InvitedRegion._meta.label,
            object_id=meeting.pk,
            object_repr=str(meeting),
            region_code=meeting.region.code,
            changes={"regions": [None, sorted(r.code for r in added)]},
            actor=by,
        )


@service
def create_meeting(
    *, region, by, invited_regions=(), invite_all_children=False, **fields
) -> Meeting:
    """Create a meeting organised by `region`; a province may invite its kab/kota (all at once
    with `invite_all_children`)."""
    unknown = set(fields) - set(Meeting.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    _validate_meeting(fields)
    regions = _regions_to_invite(region, invited_regions, invite_all_children)
    fields.setdefault("letter_subject", _("Invitation"))
    meeting = Meeting(region=region, created_by=by, **fields)
    meeting.save()
    _sync_invited_regions(meeting, regions, by)
    return meeting


@service
def update_meeting(
    *, meeting, by, expected_version, invited_regions=None, invite_all_children=False, **fields
) -> Meeting:
    """Change a meeting; `invited_regions=None` leaves the invited regions as they are."""
    unknown = set(fields) - set(Meeting.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    before = notify.snapshot(meeting)
    for name, value in fields.items():
        setattr(meeting, name, value)
    _validate_meeting({name: getattr(meeting, name) for name in Meeting.EDITABLE_FIELDS})
    save_versioned(meeting, expected_version=expected_version)
    if invited_regions is not None or invite_all_children:
        regions = _regions_to_invite(meeting.region, invited_regions, invite_all_children)
        _sync_invited_regions(meeting, regions, by)
    notify.changed(meeting, before, by=by)
    return meeting


def eligible_regions(meeting):
    return [meeting.region, *[ir.region for ir in meeting.invited_regions.select_related("region")]]


def eligible_members(meeting):
    """Active members of the active Pokja of the organising and the invited regions."""
    today = timezone.localdate()
    return (
        Member.objects.filter(
            workgroup__region__in=eligible_regions(meeting),
            workgroup__status=WorkGroup.Status.ACTIVE,
        )
        .filter(Q(active_until__isnull=True) | Q(active_until__gte=today))
        .select_related("institution", "workgroup__region")
        .order_by("workgroup__region__code", "role", "name")
    )


def eligible_institutions(meeting):
    return (
        Institution.objects.filter(region__in=eligible_regions(meeting))
        .select_related("region")
        .order_by("region__code", "name")
    )


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
        member = allowed_members[member_id]
        Participant.objects.create(
            meeting=meeting,
            member=member,
            institution=member.institution,
            region=member.workgroup.region,
            name=member.name,
            position=member.position,
            institution_name=member.institution.name if member.institution else "",
            invited=True,
        )
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
def remove_participant(*, participant, by) -> None:
    participant.delete()


def _check_attendance_allowed(meeting):
    if meeting.is_cancelled:
        raise DomainError(_("The meeting was cancelled: there is no attendance to record."))
    if not meeting.has_started:
        raise DomainError(_("Attendance can be recorded once the meeting has started."))


@service
def record_attendance(*, meeting, by, entries) -> int:
    """Record attendance for several participants at once: `entries` is a list of
    `{"participant_id", "attendance", "represented_by"}`. All rows are saved or none; errors name
    the row. Returns the number of participants whose record changed."""
    _check_attendance_allowed(meeting)
    participants = {p.pk: p for p in meeting.participants.all()}
    errors, changes = [], []
    for row, entry in enumerate(entries, start=1):
        try:
            participant = participants[int(entry.get("participant_id"))]
        except (KeyError, TypeError, ValueError):
            errors.append(
                _error("participant_id", _("This person is not on the meeting's list."), row)
            )
            continue
        status = entry.get("attendance") or Participant.Attendance.UNKNOWN
        if status not in Participant.Attendance.values:
            errors.append(
                _error(
                    "attendance",
                    _("Unknown attendance value “%(value)s”.") % {"value": status},
                    row,
                )
            )
            continue
        represented_by = (entry.get("represented_by") or "").strip()
        if status != Participant.Attendance.REPRESENTED:
            represented_by = ""
        elif not represented_by:
            errors.append(
                _error(
                    "represented_by",
                    _("Write who represented %(name)s.") % {"name": participant.name},
                    row,
                )
            )
            continue
        if (participant.attendance, participant.represented_by) != (status, represented_by):
            changes.append((participant, status, represented_by))
    _raise(errors, _("The attendance was not saved. Correct the rows marked below."))
    now = timezone.now()
    for participant, status, represented_by in changes:
        participant.attendance = status
        participant.represented_by = represented_by
        participant.recorded_at = now
        participant.recorded_by = by
        participant.save(
            update_fields=["attendance", "represented_by", "recorded_at", "recorded_by"]
        )
    return len(changes)


@service
def add_agenda_item(
    *, meeting, by, title, speaker="", starts_at=None, ends_at=None, order=None
) -> AgendaItem:
    errors = []
    if not (title or "").strip():
        errors.append(_error("title", _("Name the session.")))
    if starts_at and ends_at and ends_at < starts_at:
        errors.append(_error("ends_at", _("A session cannot end before it starts.")))
    first_day, last_day = meeting.local_start().date(), meeting.local_end().date()
    for field, value in (("starts_at", starts_at), ("ends_at", ends_at)):
        if value and not first_day <= timezone.localtime(value, meeting.tz).date() <= last_day:
            errors.append(_error(field, _("The session must fall within the days of the meeting.")))
    _raise(errors, _("The session was not added."))
    if order is None:
        order = meeting.agenda_items.count() + 1
    return AgendaItem.objects.create(
        meeting=meeting,
        title=title.strip(),
        speaker=(speaker or "").strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        order=order,
    )


@service
def delete_agenda_item(*, item, by) -> None:
    item.delete()


@service
def add_material(*, meeting, by, title, upload) -> Material:
    """Attach a file (PDF, XLSX or image, checked by content) to the meeting."""
    file_type = detect_file_type(upload, DOCUMENTS)
    material = Material(
        meeting=meeting,
        title=(title or "").strip() or original_name(upload) or _("Material"),
        file_type=file_type,
        original_filename=original_name(upload),
        uploaded_by=by,
    )
    material.file.save("material", upload, save=False)
    material.save()
    return material


@service
def delete_material(*, material, by) -> None:
    name, storage = material.file.name, material.file.storage
    material.delete()
    transaction.on_commit(partial(storage.delete, name))


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


# --- Minutes ----------------------------------------------------------------------------------


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


@service
def approve_minutes(*, minutes, by, expected_version) -> Minutes:
    """The chair approves the minutes: they are locked from then on."""
    if minutes.is_approved:
        raise DomainError(_("The minutes are already approved."))
    if not minutes.meeting.has_started:
        raise DomainError(_("Minutes can be approved once the meeting has taken place."))
    if not minutes.body.strip() and not minutes.decisions.exists():
        raise DomainError(_("The minutes are empty: write them before approving."))
    minutes.approved_at = timezone.now()
    minutes.approved_by = by
    save_versioned(minutes, expected_version=expected_version)
    record(
        action="other",
        code="meetings.minutes_approved",
        instance=minutes,
        region_code=minutes.meeting.region.code,
        changes={"approved_by": [None, by.get_username()]},
        actor=by,
    )
    return minutes


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
    minutes.approved_at = None
    minutes.approved_by = None
    save_versioned(minutes, expected_version=expected_version)
    record(
        action="other",
        code="meetings.minutes_unapproved",
        instance=minutes,
        region_code=minutes.meeting.region.code,
        changes={"approved_by": [previous, None], "reason": [None, reason]},
        actor=by,
    )
    return minutes


# --- Action items -----------------------------------------------------------------------------


def _validate_item(*, region, values) -> list:
    errors = []
    if not (values.get("title") or "").strip():
        errors.append(_error("title", _("Give the action item a title.")))
    if values.get("due_date") is None:
        errors.append(_error("due_date", _("Give a due date.")))
    if values.get("kind") not in ActionItem.Kind.values:
        errors.append(_error("kind", _("Unknown kind.")))
    assigned = values.get("assigned_region")
    if assigned is None:
        errors.append(_error("assigned_region", _("Choose the region responsible.")))
    elif assigned.pk != region.pk and assigned.parent_id != region.pk:
        errors.append(
            _error(
                "assigned_region",
                _("An item can be assigned to %(region)s or one of its regencies/cities.")
                % {"region": region.display_name},
            )
        )
    institution, member = values.get("assigned_institution"), values.get("assigned_member")
    if assigned is not None and institution is not None and institution.region_id != assigned.pk:
        errors.append(
            _error(
                "assigned_institution", _("The institution does not belong to the assigned region.")
            )
        )
    if assigned is not None and member is not None and member.workgroup.region_id != assigned.pk:
        errors.append(
            _error(
                "assigned_member",
                _("The member does not belong to the Pokja of the assigned region."),
            )
        )
    meeting, decision = values.get("meeting"), values.get("decision")
    if meeting is not None and meeting.region_id != region.pk:
        errors.append(_error("meeting", _("The meeting is not organised by this region.")))
    if decision is not None and (meeting is None or decision.minutes.meeting_id != meeting.pk):
        errors.append(_error("decision", _("The decision does not belong to the meeting.")))
    return errors


@service
def create_action_item(
    *,
    region,
    by,
    title,
    due_date,
    assigned_region=None,
    assigned_institution=None,
    assigned_member=None,
    kind=ActionItem.Kind.ACTION,
    description="",
    meeting=None,
    decision=None,
) -> ActionItem:
    """Set an action item or a commitment. Without an assigned region, the member's or the
    institution's region is used, else the region itself."""
    if assigned_region is None:
        if assigned_member is not None:
            assigned_region = assigned_member.workgroup.region
        elif assigned_institution is not None:
            assigned_region = assigned_institution.region
        else:
            assigned_region = region
    values = {
        "title": title, "due_date": due_date, "assigned_region": assigned_region, "kind": kind,
        "assigned_institution": assigned_institution, "assigned_member": assigned_member,
        "meeting": meeting, "decision": decision,
    }  # fmt: skip
    _raise(_validate_item(region=region, values=values), _("The action item was not saved."))
    item = ActionItem.objects.create(
        region=region,
        created_by=by,
        title=title.strip(),
        description=(description or "").strip(),
        due_date=due_date,
        kind=kind,
        assigned_region=assigned_region,
        assigned_institution=assigned_institution,
        assigned_member=assigned_member,
        meeting=meeting,
        decision=decision,
    )
    notify.item_assigned(item)
    return item


@service
def update_action_item(*, item, by, expected_version, **fields) -> ActionItem:
    unknown = set(fields) - set(ActionItem.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if "meeting" in fields and "decision" not in fields:
        new_meeting = fields["meeting"]
        if (new_meeting.pk if new_meeting else None) != item.meeting_id:
            fields["decision"] = None  # a decision belongs to the meeting it was taken at
    owners_before = notify.owner_ids(item)
    for name, value in fields.items():
        setattr(item, name, value.strip() if isinstance(value, str) else value)
    values = {name: getattr(item, name) for name in ActionItem.EDITABLE_FIELDS}
    _raise(_validate_item(region=item.region, values=values), _("The action item was not saved."))
    save_versioned(item, expected_version=expected_version)
    notify.item_assigned(item, skip=owners_before)
    return item


@service
def report_progress(
    *, item, by, text, status=None, evidence=None, expected_version
) -> ProgressNote:
    """Add a progress note (what was done), optionally changing the status and attaching evidence
    (PDF, XLSX or photo, checked by content). Closing an item (done or dropped) records when."""
    errors = []
    text = (text or "").strip()
    if not text:
        errors.append(_error("text", _("Write what was done (or why the status changes).")))
    if status not in (None, "") and status not in ActionItem.Status.values:
        errors.append(_error("status", _("Unknown status.")))
    _raise(errors, _("The progress was not saved."))
    evidence_type = detect_file_type(evidence, DOCUMENTS) if evidence is not None else ""
    status_from = item.status
    changed = bool(status) and status != item.status
    if changed:
        item.status = status
        item.closed_at = timezone.now() if status in ActionItem.CLOSED_STATUSES else None
    save_versioned(item, expected_version=expected_version)
    note = ProgressNote(
        item=item,
        author=by,
        author_name=_person(by),
        text=text,
        status_from=status_from if changed else "",
        status_to=status if changed else "",
    )
    if evidence is not None:
        note.evidence_type = evidence_type
        note.evidence_filename = original_name(evidence)
        note.evidence.save("evidence", evidence, save=False)
    note.save()
    return note


# --- Announcements ----------------------------------------------------------------------------


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
