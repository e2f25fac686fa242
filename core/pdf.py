"""The one function that turns HTML into PDF for the whole project (WeasyPrint).

Its URL fetcher loads only `data:` URIs and the project's own static files (a reference such as
`{% static 'css/print.css' %}`, resolved against `base_url`): never `file://` or `http(s)://`,
so that a value that one day reaches a template unescaped cannot make the server read a local
file or request an address (issue 17, finding 6). Everything else is refused and left out of
the document. `tests/test_architecture.py` checks that no other module imports WeasyPrint.
"""

import mimetypes
import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

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


def render_pdf(html: str, *, stylesheets: Iterable[Path] = (), base_url: str = BASE_URL) -> bytes:
    """`html` as PDF bytes. `stylesheets` are CSS files of the project (read here, their own
    references go through the same fetcher)."""
    from weasyprint import CSS, HTML

    fetcher = _fetcher(base_url)
    sheets = [
        CSS(string=Path(path).read_text(encoding="utf-8"), base_url=base_url, url_fetcher=fetcher)
        for path in stylesheets
    ]
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf(stylesheets=sheets)
