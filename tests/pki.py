"""A throw-away certificate authority and signer for tests (made with cryptography), and a
PAdES signature with pyHanko: nothing here is a real certificate."""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

PASSWORD = "rahasia-uji"


@dataclass(frozen=True)
class TestPki:
    ca_pem: bytes
    ca_der: bytes
    p12: bytes
    signer_name: str

    def ca_asn1(self):
        from asn1crypto import x509 as asn1_x509

        return asn1_x509.Certificate.load(self.ca_der)


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Perwakilan BKKBN Uji"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key_usage(**on):
    flags = dict.fromkeys(
        (
            "digital_signature",
            "content_commitment",
            "key_encipherment",
            "data_encipherment",
            "key_agreement",
            "key_cert_sign",
            "crl_sign",
            "encipher_only",
            "decipher_only",
        ),
        False,
    )
    flags.update(on)
    return x509.KeyUsage(**flags)


@lru_cache(maxsize=4)
def make_pki(signer_name="Dr. Andi Rahman, M.Kes.", days=365) -> TestPki:
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = (
        x509.CertificateBuilder()
        .subject_name(_name("Sipokja Test CA"))
        .issuer_name(_name("Sipokja Test CA"))
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(_key_usage(key_cert_sign=True, crl_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(signer_name))
        .issuer_name(ca.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(_key_usage(digital_signature=True, content_commitment=True), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"signer",
        key,
        certificate,
        [ca],
        serialization.BestAvailableEncryption(PASSWORD.encode()),
    )
    return TestPki(
        ca_pem=ca.public_bytes(serialization.Encoding.PEM),
        ca_der=ca.public_bytes(serialization.Encoding.DER),
        p12=p12,
        signer_name=signer_name,
    )


def sign(pdf: bytes, pki: TestPki | None = None, *, field_name="Signature1") -> bytes:
    """`pdf` signed by the test signer with pyHanko (PAdES), as a real signed SK would be."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    pki = pki or make_pki()
    signer = signers.SimpleSigner.load_pkcs12_data(
        pki.p12, other_certs=[], passphrase=PASSWORD.encode()
    )
    metadata = signers.PdfSignatureMetadata(
        field_name=field_name, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES
    )
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    return signers.PdfSigner(metadata, signer=signer).sign_pdf(writer).getvalue()
