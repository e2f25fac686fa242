"""read_decree: a PDF's bytes in, a DecreeReading out. Pure (no database, no Sipokja app)."""

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from django.utils.translation import gettext as _

from . import fields, textlayer
from . import ocr as ocr_engine
from .layout import Line, Page
from .members import is_lampiran_start, read_members
from .result import DecreeReading, NotAPdf

Progress = Callable[[int, int], None]
OCR_MODES = ("auto", "always", "never")


def _open(data: bytes):
    if not isinstance(data, bytes | bytearray) or b"%PDF-" not in bytes(data[:1024]):
        raise NotAPdf()
    try:
        pdf = textlayer.open_pdf(bytes(data))
        pdf.pages  # noqa: B018 (parses the page tree: a broken PDF fails here)
    except Exception as exc:  # pdfminer raises many kinds for a damaged file
        raise NotAPdf() from exc
    return pdf


def _ocr_pages(data: bytes, numbers: list[int], report) -> dict[int, Page]:
    """OCR of the given pages, two (or as many as there are cores) at a time. Rendering
    stays on this thread (PDFium is not thread-safe); the image work and Tesseract run in
    the pool."""
    import pypdfium2 as pdfium

    out: dict[int, Page] = {}
    workers = max(1, min(len(numbers), os.cpu_count() or 1, 4))
    document = pdfium.PdfDocument(bytes(data))
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            pending = []  # (number, future), in page order
            for number in numbers:
                # At most two rendered pages waiting per worker: memory stays bounded.
                while len(pending) >= 2 * workers:
                    done_number, future = pending.pop(0)
                    out[done_number] = future.result()
                    report()
                image = ocr_engine.render(document[number])
                pending.append((number, pool.submit(ocr_engine.read_image, image, number)))
            for done_number, future in pending:
                out[done_number] = future.result()
                report()
    finally:
        document.close()
    return out


def scan_pages(data: bytes) -> list[int]:
    """The pages (1-based) without a usable text layer: what read_decree would OCR. Cheap
    (no OCR): lets a caller answer a text PDF in the request and send a scan to a job."""
    pdf = _open(data)
    try:
        missing = []
        for number, pdf_page in enumerate(pdf.pages):
            if textlayer.read_page(pdf_page, number) is None:
                missing.append(number + 1)
            pdf_page.close()
        return missing
    finally:
        pdf.close()


def read_decree(
    data: bytes, *, progress: Progress | None = None, ocr: str = "auto"
) -> DecreeReading:
    """Read an SK from PDF bytes.

    `progress(done, total)` is called after each page (total = the number of pages).
    `ocr` ("auto", "always", "never"): "auto" uses the text layer of every page that has a
    usable one and OCR for the others; "never" skips pages without text. Raises NotAPdf for
    a file that is not a readable PDF and OcrUnavailable when a page needs OCR and Tesseract
    (with `ind`) is not installed."""
    mode = ocr
    if mode not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}")
    pdf = _open(data)
    reading = DecreeReading()
    try:
        total = len(pdf.pages)
        reading.pages = total
        done = 0

        def report():
            nonlocal done
            done += 1
            if progress:
                progress(done, total)

        pages: dict[int, Page] = {}
        missing = []
        for number, pdf_page in enumerate(pdf.pages):
            page = None if mode == "always" else textlayer.read_page(pdf_page, number)
            if page is None:
                missing.append(number)
            else:
                pages[number] = page
                report()
            pdf_page.close()
    finally:
        pdf.close()
    if missing and mode != "never":
        ocr_engine.require_tesseract()
        pages.update(_ocr_pages(data, missing, report))
        reading.ocr_pages = [n + 1 for n in missing]
        reading.text_source = "ocr"
    elif missing:
        reading.warnings.append(
            _("%(count)d page(s) without a text layer were skipped (OCR is off).")
            % {"count": len(missing)}
        )
    _parse(reading, [pages[n] for n in sorted(pages)])
    return reading


def _split(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """(the decree's body, the lampiran)."""
    for i, line in enumerate(lines):
        if line.page > 0 and is_lampiran_start(line):
            return lines[:i], lines[i:]
    for i, line in enumerate(lines):
        if line.page > 0 and "keanggotaan" in line.text.lower():
            return lines[:i], lines[i:]
    return lines, []


def _parse(reading: DecreeReading, pages: list[Page]):
    lines = [line for page in pages for line in page.lines]
    body, lampiran = _split(lines)
    by_number = {page.number: page for page in pages}
    conf = reading.confidence
    reading.issuer, reading.issuer_kind, conf["issuer"] = fields.issuer(body or lines)
    reading.number, conf["number"] = fields.number(body, lampiran)
    reading.title, conf["title"] = fields.title(body, lampiran)
    reading.date, conf["date"] = fields.signed_on(body, lampiran)
    reading.signatory, conf["signatory"] = fields.signatory(body, lampiran)
    reading.valid_from, reading.valid_until, validity_conf = fields.validity(body, reading.date)
    conf["valid_from"] = conf["valid_until"] = validity_conf
    reading.members, conf["members"], _layout = read_members(lampiran or lines, by_number)
    reading.confidence = {k: round(float(v), 3) for k, v in conf.items()}
    missing = {
        "number": _("The decree number (NOMOR) was not found."),
        "date": _("The date of signing (Ditetapkan di … pada tanggal …) was not found."),
        "title": _("The title (TENTANG …) was not found."),
        "issuer": _("The issuing head of region (Bupati, Wali Kota, Gubernur) was not found."),
        "signatory": _("The signatory's name was not found."),
    }
    for name, message in missing.items():
        if getattr(reading, name) in (None, ""):
            reading.warnings.append(message)
    if not reading.members:
        reading.warnings.append(_("No member list (SUSUNAN KEANGGOTAAN) was found."))
    if reading.valid_until and reading.valid_from and reading.valid_until < reading.valid_from:
        reading.warnings.append(_("The end of validity read is before its start: check both."))
