"""Optimistic locking: every editable record carries a `version`; a save must name the version
it was based on, and is refused when someone else saved in between (no silent overwrites)."""

from django.db import models, transaction
from django.utils.translation import gettext as _

from core.errors import ConflictError, DomainError


class VersionedModel(models.Model):
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True


def stale_message():
    return _(
        "This record was changed by someone else after you opened it. "
        "Reload the page to see the latest version, then make your change again."
    )


def lock_version(instance, expected_version):
    """The stored row of `instance`, re-read for update; a missing row, a missing
    `expected_version` or another version is a conflict. Related objects the caller already
    loaded (and scoped by region) are kept, to avoid fetching them again."""
    if expected_version is None:
        raise ConflictError(stale_message())
    fresh = type(instance)._base_manager.select_for_update().filter(pk=instance.pk).first()
    if fresh is None or fresh.version != int(expected_version):
        raise ConflictError(stale_message())
    for name, related in instance._state.fields_cache.items():
        fresh._state.fields_cache.setdefault(name, related)
    return fresh


def known_fields(fields, allowed, what: str) -> None:
    """A service's `**fields` must be among `allowed` (a programming error otherwise)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"unknown {what} fields: {sorted(unknown)}")


def lock_owned(instance, expected_version, refused: str, **owner):
    """`instance` locked at `expected_version` (lock_version) once it is known to belong to the
    one `owner` given (`region=region`); `refused` is the DomainError message when it does not."""
    ((field, parent),) = owner.items()
    if getattr(instance, f"{field}_id") != parent.pk:
        raise DomainError(refused)
    instance = lock_version(instance, expected_version)
    setattr(instance, field, parent)
    return instance


def save_record(instance, *, expected_version):
    """Insert a new record, or save an existing one if the stored version still equals
    `expected_version` (save_versioned)."""
    if instance._state.adding:
        instance.save()
        return instance
    return save_versioned(instance, expected_version=expected_version)


def stored_version(instance) -> int | None:
    """The version of `instance` as stored, its row locked for update until the transaction
    ends; None when the row is gone."""
    return (
        type(instance)
        ._base_manager.select_for_update()
        .filter(pk=instance.pk)
        .values_list("version", flat=True)
        .first()
    )


@transaction.atomic
def save_versioned(instance, *, expected_version, update_fields=None):
    """Save `instance` if the stored version still equals `expected_version`, and bump it."""
    current = stored_version(instance)
    if current is None or expected_version is None or int(expected_version) != current:
        raise ConflictError(stale_message())
    instance.version = current + 1
    if update_fields is not None:
        update_fields = list(update_fields) + ["version"]
    instance.save(update_fields=update_fields)
    return instance
