"""The spreadsheet guard (core.spreadsheets.guard) refuses, before any reader sees them, packages
that unpack to too much, parts packed too tightly, headers that lie, cell positions that would
make python-calamine allocate billions of cells (which aborts the process), and macros."""

import functools
import io
import shutil
import subprocess
import time
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from core.spreadsheets import Limits, SpreadsheetError, guard
from core.spreadsheets import Workbook as Reader
from core.tests import bombs

SMALL = Limits(unzipped_bytes=50 * bombs.MB, part_bytes=20 * bombs.MB, ratio=100, rows=100,
               columns=10)  # fmt: skip


@functools.cache
def styles_bomb():
    return bombs.styles_bomb()


@functools.cache
def sheet_bomb():
    return bombs.sheet_bomb()


def _refused(content, limits=None, **kwargs) -> SpreadsheetError:
    with pytest.raises(SpreadsheetError) as info:
        guard(io.BytesIO(content), limits=limits, **kwargs)
    assert info.value.messages[0].strip()
    return info.value


@pytest.mark.parametrize("build", [styles_bomb, sheet_bomb])
def test_a_bomb_is_refused_in_under_a_second_without_memory_growth(build):
    content = build()
    assert len(content) < 2.2 * bombs.MB
    tracemalloc.start()
    started = time.process_time()  # CPU time: other processes on the machine do not count
    try:
        error = _refused(content)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.process_time() - started < 1
    assert peak < 20 * bombs.MB
    assert error.code == "ratio"


def test_without_the_ratio_ceiling_the_size_ceilings_still_stop_a_bomb():
    limits = Limits(unzipped_bytes=40 * bombs.MB, part_bytes=30 * bombs.MB, ratio=10**9,
                    rows=100, columns=10)  # fmt: skip
    assert _refused(styles_bomb(), limits).code == "unzipped"


def test_a_header_that_lies_about_the_size_is_caught_while_inflating():
    content = bombs.with_part(
        bombs.plain_workbook(),
        "xl/styles.xml",
        (b"", b" " * bombs.MB, 64, b""),
        declared_size=2550,
    )
    assert zipfile.ZipFile(io.BytesIO(content)).getinfo("xl/styles.xml").file_size == 2550
    assert _refused(content).code == "ratio"
    # Even with the ratio allowed, the real size differs from the header: damaged.
    limits = Limits(bombs.MB * 200, bombs.MB * 100, 10**9, 100, 10)
    assert _refused(content, limits).code == "damaged"


def test_cells_at_far_corners_are_refused_before_calamine_allocates_the_grid():
    far = bombs.with_sheet(
        '<row r="1"><c r="A1"><v>1</v></c></row>'
        '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'
    )
    assert _refused(far).code == "rows"
    wide = bombs.with_sheet('<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>')
    assert _refused(wide).code == "columns"
    with pytest.raises(SpreadsheetError):
        Reader(io.BytesIO(far))


def test_positions_counted_without_r_attributes_are_followed_exactly():
    many_rows = bombs.with_sheet("<row></row>" * 150 + "<row><c><v>1</v></c></row>")
    assert _refused(many_rows, SMALL).code == "rows"
    many_cells = bombs.with_sheet("<row>" + "<c></c>" * 20 + "<c><v>1</v></c></row>")
    assert _refused(many_cells, SMALL).code == "columns"
    # Self-closing cells do not count (calamine skips them), nor do empty rows.
    fine = bombs.with_sheet("<row>" + "<c/>" * 50 + "<c><v>1</v></c></row><row/>" * 3)
    assert guard(io.BytesIO(fine), limits=SMALL) == "xlsx"


def test_prefixed_tags_single_quotes_and_spaces_do_not_hide_a_far_cell():
    for cells in (
        "<x:row r='1'><x:c r='A500'><x:v>1</x:v></x:c></x:row>",
        '<row r="1"><c  r = "A500" ><v>1</v></c></row>',
        '<row r="1"><c s="1" r="A500"><v>1</v></c></row>',
        '<row r="1"><c r="a00000500"><v>1</v></c></row>',
    ):
        content = bombs.with_sheet(cells.replace("<worksheet", "<x:worksheet"))
        assert _refused(content, SMALL).code == "rows", cells


def test_a_huge_shared_string_count_is_refused():
    base = bombs.plain_workbook()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(
            "xl/sharedStrings.xml",
            '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
            'count="1" uniqueCount="1000000000000"><si><t>a</t></si></sst>',
        )
    assert _refused(out.getvalue()).code == "damaged"


