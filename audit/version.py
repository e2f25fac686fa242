"""The data version: a number that changes after every committed state change.

Every state change writes an audit record (audit.registry.record); each record asks for the
version to be raised once its transaction commits. A page cached under the version it read
before reading its data is therefore never served after a change to that data has committed.
Bulk writes that bypass the audit trail (demo data, the synthetic national data) call `bump()`.
"""

import logging

from django.db import transaction
from django.db.models import F

from audit.models import DataVersion

log = logging.getLogger(__name__)
_ROW = 1


def current() -> int:
    """The current data version (one query)."""
    return DataVersion.objects.filter(pk=_ROW).values_list("value", flat=True).first() or 0


def bump() -> None:
    if not DataVersion.objects.filter(pk=_ROW).update(value=F("value") + 1):
        DataVersion.objects.get_or_create(pk=_ROW, defaults={"value": 1})


def _bump_after_commit() -> None:
    try:
        bump()
    except Exception:  # the change itself is committed; caches expire on their own
        log.exception("Could not raise the data version")


def changed() -> None:
    """Raise the data version when the current transaction commits (at once outside one).
    Once per transaction: later calls in the same transaction find the pending raise."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        entry[1] is _bump_after_commit for entry in connection.run_on_commit
    ):
        return
    transaction.on_commit(_bump_after_commit)
