"""Spreadsheet bombs for the tests, built in a moment: a workbook whose one part inflates to
gigabytes of whitespace (deflate of a block repeated after full flushes, so the compressed part
is the same chunk many times), and workbooks whose cell positions would make a reader allocate
billions of cells."""

import io
import struct
import zipfile
import zlib

from openpyxl import Workbook

MB = 1024 * 1024


def plain_workbook(rows=(("kode_wilayah", "kode_indikator"),), sheet="Data") -> bytes:
    workbook = Workbook()
    workbook.active.title = sheet
    for row in rows:
        workbook.active.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _deflated_repeat(prefix: bytes, block: bytes, repeats: int, suffix: bytes):
    """(compressed bytes, size, crc) of prefix + block × repeats + suffix."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    chunk = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert again == chunk  # after a full flush the same input gives the same output
    tail = compressor.compress(suffix) + compressor.flush()
    crc = zlib.crc32(prefix)
    for _ in range(repeats):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(block) * repeats + len(suffix)
    return head + chunk * repeats + tail, size, crc & 0xFFFFFFFF


def with_part(base: bytes, name: str, content: tuple, *, declared_size=None) -> bytes:
    """`base` with part `name` replaced by `content` = (prefix, block, repeats, suffix), written
    deflated by hand (ZIP64 when needed); `declared_size` makes the headers lie."""
    data, size, crc = _deflated_repeat(*content)
    size = size if declared_size is None else declared_size
    out = io.BytesIO()
    central = []
    with zipfile.ZipFile(io.BytesIO(base)) as source:
        items = [(i.filename, source.read(i.filename)) for i in source.infolist()]
    for filename, raw in items:
        offset = out.tell()
        encoded = filename.encode()
        if filename == name:
            packed, usize, ucrc = data, size, crc
        else:
            compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
            packed = compressor.compress(raw) + compressor.flush()
            usize, ucrc = len(raw), zlib.crc32(raw) & 0xFFFFFFFF
        big = usize >= 0xFFFFFFFF or len(packed) >= 0xFFFFFFFF
        extra = struct.pack("<HHQQ", 1, 16, usize, len(packed)) if big else b""
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if big else (len(packed), usize)
        out.write(
            struct.pack(
                "<4sHHHHHIIIHH",
                b"PK\x03\x04",
                45,
                0,
                8,
                0,
                0x21,
                ucrc,
                *sizes,
                len(encoded),
                len(extra),
            )  # fmt: skip
            + encoded
            + extra
            + packed
        )
        central.append((encoded, ucrc, sizes, extra, offset, usize, len(packed)))
    start = out.tell()
    for encoded, ucrc, sizes, _extra, offset, usize, packed_size in central:
        big = sizes[0] == 0xFFFFFFFF
        extra = struct.pack("<HHQQQ", 1, 24, usize, packed_size, offset) if big else b""
        out.write(
            struct.pack(
                "<4sHHHHHHIIIHHHHHII",
                b"PK\x01\x02",
                45,
                45,
                0,
                8,
                0,
                0x21,
                ucrc,
                *sizes,
                len(encoded),
                len(extra),
                0,
                0,
                0,
                0,
                0xFFFFFFFF if big else offset,
            )  # fmt: skip
            + encoded
            + extra
        )
    end = out.tell()
    out.write(
        struct.pack(
            "<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central), end - start, start, 0
        )  # fmt: skip
    )
    return out.getvalue()


def styles_bomb(gib=1) -> bytes:
    """About 1 MB: a workbook whose xl/styles.xml is `gib` GiB of spaces."""
    return with_part(plain_workbook(), "xl/styles.xml", (b"", b" " * MB, 1024 * gib, b""))


def sheet_bomb(gib=2) -> bytes:
    """About 2 MB: a workbook with `gib` GiB of whitespace inside the sheet's data."""
    prefix = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>kode_wilayah</t></is></c></row>'
    )
    return with_part(
        plain_workbook(),
        "xl/worksheets/sheet1.xml",
        (prefix, b" \n\t " * (MB // 4), 1024 * gib, b"</sheetData></worksheet>"),
    )


def sheet_xml(cells: str) -> bytes:
    return (
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<sheetData>{cells}</sheetData></worksheet>"
    ).encode()


def with_sheet(cells: str, *, part="xl/worksheets/sheet1.xml", base=None) -> bytes:
    """A real workbook whose sheet XML (or another `part`, added if missing) is replaced."""
    base = base or plain_workbook()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = sheet_xml(cells) if item.filename == part else source.read(item.filename)
            target.writestr(item.filename, data, zipfile.ZIP_DEFLATED)
        if part not in source.namelist():
            target.writestr(part, sheet_xml(cells), zipfile.ZIP_DEFLATED)
    return out.getvalue()
