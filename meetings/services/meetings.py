"""Writes of meetings: create and update, invited regions, agenda and materials."""

from functools import partial

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import save_versioned
from core.errors import DomainError
from meetings import notify
from meetings.files import DOCUMENTS, detect_file_type, original_name
from meetings.models import AgendaItem, InvitedRegion, Material, Meeting
from meetings.services.common import _error, _raise, service
from workgroups.models import Institution, Member, WorkGroup


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
        .select_related("institution", "subgroup", "workgroup__region")
        .order_by("workgroup__region__code", "role", "name")
    )


def eligible_institutions(meeting):
    return (
        Institution.objects.filter(region__in=eligible_regions(meeting))
        .select_related("region")
        .order_by("region__code", "name")
    )


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
