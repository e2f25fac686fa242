"""Everything Sipokja holds about one person (UU 27/2022 Pasal 7 and 32): the access export, as
JSON and as a readable PDF."""

import json

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf
from core.privacy import personal_fields
from core.pseudonyms import leaves
from privacy.models import Consent, DataRequest
from privacy.subject import Subject, models_with_personal_fields, owner_links, value_matches


def personal_data(subject: Subject) -> dict:
    values = subject.values()
    user = subject.user
    data: dict = {"generated_at": timezone.now().isoformat(), "account": None, "members": []}
    if user is not None:
        data["account"] = {
            "username": user.get_username(),
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "language": user.language,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "roles": [
                {"role": a.role, "region": a.region.code if a.region_id else None}
                for a in user.role_assignments.select_related("region")
            ],
            "api_tokens": [
                {"name": t.name, "created_at": t.created_at, "revoked_at": t.revoked_at}
                for t in user.api_tokens.all()
            ],
        }
    for member in subject.members:
        data["members"].append(
            {
                "id": member.pk,
                "name": member.name,
                "position": member.position,
                "phone": member.phone,
                "email": member.email,
                "role": member.role,
                "workgroup": str(member.workgroup),
                "region": member.workgroup.region.code,
                "active_from": member.active_from,
                "active_until": member.active_until,
            }
        )
    records, seen = _records(subject, values)
    data["records"] = records
    data["consents"] = [
        {
            "purpose": c.purpose,
            "text": c.text,
            "method": c.method,
            "given_at": c.given_at,
            "withdrawn_at": c.withdrawn_at,
        }
        for c in Consent.objects.filter(member__in=subject.members)
    ]
    data["requests"] = [
        {"kind": r.kind, "received_at": r.received_at, "status": r.status, "outcome": r.outcome}
        for r in DataRequest.objects.filter(_request_q(subject))
    ]
    data["audit"] = _audit(subject, values, seen)
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _request_q(subject):
    q = Q(member__in=subject.members)
    if subject.user is not None:
        q |= Q(user=subject.user)
    return q


def _records(subject, values):
    """{model label: [{id, field: value}]}: the personal fields of rows linked to the person,
    and the fields of other rows whose value is one of theirs (only those fields)."""
    records: dict = {}
    seen: set = set()
    skip = {"workgroups.member", "accounts.user"}
    for model in models_with_personal_fields():
        label = model._meta.label
        if label.lower() in skip:
            continue
        fields = personal_fields(model)
        rows = {}
        link = owner_links(model, subject)
        if link is not None:
            for obj in model._base_manager.filter(link):
                rows[obj.pk] = {name: getattr(obj, name) for name in fields}
        for name in fields:
            q = value_matches(model, name, values)
            if q is None:
                for pk, value in model._base_manager.values_list("pk", name).iterator():
                    mine = [v for v in leaves(value) if v.strip() in values]
                    if mine:
                        rows.setdefault(pk, {})[name] = mine
                continue
            for pk, value in model._base_manager.filter(q).values_list("pk", name):
                rows.setdefault(pk, {})[name] = value
        if rows:
            records[label] = [{"id": pk, **row} for pk, row in sorted(rows.items())]
            seen.update((label, str(pk)) for pk in rows)
    return records, seen


def _audit(subject, values, seen):
    """Audit entries that name the person: about their account or member record, about a row
    that is theirs, or whose record text is one of their values; and, without details, what
    they did themselves."""
    AuditEvent = apps.get_model("audit", "AuditEvent")
    about = Q(model="workgroups.Member", object_id__in=[str(pk) for pk in subject.member_ids()])
    if subject.user is not None:
        about |= Q(model=subject.user._meta.label, object_id=str(subject.user.pk))
    about |= Q(object_repr__in=list(values))
    username = subject.user.get_username() if subject.user is not None else None
    entries = []
    for e in AuditEvent.objects.filter(about).order_by("created_at", "pk"):
        entries.append(_entry(e, details=True, username=username))
    ids = {e["id"] for e in entries}
    for label, pk in seen:
        for e in AuditEvent.objects.filter(model=label, object_id=pk):
            if e.pk not in ids:
                entry = _entry(e, details=True, username=username)
                # A row shared with others (minutes, an attendance list): only their values.
                changes = e.changes if isinstance(e.changes, dict) else {}
                entry["changes"] = {
                    key: value
                    for key, value in changes.items()
                    if any(leaf.strip() in values for leaf in leaves(value))
                }
                entries.append(entry)
                ids.add(e.pk)
    if subject.user is not None:
        for e in AuditEvent.objects.filter(actor_id=subject.user.pk).exclude(pk__in=ids):
            entries.append(_entry(e, details=False, username=username))
    return sorted(entries, key=lambda e: (e["time"], e["id"]))


def _entry(event, *, details, username=None):
    entry = {
        "id": event.pk,
        "time": event.created_at,
        # Who else acted is their personal data: named only when it is the person themselves.
        "by": event.actor_username if event.actor_username in (username, "system") else "",
        "action": event.action,
        "code": event.code,
        "model": event.model,
        "object_id": event.object_id,
    }
    if details:
        entry["record"] = event.object_repr
        entry["changes"] = event.changes
    return entry


def as_pdf(data: dict) -> bytes:
    html = render_to_string("privacy/export_pdf.html", {"data": data, "json": json.dumps})
    return render_pdf(html)


def export_files(subject: Subject) -> dict[str, bytes]:
    data = personal_data(subject)
    return {
        "data-pribadi.json": json.dumps(data, indent=2, ensure_ascii=False).encode(),
        "data-pribadi.pdf": as_pdf(data),
    }
