"""Finding 6 of issue 17: every PDF goes through core.pdf.render_pdf, whose fetcher loads only
`data:` URIs and the project's static files. A `file://` reference (a local file) and an
`http://` one (a request from the server) are not fetched; the project's own static files are."""

import base64
import http.server
import io
import threading
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.staticfiles import finders
from pypdf import PdfReader

from core.pdf import render_pdf

ROOT = Path(django_settings.BASE_DIR)


def pdf_text(data: bytes, tmp_path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def http_server():
    """A real HTTP server on localhost that counts the requests it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = b'body::before { content: "FETCHED-OVER-HTTP" }'
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_a_local_file_is_not_read(tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text('body::before { content: "LOCAL-FILE-LEAKED" }')
    html = (
        f'<link rel="stylesheet" href="file://{secret}">'
        f'<link rel="stylesheet" href="{secret}">'
        '<a rel="attachment" href="file:///etc/passwd">passwd</a>'
        '<img src="file:///etc/passwd"><p>Isi laporan</p>'
    )
    data = render_pdf(html)
    text = pdf_text(data, tmp_path)
    assert "Isi laporan" in text
    assert "LOCAL-FILE-LEAKED" not in text
    assert b"/EmbeddedFile" not in data
    assert b"root:x:0:0" not in data


def test_nothing_is_requested_over_http(http_server, tmp_path):
    base, hits = http_server
    html = (
        f'<link rel="stylesheet" href="{base}/style.css">'
        f'<style>@import url("{base}/import.css"); p {{ background: url("{base}/bg.png") }}</style>'
        f'<img src="{base}/logo.png"><a rel="attachment" href="{base}/file.txt">x</a><p>Isi</p>'
    )
    text = pdf_text(render_pdf(html), tmp_path)
    assert "Isi" in text
    assert "FETCHED-OVER-HTTP" not in text
    assert hits == []


def test_a_relative_reference_outside_the_static_files_is_not_read(tmp_path):
    html = (
        '<link rel="stylesheet" href="/static/../../../../../../etc/passwd">'
        '<link rel="stylesheet" href="/static/%2e%2e/%2e%2e/config/settings.py">'
        '<link rel="stylesheet" href="/etc/passwd"><p>Isi</p>'
    )
    data = render_pdf(html)
    assert b"root:x:0:0" not in data
    assert "Isi" in pdf_text(data, tmp_path)


def test_data_uris_and_the_projects_static_files_are_loaded(settings, tmp_path):
    static_dir = tmp_path / "static-extra"
    static_dir.mkdir()
    (static_dir / "pdf-test.css").write_text('body::before { content: "STATIC-CSS-LOADED" }')
    settings.STATICFILES_DIRS = [*settings.STATICFILES_DIRS, static_dir]
    finders.get_finder.cache_clear()
    try:
        css = base64.b64encode(b'body::after { content: "DATA-URI-LOADED" }').decode()
        html = (
            f'<link rel="stylesheet" href="{settings.STATIC_URL}pdf-test.css">'
            f'<link rel="stylesheet" href="data:text/css;base64,{css}"><p>Isi</p>'
        )
        text = pdf_text(render_pdf(html), tmp_path)
    finally:
        finders.get_finder.cache_clear()
    assert "STATIC-CSS-LOADED" in text
    assert "DATA-URI-LOADED" in text


def test_no_module_but_core_pdf_uses_weasyprint():
    """Every PDF the project renders goes through core.pdf (tests may build fixtures directly)."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in {".venv", "var", "node_modules"} or "tests" in rel.parts:
            continue
        if rel == Path("core/pdf.py"):
            continue
        if "weasyprint" in path.read_text(encoding="utf-8", errors="replace").replace(
            '"weasyprint": {"level"', ""
        ):
            offenders.append(str(rel))
    assert offenders == []
