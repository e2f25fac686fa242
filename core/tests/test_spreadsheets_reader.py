"""The spreadsheet reader (python-calamine behind core.spreadsheets.guard) gives what openpyxl's
read-only mode gives, for workbooks written by openpyxl, by hand (Excel style, prefixed tags),
and in the .xls and .ods formats (converted by LibreOffice)."""

import datetime
import io
import shutil
import subprocess
import warnings
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from core.spreadsheets import Workbook as Reader


def _openpyxl_rows(content, sheet=None):
    with warnings.catch_warnings():  # "no default style": the hand-made workbook is minimal
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    ws = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = [
        (i, tuple(v))
        for i, v in enumerate(ws.iter_rows(min_row=1, min_col=1, values_only=True), start=1)
    ]
    workbook.close()
    return rows


def _fast_rows(content, sheet="Data"):
    with Reader(io.BytesIO(content)) as reader:
        return list(reader.rows(sheet))


def _dates(rows):
    """openpyxl gives datetimes at midnight where calamine gives dates; compare as dates."""
    return [
        (
            number,
            tuple(
                v.date() if isinstance(v, datetime.datetime) and v.time() == datetime.time() else v
                for v in values
            ),
        )
        for number, values in rows
    ]


def _trim(rows):
    """openpyxl pads rows to the sheet width; compare without trailing empty cells."""
    result = []
    for number, values in rows:
        values = list(values)
        while values and values[-1] is None:
            values.pop()
        result.append((number, tuple(values)))
    return result


@pytest.mark.parametrize("write_only", [False, True])
def test_fast_reader_matches_openpyxl_on_openpyxl_workbooks(write_only):
    workbook = Workbook(write_only=write_only)
    sheet = workbook.create_sheet("Other") if write_only else workbook.active
    if not write_only:
        sheet.title = "Other"
    sheet.append(["ignored"])
    data = workbook.create_sheet("Data")
    data.append(["kode_wilayah", "nilai", "tanggal", "benar", "catatan"])
    data.append(["73.71", 2.18, datetime.datetime(2025, 3, 1), True, "Tom & Jerry <x>"])
    data.append([7306, 14, datetime.date(2024, 12, 31), False, "  spasi  "])
    data.append([])
    data.append([None, None, None, None, "=1+1"])
    data.append(["Bulukumba", 1e-05, None, None, "é ñ 中文"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()
    fast = _fast_rows(content)
    assert _dates(_trim(fast)) == _dates(_trim(_openpyxl_rows(content, "Data")))
    # except the formula, which openpyxl writes without a value: both read it as empty


SHEET = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:D6"/><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c t="s" r="B1"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:r><x:t>ka</x:t></x:r><x:r><x:t xml:space="preserve"> bu</x:t></x:r></x:is></x:c></x:row>
<x:row r="3"><x:c r="A3" s="1"><x:v>45717</x:v></x:c><x:c r="C3"><x:f>A3+1</x:f><x:v>45718</x:v></x:c><x:c r="D3" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="4"/>
<x:row r="5"><x:c r="B5" t="str"><x:f>"a"&amp;"b"</x:f><x:v>a&amp;b</x:v></x:c><x:c r="C5" t="e"><x:v>#N/A</x:v></x:c><x:c r="D5"><x:v>2.5E-3</x:v></x:c></x:row>
<x:row r="6"><x:c r="A6" t="s"><x:v>2</x:v></x:c></x:row>
</x:sheetData></x:worksheet>"""
STRINGS = """<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
<si><t>kode_wilayah</t></si><si><r><t xml:space="preserve">Kota </t></r><r><rPr><b/></rPr><t>Makassar</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si><si><t>Tom &amp; Jerry</t></si></sst>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>
<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Lembar1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WB_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
TYPES = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""


def _handmade(sheet=SHEET):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", TYPES)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        archive.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", STRINGS)
        archive.writestr("xl/styles.xml", STYLES)
    return buffer.getvalue()


def test_fast_reader_matches_openpyxl_on_an_excel_style_workbook():
    content = _handmade()
    fast = _fast_rows(content)
    assert _dates(_trim(fast)) == _dates(_trim(_openpyxl_rows(content)))[:2] + [
        (3, (datetime.date(2025, 3, 1), None, 45718, True)),
        (4, ()),
        (5, (None, "a&b", None, 0.0025)),  # an error cell (#N/A) reads as empty
        (6, ("Tom & Jerry",)),
    ]
    assert fast[0] == (1, ("kode_wilayah", "Kota Makassar", "ka bu"))


def test_rows_and_columns_keep_their_numbers_when_the_sheet_starts_lower_and_further_right():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet["C3"] = "kode"
    sheet["E5"] = 7306
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert _fast_rows(buffer.getvalue()) == [
        (1, ()),
        (2, ()),
        (3, (None, None, "kode")),
        (4, ()),
        (5, (None, None, None, None, 7306)),
    ]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice converts the test files")
@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_xls_and_ods_read_like_xlsx(tmp_path, kind):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["kode_wilayah", "nilai", "tanggal", "catatan"])
    sheet.append(["73.06", 2.18, datetime.date(2025, 3, 1), "Tom & Jerry"])
    sheet.append([7306, 14, None, "é ñ"])
    source = tmp_path / "data.xlsx"
    workbook.save(source)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", kind, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    converted = (tmp_path / f"data.{kind}").read_bytes()
    with Reader(io.BytesIO(converted)) as reader:
        assert reader.kind == kind
        rows = list(reader.rows("Data"))
    assert rows == [
        (1, ("kode_wilayah", "nilai", "tanggal", "catatan")),
        (2, ("73.06", 2.18, datetime.date(2025, 3, 1), "Tom & Jerry")),
        (3, (7306, 14, None, "é ñ")),
    ]
