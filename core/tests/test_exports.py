"""core.exports: text that a spreadsheet would take for a formula is written as text, characters
XML cannot hold are removed, numbers stay numbers."""

import csv
import decimal
import io
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from core import exports

FORMULAS = ['=HYPERLINK("http://x","y")', "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", " =1",
            "\uff1d1+1"]  # fmt: skip


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_like_text_gets_a_quote_in_csv(text):
    assert exports.csv_value(text) == "'" + text
    buffer = io.StringIO()
    exports.csv_writer(buffer).writerow([text, -5, decimal.Decimal("2.50"), None])
    row = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    assert row == ["'" + text, "-5", "2.5", ""]


def test_numbers_and_ordinary_text_are_unchanged():
    assert exports.csv_value(-5) == -5
    assert exports.csv_value(-2.5) == -2.5
    assert exports.csv_value("Dinas Kesehatan") == "Dinas Kesehatan"
    assert exports.csv_value("a-b=c") == "a-b=c"
    assert exports.csv_value("x\x00y\x1fz") == "xyz"


@pytest.mark.parametrize("write_only", [False, True])
def test_xlsx_cells_are_strings_never_formulas(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Data") if write_only else workbook.active
    exports.append(sheet, [*FORMULAS, -5, 2.5, "a\x01b\ud800c"])
    if not write_only:
        exports.put(sheet, 2, 1, "=1+1")
    buffer = io.BytesIO()
    workbook.save(buffer)
    xml = zipfile.ZipFile(buffer).read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml
    values = load_workbook(io.BytesIO(buffer.getvalue()))["Data" if write_only else "Sheet"]
    first = [(c.value, c.data_type) for c in values[1]]
    assert first[: len(FORMULAS)] == [(text, "s") for text in FORMULAS]
    assert first[len(FORMULAS) :] == [(-5, "n"), (2.5, "n"), ("abc", "s")]
    if not write_only:
        assert (values["A2"].value, values["A2"].data_type) == ("=1+1", "s")
