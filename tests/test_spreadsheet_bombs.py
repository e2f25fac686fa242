"""Spreadsheet bombs sent to every import through the real endpoints (issue 17, finding 2): a
1 MB workbook whose xl/styles.xml is 1 GiB of spaces and a 2 MB one with 2 GiB of whitespace in
its sheet are refused in under a second, with the usual clear Indonesian message, without
memory growth, and nothing is written."""

import datetime
import functools
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override

from assessment.tests.factories import make_pokja
from core.tests import bombs
from tests.test_security_inputs import IMPORTS, _counts, _shown_errors

YEAR = datetime.date.today().year
BOMBS = {
    "styles": functools.cache(bombs.styles_bomb),
    "sheet": functools.cache(bombs.sheet_bomb),
}


@pytest.fixture
def gowa(personas):
    make_pokja("73.06", YEAR, plan="draft")
    return personas


def _timed(send):
    tracemalloc.start()
    started = time.process_time()  # CPU time: other processes on the machine do not count
    try:
        response = send()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return response, time.process_time() - started, peak


@pytest.mark.parametrize("bomb", BOMBS)
@pytest.mark.parametrize("target", IMPORTS)
def test_html_imports_refuse_a_bomb_quickly(gowa, target, bomb):
    content = BOMBS[bomb]()
    client = gowa.client("gowa_operator")
    before = _counts()
    with override("id"):
        client.post(IMPORTS[target])  # warm-up: templates compiled, modules imported
        response, seconds, peak = _timed(
            lambda: client.post(IMPORTS[target], {"file": SimpleUploadedFile("data.xlsx", content)})
        )
    assert response.status_code == 200
    shown = _shown_errors(response)
    assert any("dikemas" in message for message in shown), shown
    assert seconds < 1, seconds
    assert peak < 50 * bombs.MB, peak  # the upload itself (2 MB) and the page, not the bomb
    assert _counts() == before


@pytest.mark.parametrize("bomb", BOMBS)
def test_the_api_import_refuses_a_bomb_quickly(gowa, bomb):
    content = BOMBS[bomb]()
    client = gowa.api_client("gowa_operator")
    before = _counts()
    client.post("/api/v1/regions/73.06/indicators/import")  # warm-up (a 422: no file)
    response, seconds, peak = _timed(
        lambda: client.post(
            "/api/v1/regions/73.06/indicators/import",
            {"file": SimpleUploadedFile("nilai.xlsx", content)},
            headers={"accept-language": "id"},
        )
    )
    assert response.status_code == 400, response.content
    assert "dikemas" in response.json()["detail"]
    assert seconds < 1, seconds
    assert peak < 50 * bombs.MB, peak
    assert _counts() == before


def test_a_far_cell_sent_to_the_api_is_a_clear_error_not_a_crash(gowa):
    content = bombs.with_sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c>'
        "</row>"
    )
    response = gowa.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/indicators/import",
        {"file": SimpleUploadedFile("nilai.xlsx", content)},
        headers={"accept-language": "id"},
    )
    assert response.status_code == 400
    assert "baris" in response.json()["detail"]
