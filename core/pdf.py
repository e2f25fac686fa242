"""The one function that turns HTML into PDF for the whole project (WeasyPrint).

Its URL fetcher loads only `data:` URIs and the project's own static files (a reference such as
`{% static 'css/print.css' %}`, resolved against `base_url`): never `file://` or `http(s)://`,
so that a value that one day reaches a template unescaped cannot make the server read a local
file or request an address (issue 17, finding 6). Everything else is refused and left out of
the document. `tests/test_architecture.py` checks that no other module imports WeasyPrint.

Cache: a caller whose document holds no personal data (the recap, aggregate reports) passes
`cache_as=` (what the document is: its kind and parameters, e.g. the province and year); the
PDF is then kept in the storage (local files or S3) under that name, the data version it was
rendered at (audit.version: any committed change raises it), the language, and a digest of the
HTML and stylesheets, so the same document is laid out by WeasyPrint once per data version and
an older copy is never served. `SIPOKJA_PDF_CACHE = False` (a setting) renders every time.
Copies of older data versions are never read again: `prune_cache(current)` deletes them (the
daily housekeeping job, jobs.housekeeping, calls it with the current data version).
"""

import hashlib
import logging
import mimetypes
import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

log = logging.getLogger(__name__)
CACHE_FOLDER = "cache/pdf"

# The address relative references are resolved against; it names no real host and is never
# requested: the fetcher maps `<BASE_URL><STATIC_URL>name` to the static file `name`.
BASE_URL = "https://sipokja.invalid/"


def static_file(name: str) -> Path | None:
    """The static file `name` (as `{% static %}` names it, fingerprinted or not), or None."""
    from django.contrib.staticfiles import finders
    from django.core.exceptions import SuspiciousFileOperation

    name = posixpath.normpath(unquote(name)).lstrip("/")
    if not name or name.startswith("..") or "\x00" in name:
        return None
    try:
        found = finders.find(name)
        if found:
            return Path(found)
        if settings.STATIC_ROOT:
            root = Path(settings.STATIC_ROOT).resolve()
            candidate = (root / name).resolve()
            if candidate.is_relative_to(root) and candidate.is_file():
                return candidate
    except (SuspiciousFileOperation, ValueError, OSError):
        return None
    return None


def _fetcher(base_url: str):
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data"}, allow_redirects=False)

        def fetch(self, url, headers=None):
            if url[:5].lower() == "data:":
                return super().fetch(url, headers)
            parts = urlsplit(url)
            base = urlsplit(base_url)
            static_prefix = urlsplit(settings.STATIC_URL).path
            static_prefix = "/" + static_prefix.strip("/") + "/"
            if (
                parts.scheme == base.scheme
                and parts.netloc == base.netloc
                and parts.path.startswith(static_prefix)
            ):
                path = static_file(parts.path[len(static_prefix) :])
                if path is not None:
                    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(
                        url, path.read_bytes(), {"Content-Type": content_type}
                    )
            raise ValueError(f"Sipokja's PDF renderer does not load {url[:200]!r}")

    return ProjectFetcher()


def render_pdf(
    html: str,
    *,
    stylesheets: Iterable[Path] = (),
    base_url: str = BASE_URL,
    cache_as: Iterable[str] | None = None,
    data_version=None,
) -> bytes:
    """`html` as PDF bytes. `stylesheets` are CSS files of the project (read here, their own
    references go through the same fetcher). With `cache_as` (and the `data_version` the
    document was built at, read before its data), a copy kept in the storage when there is one
    (see the module's docstring)."""
    stylesheets = list(stylesheets)
    if cache_as is None or not getattr(settings, "SIPOKJA_PDF_CACHE", True):
        return _render(html, stylesheets, base_url)
    name = _cache_name(html, stylesheets, base_url, cache_as, data_version)
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    try:
        with default_storage.open(name, "rb") as cached:
            return cached.read()
    except (FileNotFoundError, OSError):
        pass
    except Exception:  # noqa: BLE001 - a storage that fails is a miss (S3 errors vary)
        log.warning("PDF cache unreadable at %s", name, exc_info=True)
    content = _render(html, stylesheets, base_url)
    try:
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(content))
    except Exception:  # noqa: BLE001 - not kept: rendered again next time
        log.warning("PDF cache not written at %s", name, exc_info=True)
    return content


def _cache_name(html, stylesheets, base_url, cache_as, data_version) -> str:
    from django.utils.translation import get_language

    digest = hashlib.sha256()
    for part in (base_url, html, *(Path(p).read_text(encoding="utf-8") for p in stylesheets)):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    parts = [str(p).replace("/", "-") for p in cache_as]
    folder = "-".join(p for p in parts if p) or "document"
    name = f"{_version_prefix(data_version)}{get_language() or 'none'}-{digest.hexdigest()[:32]}"
    return f"{CACHE_FOLDER}/{folder}/{name}.pdf"


def _version_prefix(data_version) -> str:
    """How the name of a kept PDF starts for `data_version` (`v12-`, `vt3141-` with Redis)."""
    return "v" + str(data_version if data_version is not None else "none").replace("/", "-") + "-"


def prune_cache(current_version) -> int:
    """Delete the kept PDFs of every data version but `current_version` (what `render_pdf`'s
    callers pass now, audit.version.token()), through the storage API, so on S3 too. Those
    copies are never served again: any committed change raised the version. Idempotent; returns
    how many files were deleted."""
    from django.core.files.storage import default_storage

    keep = _version_prefix(current_version)
    try:
        folders, _files = default_storage.listdir(CACHE_FOLDER)
    except FileNotFoundError:  # nothing kept yet (local files; S3 lists nothing)
        return 0
    deleted = 0
    for folder in folders:
        for name in default_storage.listdir(f"{CACHE_FOLDER}/{folder}")[1]:
            if name.endswith(".pdf") and not name.startswith(keep):
                default_storage.delete(f"{CACHE_FOLDER}/{folder}/{name}")
                deleted += 1
    return deleted


def _render(html: str, stylesheets, base_url: str) -> bytes:
    from weasyprint import CSS, HTML

    fetcher = _fetcher(base_url)
    sheets = [
        CSS(string=Path(path).read_text(encoding="utf-8"), base_url=base_url, url_fetcher=fetcher)
        for path in stylesheets
    ]
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(stylesheets=sheets)
