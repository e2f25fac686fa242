"""Issue 18 item 4, the memory bound of reading (peak ≤ 150 MB for 100,000 values in
`make bench`): the workbook is closed as soon as its sheet is loaded and the rows are handed out
one at a time, and a process that only reads spreadsheets does not load the libraries of other
paths at start-up (openpyxl, which writes, pulls numpy in: about 30 MB)."""

import io
import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from openpyxl import Workbook

from indicators.spreadsheets import read_table


def _workbook(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


ROWS = [
    ["kode_wilayah", "kode_indikator", "tahun", "jenis", "nilai"],
    ["73.06", "stunting", 2025, "realisasi", "18,4"],
    [],
    ["73.71", "stunting", 2025, "target", 14],
]
EXPECTED = [
    (2, {"region": "73.06", "indicator": "stunting", "year": 2025, "kind": "realisasi",
         "value": "18,4"}),
    (4, {"region": "73.71", "indicator": "stunting", "year": 2025, "kind": "target",
         "value": 14}),
]  # fmt: skip


def _read(content: bytes):
    table, close = read_table(io.BytesIO(content), "data")
    rows = iter(table.rows)
    first = next(rows)  # the workbook is already closed: the sheet holds its own cells
    found = [first, *rows]
    close()
    close()  # closing twice is harmless
    return found


def test_the_rows_are_handed_out_one_at_a_time_from_the_loaded_sheet():
    assert _read(_workbook(ROWS)) == EXPECTED


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice converts the test files")
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_xls_and_ods_are_read_the_same_way(tmp_path, kind):
    source = tmp_path / "data.xlsx"
    source.write_bytes(_workbook(ROWS))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", kind, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert _read((tmp_path / f"data.{kind}").read_bytes()) == EXPECTED


def test_start_up_loads_no_library_of_other_paths():
    """openpyxl (and numpy through it), the Redis client (only with REDIS_URL, on first use)
    and icalendar (only for .ics files) are imported where they are used."""
    code = (
        "import sys, django; django.setup(); "
        "import indicators.services, indicators.spreadsheets, core.spreadsheets; "
        "print(sorted({'openpyxl', 'numpy', 'redis', 'icalendar'} & set(sys.modules)))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]"
