"""Automatic audit records for every create, update and delete of registered models.

`register(Model, ..., region=..., fields=...)` is called from each app's `AppConfig.ready()`.
Bulk operations (imports) bypass model signals; their services call `record()` once instead.
"""

import datetime
import decimal
import uuid

from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save

from audit import version
from audit.context import current_actor
from audit.models import AuditEvent

_registry: dict[type, dict] = {}


def _value(instance, field):
    value = getattr(instance, field.attname)
    if isinstance(field, models.FileField):
        return value.name if value else ""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def _snapshot(instance, fields):
    return {f.name: _value(instance, f) for f in fields}


def _fields(model, names):
    concrete = [f for f in model._meta.concrete_fields if not f.primary_key]
    if names is None:
        return [f for f in concrete if f.name not in ("version", "created_at", "updated_at")]
    return [f for f in concrete if f.name in names]


def record(
    *,
    action,
    instance=None,
    model_label="",
    object_id="",
    object_repr="",
    region_code="",
    changes=None,
    code="",
    actor=None,
):
    """Write one audit event. `actor` defaults to the user of the current request or command."""
    actor = actor if actor is not None else current_actor()
    if instance is not None:
        model_label = model_label or instance._meta.label
        object_id = object_id or str(instance.pk)
        object_repr = object_repr or str(instance)[:200]
    event = AuditEvent.objects.create(
        actor_id=getattr(actor, "pk", None),
        actor_username=getattr(actor, "username", None) or "system",
        action=action,
        code=code,
        model=model_label,
        object_id=str(object_id),
        object_repr=str(object_repr)[:200],
        region_code=region_code or "",
        changes=changes or {},
    )
    version.changed()
    return event


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    config = _registry[sender]
    old = None
    if instance.pk is not None:
        previous = sender._base_manager.filter(pk=instance.pk).first()
        if previous is not None:
            old = _snapshot(previous, config["fields"])
    instance._audit_old = old


def _post_save(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    config = _registry[sender]
    new = _snapshot(instance, config["fields"])
    old = getattr(instance, "_audit_old", None)
    if created or old is None:
        changes = {k: [None, v] for k, v in new.items() if v not in (None, "")}
        action = AuditEvent.Action.CREATE
    else:
        changes = {k: [old.get(k), v] for k, v in new.items() if old.get(k) != v}
        if not changes:
            return
        action = AuditEvent.Action.UPDATE
    record(
        action=action, instance=instance, region_code=config["region"](instance), changes=changes
    )


def _post_delete(sender, instance, **kwargs):
    config = _registry[sender]
    old = _snapshot(instance, config["fields"])
    try:
        region_code = config["region"](instance)
    except Exception:  # the parent may already be gone in a cascade
        region_code = ""
    record(
        action=AuditEvent.Action.DELETE,
        instance=instance,
        region_code=region_code,
        changes={k: [v, None] for k, v in old.items() if v not in (None, "")},
    )


def region_at(path: str):
    """The region code of a record found by following `path` (dotted attribute names, e.g.
    "workgroup.region") to a region: "" when a link on the way is empty."""

    def code(obj) -> str:
        for name in path.split("."):
            obj = getattr(obj, name)
            if obj is None:
                return ""
        return obj.code

    return code


def _national(obj) -> str:
    return ""


def register(*models, region="region", fields=None):
    """Audit every save and delete of `models`. `region` finds a record's region code: the
    path to its region (`region_at`; by default its own `region` field), None for national
    records (no region), or a function of the record."""
    if region is None:
        find = _national
    elif isinstance(region, str):
        find = region_at(region)
    else:
        find = region
    for model in models:
        _registry[model] = {"region": find, "fields": _fields(model, fields)}
        uid = f"audit-{model._meta.label}"
        pre_save.connect(_pre_save, sender=model, dispatch_uid=uid + "-pre")
        post_save.connect(_post_save, sender=model, dispatch_uid=uid + "-post")
        post_delete.connect(_post_delete, sender=model, dispatch_uid=uid + "-del")
