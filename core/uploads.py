"""Uploaded files: checked by content (not by name), limited in size, stored under
non-guessable names outside the web root, served only through permission-checked views."""

import io
import re
import uuid
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from core.errors import DomainError

PDF = "pdf"
XLSX = "xlsx"
IMAGE = "image"

_EXTENSIONS = {PDF: "pdf", XLSX: "xlsx"}


def run_import(request, form, *, max_bytes, too_large, run):
    """The POST of an import page: when `form` is valid and its `file` is at most `max_bytes`
    (else `too_large` on the field), `run(uploaded)` (the service call). Returns what `run`
    returned (None when it did not run or refused) and the refusal's row errors for the page;
    a DomainError's message goes on the form."""
    if request.method != "POST" or not form.is_valid():
        return None, []
    uploaded = form.cleaned_data["file"]
    if uploaded.size > max_bytes:
        form.add_error("file", too_large)
        return None, []
    try:
        return run(uploaded), []
    except DomainError as exc:
        form.add_error(None, exc.message)
        return None, exc.errors


def max_bytes() -> int:
    return settings.SIPOKJA_UPLOAD_MAX_MB * 1024 * 1024


def _read_head(uploaded, size=8192) -> bytes:
    uploaded.seek(0)
    head = uploaded.read(size)
    uploaded.seek(0)
    return head


def check_size(uploaded):
    if uploaded.size is not None and uploaded.size > max_bytes():
        raise ValidationError(
            _("The file is %(size).1f MB; the limit is %(limit)d MB. Upload a smaller file.")
            % {"size": uploaded.size / 1024 / 1024, "limit": settings.SIPOKJA_UPLOAD_MAX_MB},
            code="too_large",
        )
    if not uploaded.size:
        raise ValidationError(_("The file is empty."), code="empty")


# Names that make a PDF do something when it is opened or clicked: scripts, launching programs,
# files carried inside it. A PDF holding any of them is refused (issue 17, finding 7).
_ACTIVE_KEYS = {"/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles"}
_ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/RichMediaExecute", "/SubmitForm"}
_MAX_PDF_OBJECTS = 500_000


def pdf_active_content(reader) -> str | None:
    """The first active element in the PDF `reader` (a pypdf PdfReader), as its PDF name, or
    None. Every object reachable from the trailer is visited (pypdf decodes obfuscated names
    such as `/J#61vaScript` and objects inside object streams); an `/OpenAction` counts when it
    is an action (a dictionary), not when it only opens a page."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    stack = [reader.trailer]
    seen = set()
    visited = 0
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            obj = obj.get_object()
        visited += 1
        if visited > _MAX_PDF_OBJECTS:
            return "/TooManyObjects"
        if isinstance(obj, DictionaryObject):
            for name in obj:
                if name in _ACTIVE_KEYS:
                    return str(name)
            if obj.get("/S") in _ACTIVE_ACTIONS:
                return str(obj["/S"])
            if obj.get("/Type") == "/EmbeddedFile":
                return "/EmbeddedFile"
            open_action = obj.get("/OpenAction")
            if open_action is not None:
                target = (
                    open_action.get_object()
                    if isinstance(open_action, IndirectObject)
                    else open_action
                )
                if isinstance(target, DictionaryObject):
                    return "/OpenAction"
            stack.extend(obj.values())
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)
    return None


def validate_pdf(uploaded):
    """Accept only a real, readable PDF with at least one page and no active content (scripts,
    launch actions, embedded files, an action run on opening): such a PDF is refused, not
    cleaned (README, "Uploaded files")."""
    check_size(uploaded)
    not_pdf = ValidationError(
        _("The file is not a valid PDF document. Upload the signed document as a PDF."),
        code="not_pdf",
    )
    if not _read_head(uploaded, 1024).lstrip()[:5] == b"%PDF-":
        raise not_pdf
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        uploaded.seek(0)
        reader = PdfReader(io.BytesIO(uploaded.read()))
        if len(reader.pages) < 1:
            raise not_pdf
        active = pdf_active_content(reader)
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, RecursionError, AttributeError):
        raise not_pdf from None
    finally:
        uploaded.seek(0)
    if active:
        raise ValidationError(
            _(
                "The PDF contains active content (%(element)s: a script, an action run on "
                "opening, a program launch or an embedded file), which Sipokja does not accept. "
                'Print it to a new PDF ("Print to PDF" / "Microsoft Print to PDF") or scan '
                "the signed paper, and upload that file."
            )
            % {"element": active.lstrip("/")},
            code="active_content",
        )


def validate_xlsx(uploaded):
    """Accept only an .xlsx workbook without macros that passes the spreadsheet guard (ceilings
    on what it unpacks to: core.spreadsheets). For files that are stored, not read."""
    from core import spreadsheets

    check_size(uploaded)
    try:
        spreadsheets.guard(uploaded, kinds=(spreadsheets.XLSX,), cells=False)
    except spreadsheets.SpreadsheetError as exc:
        if exc.code == "not_spreadsheet":
            raise ValidationError(
                _(
                    "The file is not an Excel workbook (.xlsx). Use the template downloaded from "
                    "Sipokja."
                ),
                code="not_xlsx",
            ) from None
        raise


def validate_spreadsheet(uploaded) -> str:
    """Accept an .xlsx, .xls or .ods workbook without macros that passes the spreadsheet guard
    (core.spreadsheets); returns its format. For imports: the reader guards it again, with the
    row and column ceilings, right before it reads it."""
    from core import spreadsheets

    check_size(uploaded)
    return spreadsheets.guard(uploaded, cells=False)


def validate_image(uploaded):
    check_size(uploaded)
    head = _read_head(uploaded, 16)
    if not (head.startswith(b"\x89PNG\r\n\x1a\n") or head.startswith(b"\xff\xd8\xff")):
        raise ValidationError(_("The file is not a PNG or JPEG image."), code="not_image")


def stored_name(prefix: str, extension: str) -> str:
    """A non-guessable storage path such as `decrees/2025/3f2a….pdf`."""
    return f"{prefix}/{timezone.now():%Y}/{uuid.uuid4().hex}.{extension}"


@deconstructible
class UploadTo:
    """`upload_to=UploadTo("decrees", "pdf")`: random names, never the user's file name."""

    def __init__(self, prefix: str, extension: str):
        self.prefix = prefix
        self.extension = extension

    def __call__(self, instance, filename):
        return stored_name(self.prefix, self.extension)

    def __eq__(self, other):
        return isinstance(other, UploadTo) and (self.prefix, self.extension) == (
            other.prefix,
            other.extension,
        )


