"""What the services of strategic issues and the knowledge centre share."""

from django.core.exceptions import ValidationError
from django.db import transaction

from core.concurrency import stale_message
from core.errors import ConflictError, DomainError


def _full_clean(instance, *, exclude=None):
    """Model validation as a DomainError listing `{"field", "message"}` (forms and API alike)."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        errors = []
        for name, messages in exc.message_dict.items():
            for message in messages:
                errors.append({"field": "" if name == "__all__" else name, "message": message})
        raise DomainError(" ".join(e["message"] for e in errors), errors=errors) from None


def _field_error(name, message):
    return DomainError(message, errors=[{"field": name, "message": message}])


def _locked(model, instance, expected_version):
    if expected_version is None:
        raise ConflictError(stale_message())
    fresh = model.objects.select_for_update().filter(pk=instance.pk).first()
    if fresh is None or fresh.version != int(expected_version):
        raise ConflictError(stale_message())
    return fresh


def _ids(items) -> list[int]:
    return sorted({int(getattr(item, "pk", item)) for item in items})


def _remove_after_commit(storage, name):
    if storage is None or not name:
        return

    def remove():
        try:
            storage.delete(name)
        except OSError:
            pass

    transaction.on_commit(remove)
