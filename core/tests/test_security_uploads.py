"""Uploaded files are stored outside the web root and served only by core.uploads.serve, with a
Content-Type from the checked formats, an attachment disposition with a clean file name
(RFC 5987 `filename*` for non-ASCII names) and `nosniff`, read into memory (no open file)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404
from django.test import Client
from django.urls import Resolver404, resolve

from core.uploads import serve


class Stored:
    """A FieldFile-like handle on a file in the default storage."""

    def __init__(self, name):
        self.name = name
        self._file = None

    def __bool__(self):
        return bool(self.name)

    def open(self, mode="rb"):
        self._file = default_storage.open(self.name, mode)
        return self._file

    def close(self):
        if self._file is not None:
            self._file.close()


def _store(name, content=b"%PDF-1.7 test"):
    return Stored(default_storage.save(name, ContentFile(content)))


@pytest.mark.parametrize(
    ("stored", "file_type", "content_type"),
    [
        ("decrees/2025/a.pdf", "", "application/pdf"),
        ("x/2025/b.xlsx", "", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("x/2025/c.png", "", "image/png"),
        ("x/2025/d.html", "", "application/octet-stream"),
        ("x/2025/e.svg", "", "application/octet-stream"),
        (
            "x/2025/f.bin",
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("x/2025/g.pdf", "html", "application/octet-stream"),
    ],
)
def test_content_type_comes_from_the_checked_formats_only(stored, file_type, content_type):
    response = serve(_store(stored), "dokumen", file_type=file_type)
    assert response["Content-Type"] == content_type
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith("attachment;")


def test_the_file_is_read_into_memory_and_closed():
    handle = _store("decrees/2025/h.pdf", b"%PDF-1.7 content")
    response = serve(handle, "SK")
    assert handle._file.closed
    assert response.content == b"%PDF-1.7 content"


@pytest.mark.parametrize(
    ("name", "ascii_part", "unicode_part"),
    [
        ("SK Gowa", 'filename="SK Gowa.pdf"', "filename*=UTF-8''SK%20Gowa.pdf"),
        ("../../etc/passwd.pdf", 'filename="passwd.pdf"', "filename*=UTF-8''passwd.pdf"),
        ('a"b\r\nSet-Cookie: x=1', 'filename="a_b_Set-Cookie_ x_1.pdf"', None),
        (
            "Notulen Rapat Koordinasi – Juli",
            None,
            "filename*=UTF-8''Notulen%20Rapat%20Koordinasi%20%E2%80%93%20Juli.pdf",
        ),
        ("", 'filename="dokumen.pdf"', None),
    ],
)
def test_content_disposition_names_are_sanitised(name, ascii_part, unicode_part):
    disposition = serve(_store("decrees/2025/i.pdf"), name)["Content-Disposition"]
    assert "\r" not in disposition and "\n" not in disposition
    assert disposition.count('"') == 2 and ".." not in disposition
    if ascii_part:
        assert ascii_part in disposition
    if unicode_part:
        assert unicode_part in disposition


def test_inline_only_for_pdf_and_images():
    assert serve(_store("a/2025/j.pdf"), "SK", inline=True)["Content-Disposition"].startswith(
        "inline;"
    )
    assert serve(_store("a/2025/k.xlsx"), "x", inline=True)["Content-Disposition"].startswith(
        "attachment;"
    )


def test_missing_files_are_404():
    with pytest.raises(Http404):
        serve(Stored("decrees/2025/missing.pdf"), "SK")
    with pytest.raises(Http404):
        serve(Stored(""), "SK")


def test_media_root_is_outside_the_web_root_and_not_served():
    from django.conf import settings as live

    media = Path(live.MEDIA_ROOT).resolve()
    web_roots = [
        Path(live.STATIC_ROOT).resolve(),
        *(Path(p).resolve() for p in live.STATICFILES_DIRS),
    ]
    for root in web_roots:
        assert not media.is_relative_to(root) and not root.is_relative_to(media), root
    stored = _store("decrees/2025/secret.pdf")
    for url in (
        f"{live.MEDIA_URL}{stored.name}",
        f"/media/{stored.name}",
        f"/static/{stored.name}",
        f"/{stored.name}",
    ):
        with pytest.raises(Resolver404):
            resolve(url)


@pytest.mark.django_db
def test_stored_files_cannot_be_fetched_by_url():
    stored = _store("decrees/2025/secret2.pdf")
    client = Client()
    for url in (
        f"{settings.MEDIA_URL}{stored.name}",
        f"/media/{stored.name}",
        f"/static/{stored.name}",
    ):
        assert client.get(url).status_code == 404


def test_default_media_root_is_outside_the_web_root():
    """With the default configuration (no SIPOKJA_MEDIA_ROOT), uploads live in var/media, apart
    from the collected static files and the static sources."""
    import json
    import os
    import subprocess
    import sys

    env = {key: value for key, value in os.environ.items() if key != "SIPOKJA_MEDIA_ROOT"}
    code = (
        "import json; from django.conf import settings as s; print(json.dumps([str(s.MEDIA_ROOT), "
        "str(s.STATIC_ROOT), [str(p) for p in s.STATICFILES_DIRS], s.MEDIA_URL]))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    media, static_root, static_dirs, media_url = json.loads(result.stdout.strip().splitlines()[-1])
    media = Path(media).resolve()
    assert media == (Path(settings.BASE_DIR) / "var" / "media").resolve()
    for root in [static_root, *static_dirs]:
        root = Path(root).resolve()
        assert not media.is_relative_to(root) and not root.is_relative_to(media), root
    with pytest.raises(Resolver404):
        resolve(f"{media_url}decrees/2025/a.pdf")