upload_to = UploadTo


# --- shared model parts (models of planning, knowledge…)


@deconstructible
class KeptExtensionUploadTo:
    """`upload_to` for a field that takes several formats: a random name under `prefix` that
    keeps the extension the content check found (the service renames the upload, e.g. to
    `evidence.png`, before saving); any other extension is stored as `.bin`. A subclass names
    `prefix` and `allowed`, and is what the migrations refer to."""

    prefix = ""
    allowed = ()

    def __call__(self, instance, filename):
        extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
        return stored_name(self.prefix, extension if extension in self.allowed else "bin")

    def __eq__(self, other):
        return type(other) is type(self)


_UNSAFE = re.compile(r"[^A-Za-z0-9._ -]+")


def safe_filename(name: str, default: str = "dokumen") -> str:
    """A download name without path parts or characters that could break the header."""
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = _UNSAFE.sub("_", name).strip(" ._") or default
    return name[:120]


# The only Content-Types Sipokja ever sends for an upload: the formats its content checks
# accept. Anything else goes out as an opaque download.
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "png": "image/png",
    "jpg": "image/jpeg",
}
_INLINE_TYPES = {"pdf", "png", "jpg"}
_UNSAFE_UNICODE = re.compile(r'[\x00-\x1f\x7f"\\/:*?<>|;%]+')


def _unicode_filename(name: str, fallback: str) -> str:
    """The user's name with its Indonesian letters kept (for `filename*`), path parts, control
    characters and header delimiters removed."""
    name = (name or "").replace("\\", "/").split("/")[-1]
    name = _UNSAFE_UNICODE.sub("_", name).strip(" ._")
    return name[:120] or fallback


def content_disposition(download_name: str, extension: str, *, inline: bool = False) -> str:
    """`attachment; filename="SK Gowa.pdf"; filename*=UTF-8''SK%20Gowa.pdf` with both names
    sanitised and ending in the stored file's extension."""
    ascii_name = safe_filename(download_name)
    unicode_name = _unicode_filename(download_name, ascii_name)
    if extension:
        if not ascii_name.lower().endswith("." + extension):
            ascii_name = f"{ascii_name}.{extension}"
        if not unicode_name.lower().endswith("." + extension):
            unicode_name = f"{unicode_name}.{extension}"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(unicode_name, safe='')}"


# Stored files up to this size are read into memory (no open handle outlives the view); larger
# ones (job results, big uploads) are streamed in chunks, from the disk or the S3 bucket.
STREAM_ABOVE = 4 * 1024 * 1024
CHUNK = 256 * 1024


def stored_body(field_file):
    """The content of a stored file: bytes, or for a large file an iterator of chunks that
    closes the file at its end. Http404 when the file is missing (locally or in the bucket)."""
    try:
        opened = field_file.open("rb")
        # A model's FieldFile returns itself (the storage's File is its .file); a storage's
        # open() returns that File directly.
        handle = opened.file if isinstance(opened, FieldFile) else opened
    except FileNotFoundError:
        field_file.close()
        raise Http404("File missing") from None
    if (handle.size or 0) <= STREAM_ABOVE:
        try:
            return handle.read()
        finally:
            field_file.close()

    def chunks():
        try:
            while chunk := handle.read(CHUNK):
                yield chunk
        finally:
            field_file.close()

    return chunks()


def body_response(content, content_type: str) -> HttpResponse:
    """An HttpResponse for bytes, a StreamingHttpResponse for chunks (see stored_body)."""
    if isinstance(content, bytes):
        return HttpResponse(content, content_type=content_type)
    return StreamingHttpResponse(content, content_type=content_type)


def download(content, content_type: str, filename: str) -> HttpResponse:
    """A file made for this user (an export, a template, a PDF, a calendar entry) as an
    attachment named `filename`, kept in no shared cache nor the browser's history."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def serve(
    field_file, download_name: str, *, inline: bool = False, file_type: str = ""
) -> HttpResponse:
    """A stored upload as a download (the caller has checked region and permission).

    A small file is read into memory (the response holds no open file handle), a large one is
    streamed in chunks (`stored_body`); both come through the storage API, from the local
    folder or the private bucket. `file_type` is what the content check found (`pdf`, `xlsx`, `docx`,
    `png`, `jpg`); without it the stored name's extension is used (Sipokja chose it from the
    content, never from the user's file name). Unknown types are sent as
    `application/octet-stream`, always as an attachment, with `nosniff`."""
    if not field_file:
        raise Http404("No file")
    content = stored_body(field_file)
    extension = (file_type or field_file.name.rsplit(".", 1)[-1]).lower()
    if extension not in CONTENT_TYPES:
        extension, inline = "", False
    response = body_response(content, CONTENT_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = content_disposition(
        download_name, extension, inline=inline and extension in _INLINE_TYPES
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
