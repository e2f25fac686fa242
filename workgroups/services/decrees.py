"""Writes of a Pokja's decrees (SK) and their signature checks."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from core.concurrency import save_versioned
from core.uploads import safe_filename
from workgroups.models import Decree
from workgroups.services.common import _acting, _full_clean, _set_fields
from workgroups.validators import check_decree_pdf

_DECREE_DATES = ("signed_on", "valid_from", "valid_until")
DECREE_FIELDS = ("number", "title", "issuer", "kind", *_DECREE_DATES, "replaces")


def _attach_file(decree, uploaded):
    try:
        check_decree_pdf(uploaded)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None
    decree.file = uploaded
    decree.original_filename = safe_filename(uploaded.name, "SK.pdf")
    check_decree_signatures(decree, uploaded)


def check_decree_signatures(decree, uploaded=None) -> None:
    """Validate the electronic signatures of the decree's PDF (`uploaded`, or the stored file)
    and keep the result on the decree: who signed, when, whether intact and trusted. An
    unsigned scan is fine and recorded as such. Does not save."""
    from core.pdf_signatures import check_pdf_signatures

    source = uploaded if uploaded is not None else decree.file
    source.seek(0) if uploaded is not None else source.open("rb")
    try:
        data = source.read()
    finally:
        if uploaded is not None:
            source.seek(0)
        else:
            source.close()
    report = check_pdf_signatures(data)
    decree.signature_state = report.state
    decree.signature_details = report.as_json()
    decree.signature_trust_configured = report.trust_configured
    decree.signature_checked_at = timezone.now()


def add_decree(*, by, workgroup, file=None, **fields) -> Decree:
    """Register a decree (formation, amendment or renewal) with its signed PDF. The PDF is
    checked by content and size and stored under a random name."""
    with _acting(by):
        decree = Decree(workgroup=workgroup, created_by=by)
        _set_fields(decree, fields, DECREE_FIELDS)
        if file is not None:
            _attach_file(decree, file)
        # The file was checked above; its name is replaced by a random one when stored.
        _full_clean(decree, exclude=["file"])
        decree.save()
        return decree


def update_decree(*, by, decree, expected_version, file=None, **fields) -> Decree:
    """Change a decree; a new `file` replaces the stored PDF (the old one is removed after the
    transaction commits)."""
    with _acting(by):
        _set_fields(decree, fields, DECREE_FIELDS)
        old_name = decree.file.name if decree.file else ""
        if file is not None:
            _attach_file(decree, file)
        _full_clean(decree, exclude=["file"])
        save_versioned(decree, expected_version=expected_version)
        if file is not None and old_name and old_name != decree.file.name:
            _delete_file_on_commit(decree.file.storage, old_name)
        return decree


def delete_decree(*, by, decree) -> None:
    with _acting(by):
        storage, name = decree.file.storage, decree.file.name
        decree.delete()
        if name:
            _delete_file_on_commit(storage, name)


def _delete_file_on_commit(storage, name):
    transaction.on_commit(lambda: storage.delete(name))