def test_utf16_sheets_are_refused():
    content = bombs.with_sheet('<row r="1"><c r="A1"><v>1</v></c></row>')
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.decode().encode("utf-16")
            target.writestr(item, data)
    assert _refused(out.getvalue()).code == "damaged"


def _ods(content_xml: str, extra=()) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content_xml)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
        for name, data in extra:
            archive.writestr(name, data)
    return out.getvalue()


ODS = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
    '<office:spreadsheet><table:table table:name="Data">{rows}</table:table>'
    "</office:spreadsheet></office:body></office:document-content>"
)
VALUE_CELL = '<table:table-cell office:value-type="float" office:value="1" {repeat}/>'


def test_ods_repeats_that_would_materialise_too_many_cells_are_refused():
    wide = ODS.format(
        rows="<table:table-row>"
        + VALUE_CELL.format(repeat='table:number-columns-repeated="16384"')
        + "</table:table-row>"
    )
    assert _refused(_ods(wide)).code == "columns"
    tall = ODS.format(
        rows='<table:table-row table:number-rows-repeated="1048576">'
        + VALUE_CELL.format(repeat="")
        + "</table:table-row>"
    )
    assert _refused(_ods(tall)).code == "rows"
    # Empty cells and rows repeated to the end of the sheet (as LibreOffice writes) are fine.
    normal = ODS.format(
        rows="<table:table-row>"
        + VALUE_CELL.format(repeat="")
        + '<table:table-cell table:number-columns-repeated="16383"/></table:table-row>'
        '<table:table-row table:number-rows-repeated="1048575"><table:table-cell '
        'table:number-columns-repeated="16384"/></table:table-row>'
    )
    assert guard(io.BytesIO(_ods(normal))) == "ods"
    with Reader(io.BytesIO(_ods(normal))) as reader:
        assert list(reader.rows("Data")) == [(1, (1,))]


def _workbook_with(name: str, content: str) -> bytes:
    """The plain workbook with one more part, `name`."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(bombs.plain_workbook())) as source,
        zipfile.ZipFile(out, "w") as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr(name, content)
    return out.getvalue()


def test_macros_are_refused_in_every_format():
    macro_xlsx = _workbook_with("xl/macrosheets/sheet1.xml", "<xm:macrosheet/>")
    assert _refused(macro_xlsx).code == "macro"
    basic = _ods(ODS.format(rows=""), extra=[("Basic/Standard/Module1.xml", "<x/>")])
    assert _refused(basic).code == "macro"


def test_what_is_not_a_spreadsheet_is_refused():
    assert _refused(b"%PDF-1.7 not a workbook").code == "not_spreadsheet"
    assert _refused(b"PK\x03\x04 truncated").code == "damaged"
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert _refused(docx.getvalue()).code == "not_spreadsheet"
    assert _refused(bombs.plain_workbook(), kinds=("xls",)).code == "not_spreadsheet"


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice writes the .xls file")
def test_xls_cells_beyond_the_ceilings_are_refused(tmp_path):
    workbook = Workbook()
    workbook.active["A1"] = "kode"
    workbook.active["A150"] = 1
    workbook.save(tmp_path / "far.xlsx")
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xls", "--outdir", str(tmp_path),
         str(tmp_path / "far.xlsx")],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    content = (tmp_path / "far.xls").read_bytes()
    assert guard(io.BytesIO(content)) == "xls"
    assert _refused(content, SMALL).code == "rows"


def test_parts_whose_names_differ_only_in_case_are_refused():
    doubled = _workbook_with("XL/Worksheets/Sheet1.xml", bombs.sheet_xml(""))
    assert _refused(doubled).code == "damaged"


def test_a_sheet_hidden_in_the_shared_strings_part_is_scanned_too():
    content = bombs.with_sheet(
        '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1"><v>1</v></c></row>',
        part="xl/sharedStrings.xml",
    )
    assert _refused(content).code == "columns"


def test_a_second_r_attribute_cannot_hide_a_far_cell():
    for cells in (
        '<row r="1"><c r="A2" r="XFD1048576"><v>1</v></c></row>',
        '<row r="1"><c r="A2" s="1" r=\'A900\'><v>1</v></c></row>',
    ):
        assert _refused(bombs.with_sheet(cells), SMALL).code in ("damaged", "rows", "columns")


def test_binary_parts_such_as_printer_settings_and_images_pass():
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(bombs.plain_workbook())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("xl/printerSettings/printerSettings1.bin", "HP LaserJet".encode("utf-16-le")
                        + b"\x00" * 200)  # fmt: skip
        target.writestr("xl/media/image1.emf", b"\x01\x00\x00\x00" + bytes(range(256)) * 8)
    assert guard(io.BytesIO(out.getvalue())) == "xlsx"
