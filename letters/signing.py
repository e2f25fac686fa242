"""Signing a finished PDF as PAdES (PAdES-B-B: the signer's certificate in a CMS signature
over the whole file) with pyHanko. The seam later work calls:

    pdf = sign_pdf(pdf, signer=office_signer(region), reason="…", location="Makassar")

Everything that must be covered by the signature (the number, the QR code and the
verification code) has to be in `pdf` already: signing appends a revision, and anything
added after it would show as a modification."""

import io

from letters.certificates import OfficeSigner

SIGNATURE_FIELD = "SipokjaSignature"


def sign_pdf(pdf: bytes, *, signer: OfficeSigner, reason: str = "", location: str = "") -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason[:200] or None,
        location=location[:100] or None,
        name=signer.name[:200] or None,
    )
    output = signers.PdfSigner(metadata, signer=signer.signer).sign_pdf(writer)
    return output.getvalue()
