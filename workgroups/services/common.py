"""What the writes of the Pokja registry share."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from audit.context import acting_as
from core.errors import DomainError
from core.validation import refuse_nulls
from workgroups.validators import normalize_phone


class WorkGroupExists(DomainError):
    """The region already has an active Pokja (HTTP 409 in the API)."""

    status = 409


@contextmanager
def _acting(by):
    """The audit actor is the user named in `by` (a request already sets it; commands and
    tests may not). Everything inside runs in one transaction."""
    with acting_as(by), transaction.atomic():
        yield


def _full_clean(instance, exclude=None):
    """Run model validation (field rules and constraints) and raise its errors as they are:
    forms show them on the fields, the API answers 400."""
    instance.full_clean(exclude=exclude)


def _set_fields(instance, fields: dict, allowed):
    unknown = set(fields) - set(allowed)
    if unknown:
        raise DomainError(_("Unknown fields: %(fields)s.") % {"fields": ", ".join(sorted(unknown))})
    refuse_nulls(type(instance), fields)
    for name, value in fields.items():
        setattr(instance, name, value)


def _phone(value, field="phone"):
    try:
        return normalize_phone(value)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from None
