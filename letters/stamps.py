"""The verification stamp printed on every issued document: a short public code, the URL of
the verification page (/verifikasi/<code>) and a QR code (segno) that opens it."""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse

# Crockford's base32 without I, L, O, U: nothing to misread when typed from paper.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 32**10 ≈ 10**15 codes: not guessable


@dataclass(frozen=True)
class VerificationStamp:
    code: str
    url: str
    qr_data_uri: str  # an SVG image as a data: URI (the only kind the PDF renderer may load)
    # Who signs electronically (printed in the signature block); empty when not signed.
    signer_name: str = ""
    signer_title: str = ""

    @property
    def signed(self) -> bool:
        return bool(self.signer_name)

    @property
    def display_code(self) -> str:
        return f"{self.code[:5]}-{self.code[5:]}"


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _i in range(CODE_LENGTH))


def normalise_code(raw: str) -> str:
    """What a person typed from paper: case, spaces and hyphens do not matter."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())[:32]


def verification_url(code: str) -> str:
    return settings.SIPOKJA_BASE_URL.rstrip("/") + reverse("letters:verify", kwargs={"code": code})


def make_stamp(code: str, *, signer_name: str = "", signer_title: str = "") -> VerificationStamp:
    import segno

    url = verification_url(code)
    qr = segno.make(url, error="m")
    return VerificationStamp(
        code=code,
        url=url,
        qr_data_uri=qr.svg_data_uri(scale=4, border=1),
        signer_name=signer_name,
        signer_title=signer_title,
    )
