"""Signals through which a lower app tells the apps above it that something changed, without
knowing them (docs/architecture.md: imports point down, news flows up).

`bulk_changed`: sent after a write that bypasses the model signals (`bulk_create`, `update()`),
so that caches kept by higher apps (the assessment status cache) can drop what they hold.
    sender:     the model class whose rows were written
    region_ids: ids of the regions whose records changed (None: any region)
"""

from django.dispatch import Signal

bulk_changed = Signal()
