"""Uploads of the meetings app (materials, evidence, logos), judged by their content with the
shared validators of core.uploads."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.uploads import check_size, serve, validate_image, validate_pdf, validate_xlsx
from meetings.models import FileType

DOCUMENTS = (FileType.PDF, FileType.XLSX, FileType.PNG, FileType.JPG)
IMAGES = (FileType.PNG, FileType.JPG)


def _head(uploaded, size=16) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def detect_file_type(uploaded, allowed=DOCUMENTS) -> str:
    """Validate `uploaded` by content and return its FileType; raise ValidationError otherwise."""
    check_size(uploaded)
    head = _head(uploaded)
    if head.lstrip()[:5] == b"%PDF-" and FileType.PDF in allowed:
        validate_pdf(uploaded)
        return FileType.PDF
    if head.startswith(b"PK\x03\x04") and FileType.XLSX in allowed:
        validate_xlsx(uploaded)
        return FileType.XLSX
    if head.startswith(b"\x89PNG\r\n\x1a\n") and FileType.PNG in allowed:
        validate_image(uploaded)
        return FileType.PNG
    if head.startswith(b"\xff\xd8\xff") and FileType.JPG in allowed:
        validate_image(uploaded)
        return FileType.JPG
    if tuple(allowed) == IMAGES:
        raise ValidationError(_("The file is not a PNG or JPEG image."), code="not_image")
    raise ValidationError(
        _("Upload a PDF document, an Excel workbook (.xlsx) or a PNG or JPEG image."),
        code="file_type",
    )


def original_name(uploaded) -> str:
    return (getattr(uploaded, "name", "") or "")[-200:]


def serve_stored(field_file, download_name: str, *, inline: bool = False):
    """A stored upload as a download; the caller has checked region and permission."""
    return serve(field_file, download_name, inline=inline)
