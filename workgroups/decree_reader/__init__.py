"""Reads an SK (Keputusan Kepala Daerah forming a Pokja) from its PDF: number, date of signing,
title, issuer, signatory, validity and the members of the lampiran, from the text layer or,
for a scan, by OCR (Tesseract, Indonesian model). Pure: bytes in, a DecreeReading out; it
writes nothing and imports no Sipokja app. See docs/decree-reader.md."""

from .reader import read_decree, scan_pages
from .result import FIELDS, DecreeReaderError, DecreeReading, NotAPdf, OcrUnavailable, ReadMember

__all__ = [
    "FIELDS",
    "DecreeReaderError",
    "DecreeReading",
    "NotAPdf",
    "OcrUnavailable",
    "ReadMember",
    "read_decree",
    "scan_pages",
]
