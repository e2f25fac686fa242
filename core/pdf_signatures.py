"""Checks the electronic signatures (PAdES / PDF signatures) a PDF carries, with pyHanko.

`check_pdf_signatures(data)` answers, for every signature: who signed (the certificate's
subject), when (the time the signer's software wrote into the signature, or a trusted time
stamp), whether the signed bytes are intact, whether the signature covers the whole file (or
only allowed later additions such as another signature), and whether the signer's certificate
chains up to a trust root Sipokja was given (`SIPOKJA_SIGNATURE_TRUST_ROOTS`, a PEM file).
Without trust roots the answer is honest: intact, signer not verified against a trusted CA.

Nothing here reaches the network: revocation information is not fetched (pyHanko's default).
No domain knowledge: the decree upload (workgroups) and the letters app both use it.
"""

import datetime
import io
import logging
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

UNSIGNED = "unsigned"
VALID = "valid"
TAMPERED = "tampered"
UNREADABLE = "unreadable"


@dataclass
class SignatureCheck:
    """One signature of a PDF."""

    signer: str
    organisation: str
    signed_at: str  # ISO 8601, or "" when the signature carries no time
    timestamped: bool  # the time comes from a time-stamping authority, not from the signer
    intact: bool  # the signed bytes were not changed and the cryptography checks out
    covers_whole_file: bool  # nothing, or only allowed additions, came after the signature
    trusted: bool  # the certificate chains up to a configured trust root
    field_name: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.covers_whole_file


@dataclass
class SignatureReport:
    """What `check_pdf_signatures` found: `state` is unsigned, valid, tampered or unreadable."""

    state: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    trust_configured: bool = False

    def as_json(self) -> list[dict]:
        return [asdict(s) for s in self.signatures]


def trust_roots_file() -> str:
    return getattr(settings, "SIPOKJA_SIGNATURE_TRUST_ROOTS", "") or ""


@lru_cache(maxsize=4)
def _load_trust_roots(path: str) -> tuple:
    from pyhanko.keys import load_certs_from_pemder

    return tuple(load_certs_from_pemder([path]))


def trust_roots() -> list:
    """The configured trust roots (asn1crypto certificates); empty when none is configured."""
    path = trust_roots_file()
    if not path:
        return []
    return list(_load_trust_roots(path))


def _validation_context(extra_roots=()):
    from pyhanko_certvalidator import ValidationContext

    roots = [*trust_roots(), *extra_roots]
    # No fetching: Sipokja never reaches CRL/OCSP servers while checking an upload.
    return ValidationContext(trust_roots=roots, allow_fetching=False), bool(roots)


def _name_part(subject, key: str) -> str:
    value = subject.native.get(key, "")
    if isinstance(value, list | tuple):
        value = ", ".join(str(v) for v in value)
    return str(value or "")


def _covers_whole_file(status) -> bool:
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    if status.coverage != SignatureCoverageLevel.ENTIRE_REVISION:
        return False
    if status.docmdp_ok is False:
        return False
    level = status.modification_level
    return level is not None and level <= ModificationLevel.FORM_FILLING


def _signed_at(status) -> tuple[str, bool]:
    timestamp = getattr(status, "timestamp_validity", None)
    if timestamp is not None and getattr(timestamp, "timestamp", None):
        return timestamp.timestamp.isoformat(), True
    when = status.signer_reported_dt
    if isinstance(when, datetime.datetime):
        return when.isoformat(), False
    return "", False


def check_pdf_signatures(data: bytes, *, extra_trust_roots=()) -> SignatureReport:
    """Validate every signature in the PDF `data`. `extra_trust_roots` (asn1crypto
    certificates) are trusted in addition to the configured ones (tests, an office's own CA)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
    except (PdfError, ValueError, KeyError, TypeError, OSError, IndexError, RecursionError):
        return SignatureReport(UNREADABLE)
    if not embedded:
        return SignatureReport(UNSIGNED)
    context, trust_configured = _validation_context(extra_trust_roots)
    checks = []
    for signature in embedded:
        try:
            status = validate_pdf_signature(signature, context)
        except Exception:  # a malformed signature dictionary: count it as broken
            logger.info("Signature %s could not be validated", signature.field_name, exc_info=True)
            checks.append(
                SignatureCheck("", "", "", False, False, False, False, signature.field_name or "")
            )
            continue
        subject = status.signing_cert.subject
        signed_at, timestamped = _signed_at(status)
        checks.append(
            SignatureCheck(
                signer=_name_part(subject, "common_name"),
                organisation=_name_part(subject, "organization_name"),
                signed_at=signed_at,
                timestamped=timestamped,
                intact=bool(status.intact and status.valid),
                covers_whole_file=_covers_whole_file(status),
                trusted=bool(status.trusted),
                field_name=signature.field_name or "",
            )
        )
    state = VALID if all(check.ok for check in checks) else TAMPERED
    return SignatureReport(state, checks, trust_configured)
