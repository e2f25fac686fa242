"""Reading the reports back as a person would: PDFs through poppler's pdftotext."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext


def require_tool(tool: str) -> None:
    """Skip when a system tool is missing, unless SIPOKJA_REQUIRE_BROWSER=1 (CI), then fail."""
    if shutil.which(tool) is None:
        if os.environ.get("SIPOKJA_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{tool} is not installed")
        pytest.skip(f"{tool} is not installed")


def pdf_text(content: bytes, *, layout=False) -> str:
    """The text of a PDF with whitespace collapsed: in reading order (a table cell wrapped over
    two lines stays together), or laid out as printed (`pdftotext -layout`)."""
    assert content[:5] == b"%PDF-"
    require_tool("pdftotext")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.pdf"
        path.write_bytes(content)
        result = subprocess.run(
            ["pdftotext", *(["-layout"] if layout else []), str(path), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return " ".join(result.stdout.decode().split())


def queries(client, url) -> int:
    """How many queries a successful GET of `url` runs."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)
