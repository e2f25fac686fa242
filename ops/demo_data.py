"""Removing the demo data: every row marked `is_demo` in every app, in one transaction.

Rows are found through the `is_demo` field, so a new app's demo rows are included as soon as
its model has one. Rows that other demo rows depend on (PROTECT) are removed after them; what
a demo row owns (CASCADE, e.g. a demo Pokja's members) goes with it. Real rows (`is_demo` false)
are never selected. Each deleted row of an audited model leaves its audit record.

Not flagged on purpose (kept by a removal): the demo log-ins (accounts), the institutions the
workgroups demo creates and the regions' letterheads; real rows may refer to them (a real
meeting inviting an institution), so removing them could change real data.
"""

from collections import Counter

from django.apps import apps
from django.db import transaction
from django.db.models import ProtectedError


def demo_models() -> list:
    """Every model with an `is_demo` field."""
    return [
        model
        for model in apps.get_models()
        if any(f.name == "is_demo" for f in model._meta.concrete_fields)
    ]


@transaction.atomic
def remove_demo_data() -> Counter:
    """Delete every demo row; returns {model label: rows deleted} (cascades included). All or
    nothing: any failure rolls the whole removal back."""
    removed = Counter()
    pending = demo_models()
    while pending:
        postponed = []
        for model in pending:
            try:
                with transaction.atomic():
                    _total, by_model = model.objects.filter(is_demo=True).delete()
            except ProtectedError:
                postponed.append(model)
                continue
            removed.update({label: n for label, n in by_model.items() if n})
        if len(postponed) == len(pending):
            # Nothing could be removed: a real row depends on a demo row. Stop (rolls back).
            model = postponed[0]
            model.objects.filter(is_demo=True).delete()
        pending = postponed
    return removed
