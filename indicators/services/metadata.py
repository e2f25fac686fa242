"""Importing indicator metadata (the JSON of `indicators.metadata`): all or nothing."""

import json

from django.db import transaction
from django.utils.translation import gettext as _

from audit.registry import record
from core.errors import DomainError
from indicators.metadata import FIELD_NAMES, FORMAT
from indicators.models import Indicator


def import_metadata(*, data: bytes, by) -> int:
    """Set the MS-Ind fields of the catalogue's indicators from `data`; returns how many
    indicators changed. Any error (unknown code, value too long) rejects the whole file."""
    try:
        document = json.loads(data)
        items = document["indicators"]
        if document.get("format") != FORMAT or not isinstance(items, list):
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise DomainError(_("This is not an indicator metadata file.")) from None
    errors = []
    by_code = {
        i.code: i
        for i in Indicator.objects.filter(
            code__in=[str(x.get("code")) for x in items if isinstance(x, dict)]
        )
    }
    updates = []
    for number, item in enumerate(items, start=1):
        indicator = by_code.get(str(item.get("code"))) if isinstance(item, dict) else None
        if indicator is None:
            errors.append({"row": number, "message": _("Unknown indicator code.")})
            continue
        changes = {}
        for name in FIELD_NAMES:
            if name not in item:
                continue
            value = "" if item[name] is None else str(item[name])
            limit = Indicator._meta.get_field(name).max_length
            if limit and len(value) > limit:
                errors.append({"row": number, "field": name, "message": _("Too long.")})
                continue
            if getattr(indicator, name) != value:
                changes[name] = [getattr(indicator, name), value]
        if changes:
            updates.append((indicator, changes))
    if errors:
        raise DomainError(_("The file was not imported; correct the rows below."), errors=errors)
    with transaction.atomic():
        for indicator, changes in updates:
            for name, (_old, new) in changes.items():
                setattr(indicator, name, new)
            indicator.version += 1
            indicator.save(update_fields=[*changes, "version"])
        record(
            action="other",
            code="indicators.metadata_imported",
            model_label="indicators.Indicator",
            object_repr=_("Indicator metadata"),
            changes={"indicators": [None, len(updates)]},
            actor=by,
        )
    return len(updates)
