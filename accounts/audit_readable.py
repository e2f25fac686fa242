"""An audit event as people read it: the record by its name, each changed field by its label,
the old and new values formatted (dates in full, Rupiah, yes/no, choices by their label, a linked
record by its name, times in the region's zone).

The changes are stored as raw values (audit.registry); formatting happens here, when shown, so a
label or a translation that changes later shows on old events too."""

import datetime
import decimal
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from core.formats import format_number, format_rupiah
from core.longdates import long_date, long_datetime

NOTHING = "–"


@dataclass
class Change:
    field: str
    label: str
    old: str
    new: str


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def field_of(model_label: str, name: str):
    model = _model(model_label)
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A reverse relation (e.g. `replaced_by`) is not a field of the record: shown as stored.
    return field if getattr(field, "concrete", False) else None


def field_label(model_label: str, name: str) -> str:
    """The field's verbose name, capitalised (`Jumlah (Rp)`); the raw name when unknown."""
    field = field_of(model_label, name)
    label = getattr(field, "verbose_name", None) or name.replace("_", " ")
    label = str(label)
    return label[:1].upper() + label[1:]


def _is_rupiah(field) -> bool:
    if not isinstance(field, models.IntegerField | models.DecimalField):
        return False
    with translation.override("en"):
        return "(Rp)" in str(field.verbose_name) or "rupiah" in str(field.verbose_name).lower()


def format_value(model_label: str, name: str, value, *, zone=None, abbreviation="") -> str:
    """`value` of the field `name` of `model_label` as text for people."""
    if value is None or value == "":
        return NOTHING
    field = field_of(model_label, name)
    if isinstance(value, bool) or isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if field is not None and field.choices:
        choices = {str(key): label for key, label in field.flatchoices}
        return str(choices.get(str(value), value))
    if isinstance(field, models.ForeignKey):
        # Service-level events may store a name rather than a key: shown as it was stored.
        try:
            related = field.related_model._base_manager.filter(pk=value).first()
        except (ValueError, TypeError, ValidationError):
            return str(value)
        return str(related) if related is not None else f"#{value}"
    try:
        if isinstance(field, models.DateTimeField):
            when = datetime.datetime.fromisoformat(str(value))
            if zone is None:
                return long_date(when)
            return long_datetime(when, zone, abbreviation)
        if isinstance(field, models.DateField):
            return long_date(datetime.date.fromisoformat(str(value)[:10]))
        if isinstance(field, models.TimeField):
            return datetime.time.fromisoformat(str(value)).strftime("%H.%M")
        if _is_rupiah(field):
            return format_rupiah(decimal.Decimal(str(value)))
        if isinstance(field, models.DecimalField):
            return format_number(decimal.Decimal(str(value)), field.decimal_places)
        if isinstance(field, models.IntegerField):
            return format_number(int(value))
    except (ValueError, TypeError, decimal.InvalidOperation):
        pass
    if isinstance(value, list | dict):
        return ", ".join(str(item) for item in value) if isinstance(value, list) else str(value)
    return str(value)


def changes(event, *, zone=None, abbreviation="") -> list[Change]:
    """The event's changed fields, each with its label and the formatted old and new value."""
    rows = []
    for name, pair in (event.changes or {}).items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        rows.append(
            Change(
                field=name,
                label=field_label(event.model, name),
                old=format_value(event.model, name, old, zone=zone, abbreviation=abbreviation),
                new=format_value(event.model, name, new, zone=zone, abbreviation=abbreviation),
            )
        )
    return rows
