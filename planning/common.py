"""Small helpers shared by the planning, budget and policies apps (all three record a region's
Pokja work: plans, money and policies)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _

from core.concurrency import lock_version
from core.errors import DomainError
from core.formats import MONTHS_ID, parse_rupiah
from core.uploads import safe_filename, serve, validate_image, validate_pdf
from core.years import open_year

_ENGLISH_MONTHS = [
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
]  # fmt: skip


FIRST_YEAR = 2020


def active_workgroup(region, *, required=False):
    """The region's active Pokja, or None ("Pokja belum terbentuk"); with `required`, a
    DomainError instead of None (the API's 400)."""
    from workgroups.models import WorkGroup

    workgroup = WorkGroup.objects.filter(region=region, status=WorkGroup.Status.ACTIVE).first()
    if workgroup is None and required:
        raise DomainError(
            _("This region has no active Pokja yet (Pokja belum terbentuk). Form the Pokja first.")
        )
    return workgroup


def pokja_url(region) -> str:
    """Where to form or see the region's Pokja (the workgroups app's page)."""
    for name in ("workgroups:profile", "workgroups:detail", "workgroups:workgroup"):
        try:
            return reverse(name, kwargs={"code": region.code})
        except NoReverseMatch:
            continue
    return f"/r/{region.code}/pokja/"


def current_year() -> int:
    """The open year (core.years.open_year), the default of every page that takes a year."""
    return open_year()


def year_choices(extra=()) -> list[int]:
    """Budget and plan years offered in forms: from 2020 (history) to two years ahead, plus any
    year already recorded."""
    this = current_year()
    return sorted({*range(min(FIRST_YEAR, this), this + 3), *extra}, reverse=True)


def full_clean_or_raise(instance, *, exclude=None):
    """Run the model's validation (fields, `clean()`, constraints) and turn problems into a
    DomainError listing `{"field", "message"}`, so forms, imports and the API say the same."""
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as exc:
        raise domain_error_from(exc) from None


def domain_error_from(exc: ValidationError) -> DomainError:
    errors = []
    if hasattr(exc, "error_dict"):
        for field, field_errors in exc.error_dict.items():
            for error in field_errors:
                for message in error.messages:
                    errors.append(
                        {"field": "" if field == "__all__" else field, "message": message}
                    )
    else:
        errors = [{"field": "", "message": m} for m in exc.messages]
    summary = " ".join(e["message"] for e in errors) or _("The data is not valid.")
    return DomainError(summary, errors=errors)


def parse_month(raw) -> int:
    """A month as 1–12, `Juli`, `Jul` or `July`. Raises ValueError with a clear message."""
    if isinstance(raw, bool):
        raw = None
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, datetime.date):
        return raw.month
    if isinstance(raw, int):
        if 1 <= raw <= 12:
            return raw
    else:
        text = str(raw or "").strip().lower()
        if text.isdigit() and 1 <= int(text) <= 12:
            return int(text)
        for i, name in enumerate(MONTHS_ID):
            if text in (name.lower(), name.lower()[:3], _ENGLISH_MONTHS[i], _ENGLISH_MONTHS[i][:3]):
                return i + 1
        if not text:
            raise ValueError(_("Enter a month."))
    raise ValueError(
        _("%(value)s is not a month. Write a month name (Januari … Desember) or 1 to 12.")
        % {"value": raw}
    )


def parse_amount(raw) -> int:
    """Rupiah from a form, an API body or a spreadsheet cell (core.formats.parse_rupiah rules)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return 0
    return parse_rupiah(raw)


def check_pdf(uploaded):
    """Content check for a PDF upload; raises DomainError with the validator's message."""
    try:
        validate_pdf(uploaded)
    except ValidationError as exc:
        raise DomainError(
            " ".join(exc.messages), errors=[{"field": "file", "message": m} for m in exc.messages]
        ) from None


def evidence_extension(uploaded) -> str:
    """`pdf`, `png` or `jpg` from the content of an evidence file; DomainError otherwise."""
    try:
        validate_pdf(uploaded)
        return "pdf"
    except ValidationError as exc:
        if exc.code in {"too_large", "empty", "active_content"}:
            raise DomainError(" ".join(exc.messages)) from None
    try:
        validate_image(uploaded)
    except ValidationError:
        raise DomainError(
            _("The evidence must be a PDF document or a photo (PNG or JPEG).")
        ) from None
    uploaded.seek(0)
    return "png" if uploaded.read(4) == b"\x89PNG" else "jpg"


def attach_file(instance, field: str, filename_field: str, uploaded, *, stored_as=None):
    """Put a checked upload on `instance.<field>` (saved under a random name by the field's
    `upload_to`) and remember the user's file name for downloads. The replaced file is removed
    once the transaction commits."""
    old = getattr(instance, field)
    old_name = old.name if old else ""
    setattr(instance, filename_field, safe_filename(uploaded.name))
    if stored_as:
        uploaded.name = stored_as
    setattr(instance, field, uploaded)
    remove_after_commit(old.storage if old else None, old_name)


def detach_file(instance, field: str, filename_field: str):
    old = getattr(instance, field)
    if old:
        remove_after_commit(old.storage, old.name)
    setattr(instance, field, "")
    setattr(instance, filename_field, "")


def replace_pdf(instance, field: str, filename_field: str, uploaded, *, remove=False):
    """The PDF of a form or API call applied to `instance.<field>`: a new upload is checked and
    put on it, else `remove` takes the stored one off, else the stored file stays."""
    if uploaded is not None:
        check_pdf(uploaded)
        attach_file(instance, field, filename_field, uploaded)
    elif remove:
        detach_file(instance, field, filename_field)


def serve_file(field_file, download_name: str):
    """A stored upload as a download (the caller has checked the region and permission)."""
    return serve(field_file, download_name)


def delete_versioned(instance, expected_version, *file_fields) -> None:
    """Delete `instance` if it still has `expected_version` (else a conflict), and its files in
    `file_fields` once the transaction commits."""
    instance = lock_version(instance, expected_version)
    files = [getattr(instance, name) for name in file_fields]
    instance.delete()
    remove_files_after_commit(*files)


def remove_files_after_commit(*field_files):
    for field_file in field_files:
        if field_file:
            remove_after_commit(field_file.storage, field_file.name)


def remove_after_commit(storage, name):
    """Delete the stored file `name` once the transaction commits (missing files are fine)."""
    if storage is None or not name:
        return

    def remove():
        try:
            storage.delete(name)
        except OSError:
            pass

    transaction.on_commit(remove)
