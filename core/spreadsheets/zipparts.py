"""The parts of a ZIP package (.xlsx, .ods), inflated in chunks with ceilings.

Nothing here believes the ZIP headers: each part is inflated from its compressed bytes while the
output is counted, so a part that unpacks to more than the headers say (or to more than the
ceilings allow, or more than `Limits.ratio` times its packed size) is refused as soon as it
crosses the line, after a few MB of work, never after unpacking it all. A part whose real size
or checksum differs from its header is refused as damaged.
"""

import struct
import zipfile
import zlib
from collections.abc import Iterator

from core.spreadsheets import limits as L

CHUNK_IN = 64 * 1024
CHUNK_OUT = 1024 * 1024
_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")


class Budget:
    """What the whole package has unpacked so far."""

    def __init__(self, limits: L.Limits):
        self.limits = limits
        self.used = 0


def entries(fileobj, limits: L.Limits) -> list[zipfile.ZipInfo]:
    """The central directory, refused when it is damaged, too long, encrypted or has a name
    twice (also when only case or slashes differ: calamine looks parts up that way), since
    different readers would pick different copies."""
    try:
        fileobj.seek(0)
        with zipfile.ZipFile(fileobj) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise L.damaged() from None
    names = {normal_name(info.filename) for info in infos}
    if len(infos) > L.MAX_PARTS or len(names) != len(infos):
        raise L.damaged()
    if any(info.flag_bits & 0x1 for info in infos):
        raise L.encrypted()
    return infos


def normal_name(name: str) -> str:
    return name.replace("\\", "/").lower()


def _data_start(fileobj, info) -> int:
    fileobj.seek(info.header_offset)
    header = fileobj.read(_LOCAL_HEADER.size)
    if len(header) != _LOCAL_HEADER.size:
        raise L.damaged()
    signature, _version, flags, method, *_rest, name_length, extra_length = _LOCAL_HEADER.unpack(
        header
    )
    name = fileobj.read(name_length)
    encoding = "utf-8" if flags & 0x800 else "cp437"
    if (
        signature != b"PK\x03\x04"
        or method != info.compress_type
        or name.decode(encoding, "replace") != info.orig_filename
    ):
        raise L.damaged()
    return info.header_offset + _LOCAL_HEADER.size + name_length + extra_length


def inflate(fileobj, info: zipfile.ZipInfo, budget: Budget) -> Iterator[bytes]:
    """The content of one part, in chunks of at most 1 MB. Raises SpreadsheetError as soon as a
    ceiling is crossed; at the end, when the size or CRC differ from the header."""
    limits = budget.limits
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise L.damaged()  # Excel and LibreOffice only store or deflate
    fileobj.seek(_data_start(fileobj, info))
    inflater = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
    remaining, packed, unpacked = info.compress_size, 0, 0

    def account(data: bytes):
        nonlocal unpacked
        unpacked += len(data)
        budget.used += len(data)
        if unpacked > limits.part_bytes or budget.used > limits.unzipped_bytes:
            raise L.unzipped(min(limits.part_bytes, limits.unzipped_bytes))
        if unpacked > L.RATIO_FROM_BYTES and unpacked > limits.ratio * max(packed, 1):
            raise L.ratio(limits.ratio)

    try:
        while remaining > 0:
            chunk = fileobj.read(min(CHUNK_IN, remaining))
            if not chunk:
                raise L.damaged()  # shorter than its header says
            remaining -= len(chunk)
            packed += len(chunk)
            if inflater is None:
                account(chunk)
                yield chunk
                continue
            data = inflater.decompress(chunk, CHUNK_OUT)
            while True:
                if data:
                    account(data)
                    yield data
                if not inflater.unconsumed_tail:
                    break
                data = inflater.decompress(inflater.unconsumed_tail, CHUNK_OUT)
            if inflater.eof and remaining:
                raise L.damaged()  # compressed bytes after the end of the stream
        if inflater is not None:
            if not inflater.eof or inflater.unused_data:
                raise L.damaged()
            tail = inflater.flush()
            if tail:
                account(tail)
                yield tail
    except zlib.error:
        raise L.damaged() from None
    if unpacked != info.file_size:
        raise L.damaged()  # the header lies about the part (calamine checks the CRC itself)


def read_small(fileobj, info: zipfile.ZipInfo, budget: Budget, *, limit: int) -> bytes:
    """A part expected to be small (a manifest, a mimetype), whole; damaged if larger."""
    out = bytearray()
    for chunk in inflate(fileobj, info, budget):
        out += chunk
        if len(out) > limit:
            raise L.damaged()
    return bytes(out)
