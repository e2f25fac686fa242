"""What the decree reader returns, and the errors it raises (pure data, no Django models)."""

import datetime
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

# The scalar fields of a reading, in the order of the API answer.
FIELDS = (
    "number",
    "date",
    "title",
    "issuer",
    "signatory",
    "valid_from",
    "valid_until",
)


class DecreeReaderError(Exception):
    """A PDF the reader cannot read; `str(error)` is a message for the operator (translated,
    Indonesian by default) and `code` a stable key for programs."""

    code = "unreadable"

    def __init__(self, message: str | None = None):
        super().__init__(message or self.default_message())

    def default_message(self) -> str:
        return _("The PDF could not be read.")


class NotAPdf(DecreeReaderError):
    code = "not_pdf"

    def default_message(self) -> str:
        return _("The file is not a PDF that can be opened.")


class OcrUnavailable(DecreeReaderError):
    """The PDF is a scan (no usable text layer) and Tesseract with the Indonesian model is not
    installed on the server."""

    code = "ocr_unavailable"

    def default_message(self) -> str:
        return _(
            "This PDF is a scan without a text layer and must be read by OCR, but Tesseract "
            "with the Indonesian language model is not installed on the server. Ask the "
            "administrator to install the Debian packages tesseract-ocr and tesseract-ocr-ind "
            "(apt-get install tesseract-ocr tesseract-ocr-ind)."
        )


@dataclass
class ReadMember:
    """One row of the lampiran's membership list."""

    position: str  # the position in the Pokja as written: Pengarah, Ketua, Koordinator Bidang …
    name: str | None  # the person, when the SK names one (many list offices only)
    institution: str  # the office / institution (jabatan, instansi, unsur)
    role: str  # position mapped to workgroups.Member.Role values: adviser, chair, …, member
    office: str | None = None  # the jabatan, when the table has it apart from the institution
    confidence: float = 1.0
    page: int = 0  # 1-based page of the PDF the row was read on

    def as_dict(self) -> dict:
        return {"name": self.name, "position": self.position, "institution": self.institution}


@dataclass
class DecreeReading:
    """The fields read from an SK. Absent fields are None; `confidence` has a value between
    0 and 1 for every field in FIELDS and for "members"; `warnings` are messages for the
    operator (translated)."""

    number: str | None = None
    date: datetime.date | None = None
    title: str | None = None
    issuer: str | None = None  # "Bupati Gowa", "Wali Kota Makassar", "Gubernur Sulawesi Selatan"
    issuer_kind: str | None = None  # workgroups.Decree.Issuer value: governor, regent, mayor, …
    signatory: str | None = None
    valid_from: datetime.date | None = None
    valid_until: datetime.date | None = None
    members: list[ReadMember] = field(default_factory=list)
    text_source: str = "text"  # "text" (the PDF's text layer) or "ocr" (at least one page OCR)
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)  # 1-based pages read by OCR

    def as_dict(self) -> dict:
        """The answer of POST /api/v1/regions/{code}/decrees/read: ISO dates, null where
        absent."""

        def iso(value):
            return value.isoformat() if value else None

        return {
            "number": self.number,
            "date": iso(self.date),
            "title": self.title,
            "issuer": self.issuer,
            "signatory": self.signatory,
            "valid_from": iso(self.valid_from),
            "valid_until": iso(self.valid_until),
            "members": [member.as_dict() for member in self.members],
            "text_source": self.text_source,
            "confidence": dict(self.confidence),
        }

    def low_confidence(self, threshold: float = 0.75) -> list[str]:
        """The fields (of FIELDS and "members") an operator should check first."""
        return [name for name, value in self.confidence.items() if value < threshold]
