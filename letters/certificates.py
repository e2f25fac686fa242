"""Office signing certificates (PKCS#12): read from the environment or uploaded by the national
admin, kept encrypted, and turned into a pyHanko signer.

Where the certificate of an office comes from, first match wins:
1. the certificate the national admin uploaded for that office (`OfficeCertificate`);
2. `SIPOKJA_SIGNING_P12_FILE` with `SIPOKJA_SIGNING_P12_PASSWORD` (or `…_PASSWORD_FILE`),
   one certificate for the whole installation (a provincial office running its own Sipokja).
"""

import base64
import datetime
import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

_FERNET_INFO = b"sipokja-signing-certificate-v1"


@dataclass(frozen=True)
class CertificateInfo:
    """What identifies a certificate, read from a PKCS#12 archive."""

    subject: str
    common_name: str
    issuer: str
    serial_number: str
    fingerprint: str
    valid_from: datetime.datetime
    valid_until: datetime.datetime


@dataclass(frozen=True)
class OfficeSigner:
    """A loaded signing key with the name and position printed on the document."""

    signer: object  # pyhanko.sign.signers.SimpleSigner
    name: str
    title: str
    source: str  # "office" (uploaded) or "environment"
    valid_until: datetime.datetime


# --------------------------------------------------------------------------------------------
# Encryption of uploaded key material


def _fernet(secret_key: str):
    from cryptography.fernet import Fernet
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_FERNET_INFO).derive(
        secret_key.encode()
    )
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt(p12: bytes, password: str) -> bytes:
    payload = json.dumps({"p12": base64.b64encode(p12).decode(), "password": password})
    return _fernet(settings.SECRET_KEY).encrypt(payload.encode())


def decrypt(token: bytes) -> tuple[bytes, str]:
    """The PKCS#12 bytes and password; tries SECRET_KEY, then SECRET_KEY_FALLBACKS."""
    from cryptography.fernet import InvalidToken

    for key in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        try:
            payload = json.loads(_fernet(key).decrypt(bytes(token)))
        except InvalidToken:
            continue
        return base64.b64decode(payload["p12"]), payload["password"]
    raise ImproperlyConfigured(
        "The stored signing certificate cannot be decrypted with SECRET_KEY or "
        "SECRET_KEY_FALLBACKS; upload it again."
    )


# --------------------------------------------------------------------------------------------
# Reading PKCS#12


def read_pkcs12(p12: bytes, password: str) -> CertificateInfo:
    """Check that `p12` opens with `password` and holds a key with its certificate; raise
    ValidationError with a clear Indonesian message otherwise."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    try:
        key, certificate, _others = pkcs12.load_key_and_certificates(
            p12, (password or "").encode() or None
        )
    except (ValueError, TypeError):
        raise ValidationError(
            _(
                "The certificate file could not be opened: it is not a PKCS#12 file (.p12/.pfx) "
                "or the password is wrong."
            ),
            code="p12",
        ) from None
    if key is None or certificate is None:
        raise ValidationError(
            _("The PKCS#12 file must contain the private key and its certificate."),
            code="p12_incomplete",
        )
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return CertificateInfo(
        subject=certificate.subject.rfc4514_string()[:300],
        common_name=str(names[0].value) if names else "",
        issuer=certificate.issuer.rfc4514_string()[:300],
        serial_number=format(certificate.serial_number, "x")[:80],
        fingerprint=hashlib.sha256(
            certificate.public_bytes(serialization.Encoding.DER)
        ).hexdigest(),
        valid_from=certificate.not_valid_before_utc,
        valid_until=certificate.not_valid_after_utc,
    )


def _signer(p12: bytes, password: str):
    from pyhanko.sign.signers import SimpleSigner

    return SimpleSigner.load_pkcs12_data(
        p12, other_certs=[], passphrase=(password or "").encode() or None
    )


def environment_p12() -> tuple[bytes, str] | None:
    path = getattr(settings, "SIPOKJA_SIGNING_P12_FILE", "")
    if not path:
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise ImproperlyConfigured(
            f"SIPOKJA_SIGNING_P12_FILE points to {path!r}, which cannot be read: {exc}"
        ) from None
    return data, getattr(settings, "SIPOKJA_SIGNING_P12_PASSWORD", "")


def office_signer(region) -> OfficeSigner | None:
    """The signer of `region`'s office, or None when no certificate is available for it."""
    from letters.models import OfficeCertificate

    stored = OfficeCertificate.objects.filter(region=region).first()
    if stored is not None:
        p12, password = decrypt(stored.secret)
        return OfficeSigner(
            signer=_signer(p12, password),
            name=stored.signer_name,
            title=stored.signer_title,
            source="office",
            valid_until=stored.valid_until,
        )
    from_env = environment_p12()
    if from_env is None:
        return None
    p12, password = from_env
    try:
        info = read_pkcs12(p12, password)
    except ValidationError:
        raise ImproperlyConfigured(
            "SIPOKJA_SIGNING_P12_FILE cannot be opened with SIPOKJA_SIGNING_P12_PASSWORD."
        ) from None
    title = getattr(settings, "SIPOKJA_SIGNING_SIGNER_TITLE", "")
    if not title:
        with translation.override("id"):  # printed on the document, always in Indonesian
            title = _("Head of %(office)s") % {"office": region.office_name or region.display_name}
    return OfficeSigner(
        signer=_signer(p12, password),
        name=info.common_name,
        title=title,
        source="environment",
        valid_until=info.valid_until,
    )


def has_signer(region) -> bool:
    from letters.models import OfficeCertificate

    return OfficeCertificate.objects.filter(region=region).exists() or bool(
        getattr(settings, "SIPOKJA_SIGNING_P12_FILE", "")
    )
