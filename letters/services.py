"""Official letters: every write, and the seams other apps call.

For a numbered letter (invitation, minutes cover letter, recap, advocacy letter, reminder):

    letter = register_letter(by=user, office=region, letter_type=LetterType.RECAP, subject="…")

For a numbered PDF that carries its verification QR code and, when asked and available, the
office's electronic signature, in one transaction (the number rolls back if rendering fails):

    document = issue_letter(
        by=user, office=region, letter_type=LetterType.RECAP, subject="…", title="…",
        render=lambda letter, stamp: my_pdf(…, letter=letter, stamp=stamp), sign=True,
    )

`render` receives the Letter (its `number`) and the VerificationStamp (code, URL, QR code as a
data: URI) and returns the finished PDF bytes; signing happens afterwards, over everything.

Writes are keyword-only, take the acting user as `by`, run in one transaction and are audited
(model signals). Broken rules raise `core.errors.DomainError` or a ValidationError with a
translated message.
"""

import datetime
import hashlib
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.context import acting_as
from core.errors import DomainError
from letters import certificates
from letters.models import (
    DEFAULT_PATTERN,
    IssuedDocument,
    Letter,
    LetterCounter,
    LetterType,
    NumberingScheme,
    OfficeCertificate,
)
from letters.numbering import check_pattern, format_number
from letters.signing import sign_pdf
from letters.stamps import VerificationStamp, make_stamp, new_code

# --------------------------------------------------------------------------------------------
# Numbering


def scheme_for(office) -> NumberingScheme:
    """The office's numbering scheme; an unsaved default one when the office has none."""
    scheme = NumberingScheme.objects.filter(region=office).first()
    return scheme or NumberingScheme(region=office, pattern=DEFAULT_PATTERN)


def preview_number(office, letter_type, *, on: datetime.date | None = None) -> str:
    """The number the next letter of this type would get (for display; takes nothing)."""
    on = on or timezone.localdate()
    scheme = scheme_for(office)
    counter = LetterCounter.objects.filter(region=office, year=on.year).first()
    return format_number(
        scheme.pattern,
        serial=(counter.last_serial if counter else 0) + 1,
        classification=scheme.classification_for(letter_type),
        unit=scheme.unit_code,
        on=on,
    )


def _next_serial(office, year) -> int:
    """Lock the office's counter for `year` (creating it when it is the year's first letter)
    and advance it. Must run inside the transaction that registers the letter."""
    try:
        with transaction.atomic():
            LetterCounter.objects.get_or_create(region=office, year=year)
    except IntegrityError:
        pass  # another transaction created it first; it is committed now
    counter = LetterCounter.objects.select_for_update().get(region=office, year=year)
    counter.last_serial += 1
    counter.save(update_fields=["last_serial"])
    return counter.last_serial


def register_letter(
    *,
    by,
    office,
    letter_type,
    subject,
    recipient="",
    letter_date: datetime.date | None = None,
) -> Letter:
    """Give the next number of `office`'s register for the year of `letter_date` (default
    today) to a letter of `letter_type`, and record it. Numbers are gap-free and unique even
    under concurrent requests: the year's counter row is locked until this transaction ends."""
    if letter_type not in LetterType.values:
        raise DomainError(_("Unknown letter type."))
    subject = " ".join((subject or "").split())
    if not subject:
        raise ValidationError({"subject": [_("Write the subject of the letter.")]})
    letter_date = letter_date or timezone.localdate()
    with acting_as(by), transaction.atomic():
        scheme = scheme_for(office)
        serial = _next_serial(office, letter_date.year)
        classification = scheme.classification_for(letter_type)
        letter = Letter(
            region=office,
            year=letter_date.year,
            serial=serial,
            number=format_number(
                scheme.pattern,
                serial=serial,
                classification=classification,
                unit=scheme.unit_code,
                on=letter_date,
            ),
            letter_type=letter_type,
            classification=classification,
            subject=subject[:300],
            recipient=" ".join((recipient or "").split())[:300],
            letter_date=letter_date,
            created_by=by,
        )
        letter.full_clean()
        letter.save()
        return letter


