"""What the services of the meetings app share: the `@service` wrapper and the error list."""

import functools

from django.db import transaction

from audit.context import acting_as, current_actor
from core.errors import DomainError


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
