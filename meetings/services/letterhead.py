"""Writes of a region's letterhead (kop surat)."""

from functools import partial

from django.db import transaction

from core.concurrency import save_versioned
from meetings.files import IMAGES, detect_file_type
from meetings.models import Letterhead
from meetings.services.common import service


@service
def save_letterhead(*, region, by, expected_version=None, logo=None, remove_logo=False, **fields):
    """Create or update the region's letterhead; `logo` is an uploaded PNG or JPEG."""
    unknown = set(fields) - set(Letterhead.EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    letterhead = Letterhead.objects.filter(region=region).first()
    is_new = letterhead is None
    if is_new:
        letterhead = Letterhead(region=region)
    for name, value in fields.items():
        setattr(letterhead, name, (value or "").strip())
    old_logo = letterhead.logo.name if letterhead.logo else ""
    if logo is not None:
        letterhead.logo_type = detect_file_type(logo, IMAGES)
        letterhead.logo.save("logo", logo, save=False)
    elif remove_logo:
        letterhead.logo = ""
        letterhead.logo_type = ""
    letterhead.updated_by = by
    if is_new:
        letterhead.save()
    else:
        save_versioned(letterhead, expected_version=expected_version)
    if old_logo and old_logo != (letterhead.logo.name if letterhead.logo else ""):
        storage = letterhead.logo.storage
        transaction.on_commit(partial(storage.delete, old_logo))
    return letterhead