def cancel_letter(*, by, letter, reason) -> Letter:
    """Mark a number as not used. It stays in the register (cancelled, with the reason, who
    and when), so the sequence keeps no gap and the number is never given again."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError({"reason": [_("Write why the number is cancelled.")]})
    with acting_as(by), transaction.atomic():
        letter = Letter.objects.select_for_update().get(pk=letter.pk)
        if letter.is_cancelled:
            raise DomainError(_("This number is already cancelled."))
        letter.status = Letter.Status.CANCELLED
        letter.cancelled_at = timezone.now()
        letter.cancelled_by = by
        letter.cancel_reason = reason[:300]
        letter.save()
        return letter


def save_numbering(
    *, by, office, pattern, unit_code="", classifications=None, expected_version=None
) -> NumberingScheme:
    """Set the office's number pattern, unit code and classification code per letter type.
    Letters already registered keep their numbers."""
    errors = {}
    try:
        pattern = check_pattern(pattern)
    except ValidationError as exc:
        errors["pattern"] = exc.messages
    codes = {}
    for letter_type, code in (classifications or {}).items():
        if letter_type not in LetterType.values:
            raise DomainError(_("Unknown letter type."))
        code = (code or "").strip()
        if code and not all(ch.isalnum() or ch in ".-" for ch in code):
            errors[f"code_{letter_type}"] = [
                _("A classification code holds digits, letters, dots and hyphens, e.g. 400.13.")
            ]
        elif code:
            codes[letter_type] = code[:40]
    unit_code = " ".join((unit_code or "").split())
    if unit_code and not all(ch.isalnum() or ch in ".- " for ch in unit_code):
        errors["unit_code"] = [_("A unit code holds letters, digits, dots and hyphens.")]
    if errors:
        raise ValidationError(errors)
    from core.concurrency import save_versioned

    with acting_as(by), transaction.atomic():
        scheme = NumberingScheme.objects.filter(region=office).first()
        if scheme is None:
            scheme = NumberingScheme(region=office)
            scheme.pattern, scheme.unit_code, scheme.classifications = pattern, unit_code, codes
            scheme.updated_by = by
            scheme.save()
            return scheme
        scheme.pattern, scheme.unit_code, scheme.classifications = pattern, unit_code, codes
        scheme.updated_by = by
        return save_versioned(scheme, expected_version=expected_version)


# --------------------------------------------------------------------------------------------
# Issued documents


def _unique_code() -> str:
    for _attempt in range(5):
        code = new_code()
        if not IssuedDocument.objects.filter(code=code).exists():
            return code
    raise RuntimeError("could not draw a free verification code")  # 32**10 codes: never


def issue_document(
    *,
    by,
    office,
    title,
    render: Callable[[VerificationStamp], bytes],
    letter: Letter | None = None,
    sign: bool = False,
    reason: str = "",
    location: str = "",
) -> IssuedDocument:
    """Render a PDF with its verification stamp (`render(stamp) -> bytes`), sign it with the
    office's certificate when `sign` is true, and keep it with its SHA-256 hash. Refused when
    signing is asked for and the office has no certificate."""
    signer = None
    if sign:
        signer = certificates.office_signer(office)
        if signer is None:
            raise DomainError(
                _("This office has no signing certificate. Ask the national admin to upload one.")
            )
        if signer.valid_until < timezone.now():
            raise DomainError(_("The office's signing certificate has expired."))
    with acting_as(by), transaction.atomic():
        code = _unique_code()
        stamp = make_stamp(
            code,
            signer_name=signer.name if signer else "",
            signer_title=signer.title if signer else "",
        )
        pdf = render(stamp)
        if signer is not None:
            pdf = sign_pdf(pdf, signer=signer, reason=reason or title, location=location)
        document = IssuedDocument(
            code=code,
            region=office,
            letter=letter,
            title=" ".join(title.split())[:300],
            number=letter.number if letter else "",
            is_signed=signer is not None,
            signer_name=signer.name if signer else "",
            signer_title=signer.title if signer else "",
            issued_at=timezone.now(),
            sha256=hashlib.sha256(pdf).hexdigest(),
            size=len(pdf),
            created_by=by,
        )
        # The file is written before the row; if the row cannot be saved, the file goes too.
        # (A rollback of an outer transaction after this returns may leave the file behind:
        # it is unreachable, named at random, and holds nothing the register does not.)
        document.file.save(f"{code}.pdf", ContentFile(pdf), save=False)
        try:
            document.save()
        except Exception:
            document.file.storage.delete(document.file.name)
            raise
        return document


def issue_letter(
    *,
    by,
    office,
    letter_type,
    subject,
    title,
    render: Callable[[Letter, VerificationStamp], bytes],
    recipient="",
    sign: bool = False,
    location: str = "",
) -> IssuedDocument:
    """Register a letter and issue its PDF in one transaction: a failure anywhere (rendering,
    signing) leaves neither the number nor the document behind."""
    with transaction.atomic():
        letter = register_letter(
            by=by, office=office, letter_type=letter_type, subject=subject, recipient=recipient
        )
        return issue_document(
            by=by,
            office=office,
            title=title,
            letter=letter,
            sign=sign,
            location=location,
            render=lambda stamp: render(letter, stamp),
        )


def same_file(document: IssuedDocument, chunks) -> tuple[bool, str]:
    """Whether the uploaded copy (an iterable of byte chunks) is byte for byte the issued
    file; also returns the copy's SHA-256."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    value = digest.hexdigest()
    return value == document.sha256, value


# --------------------------------------------------------------------------------------------
# Signing certificates


def upload_certificate(
    *, by, office, p12: bytes, password: str, signer_name="", signer_title=""
) -> OfficeCertificate:
    """Store (or replace) `office`'s signing certificate. The PKCS#12 file must open with
    `password` and hold a key; it is kept only encrypted."""
    info = certificates.read_pkcs12(p12, password)
    if info.valid_until < timezone.now():
        raise ValidationError({"file": [_("This certificate has expired.")]})
    with acting_as(by), transaction.atomic():
        stored = OfficeCertificate.objects.filter(region=office).first() or OfficeCertificate(
            region=office
        )
        stored.secret = certificates.encrypt(p12, password)
        stored.subject = info.subject
        stored.issuer = info.issuer
        stored.serial_number = info.serial_number
        stored.fingerprint = info.fingerprint
        stored.valid_from = info.valid_from
        stored.valid_until = info.valid_until
        stored.signer_name = (signer_name or "").strip()[:200] or info.common_name[:200]
        stored.signer_title = (signer_title or "").strip()[:200]
        stored.uploaded_by = by
        stored.save()
        return stored


def remove_certificate(*, by, office) -> None:
    with acting_as(by), transaction.atomic():
        for stored in OfficeCertificate.objects.filter(region=office):
            stored.delete()
