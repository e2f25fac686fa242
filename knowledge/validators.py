"""Content checks for knowledge-centre files: PDF and XLSX through `core.uploads`, Word documents
(.docx) here. The format is found from the content, never from the file name."""

import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.uploads import check_size, validate_pdf, validate_xlsx

ZIP_MAGIC = b"PK\x03\x04"
# Parts that only macro-enabled Office files (.docm, .dotm) carry.
_MACRO_CONTENT_TYPES = (b"macroenabled", b"vbaproject")


def _head(uploaded, size) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def validate_docx(uploaded):
    """Accept only a Word document (.docx): a zip with `word/document.xml`, without macros."""
    check_size(uploaded)
    not_docx = ValidationError(
        _("The file is not a Word document (.docx). Save it as a .docx document and try again."),
        code="not_docx",
    )
    if _head(uploaded, 4) != ZIP_MAGIC:
        raise not_docx
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" not in names or "word/document.xml" not in names:
                raise not_docx
            content_types = archive.read("[Content_Types].xml").lower()
    except (zipfile.BadZipFile, OSError, ValueError, KeyError):
        raise not_docx from None
    finally:
        uploaded.seek(0)
    if any(name.lower().endswith("vbaproject.bin") for name in names) or any(
        marker in content_types for marker in _MACRO_CONTENT_TYPES
    ):
        raise ValidationError(
            _("Documents with macros are not accepted. Save the file as a plain .docx document."),
            code="macro",
        )


def _zip_names(uploaded) -> set[str]:
    try:
        uploaded.seek(0)
        with zipfile.ZipFile(uploaded) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()
    finally:
        uploaded.seek(0)


def document_format(uploaded) -> str:
    """`pdf`, `xlsx` or `docx` from the content of `uploaded`, after that format's full check.
    Raises ValidationError with a translated message otherwise."""
    check_size(uploaded)
    head = _head(uploaded, 1024)
    if head.lstrip()[:5] == b"%PDF-":
        validate_pdf(uploaded)
        return "pdf"
    if head[:4] == ZIP_MAGIC:
        names = _zip_names(uploaded)
        if "xl/workbook.xml" in names:
            validate_xlsx(uploaded)
            return "xlsx"
        if "word/document.xml" in names:
            validate_docx(uploaded)
            return "docx"
    raise ValidationError(
        _(
            "Upload a PDF document, an Excel workbook (.xlsx) or a Word document (.docx). "
            "Other kinds of file are not accepted."
        ),
        code="unsupported",
    )
