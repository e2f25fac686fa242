"""Writes of action items and commitments and their progress reports."""

from django.utils import timezone
from django.utils.translation import gettext as _

from audit.registry import record
from core.concurrency import save_versioned
from core.errors import DomainError
from meetings import notify
from meetings.files import DOCUMENTS, detect_file_type, original_name
from meetings.models import ActionItem, ProgressNote
from meetings.services.common import _error, _person, _raise, service

ITEMS_DONE = "meetings.items_done"


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


@service
def mark_items_done(*, items, by, text, region) -> int:
    """Close several action items at once as done, each with the same progress note `text`; all
    or none. Items already closed are left as they are. One audit record names the batch (the
    items' own records show each change). Returns how many were closed."""
    text = (text or "").strip()
    if not text:
        raise DomainError(
            _("Write what was done."), errors=[_error("text", _("Write what was done."))]
        )
    closed = 0
    for item in items:
        if item.status in ActionItem.CLOSED_STATUSES:
            continue
        report_progress(
            item=item,
            by=by,
            text=text,
            status=ActionItem.Status.DONE,
            expected_version=item.version,
        )
        closed += 1
    if closed:
        record(
            action="other",
            code=ITEMS_DONE,
            model_label=ActionItem._meta.label,
            region_code=region.code,
            object_repr=_("%(count)s action items") % {"count": closed},
            changes={"items": [None, closed]},
            actor=by,
        )
    return closed
