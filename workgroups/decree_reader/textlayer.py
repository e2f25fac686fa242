"""The text path: words and ruling lines from the PDF's own text layer (pdfplumber)."""

import io
import re

from .layout import Page, Rule, Word, merge_rules

# A page whose text layer has fewer letters than this is treated as a scan.
MIN_LETTERS = 80
_LETTER = re.compile(r"[A-Za-z]")
_CID = re.compile(r"\(cid:\d+\)")


def open_pdf(data: bytes):
    import pdfplumber

    return pdfplumber.open(io.BytesIO(data))


def _image_share(page) -> float:
    """How much of the page its images cover (a scan: about all of it)."""
    area = float(page.width * page.height) or 1.0
    covered = sum(
        max(0.0, float(im["x1"] - im["x0"])) * max(0.0, float(im["bottom"] - im["top"]))
        for im in page.images
    )
    return min(1.0, covered / area)


def usable(words: list[Word], page=None) -> bool:
    """Whether a page's text layer can be trusted: enough letters, and not the glyph-id soup
    of a PDF without a Unicode map, nor an invisible OCR layer full of broken words. A page
    with little text and no page-sized image (the last page of a lampiran with only the
    signature) is a text page too."""
    text = " ".join(w.text for w in words)
    letters = len(_LETTER.findall(text))
    if len(_CID.findall(text)) > 5:
        return False
    if letters < MIN_LETTERS:
        return page is not None and _image_share(page) < 0.5
    tokens = [w.text for w in words]
    plain = sum(1 for t in tokens if re.fullmatch(r"[A-Za-z]+[.,;:)]*|\(?[A-Za-z]+|\d+[.,:/]*", t))
    return plain / max(1, len(tokens)) > 0.5


def page_words(page) -> list[Word]:
    words = page.extract_words(x_tolerance=1.5, y_tolerance=3, keep_blank_chars=False)
    return [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"]) for w in words]


def page_rules(page) -> tuple[list[Rule], list[Rule]]:
    """Table borders drawn as lines or thin rectangles."""
    horizontal, vertical = [], []
    for edge in page.edges:
        x0, x1, top, bottom = edge["x0"], edge["x1"], edge["top"], edge["bottom"]
        if edge.get("orientation") == "h" or (bottom - top) < 1.5 and (x1 - x0) > 5:
            horizontal.append(Rule((top + bottom) / 2, x0, x1))
        elif edge.get("orientation") == "v" or (x1 - x0) < 1.5 and (bottom - top) > 5:
            vertical.append(Rule((x0 + x1) / 2, top, bottom))
    return merge_rules(horizontal, 2.0, 2.0), merge_rules(vertical, 2.0, 2.0)


def read_page(pdf_page, number: int) -> Page | None:
    """The page from its text layer, or None when it has no usable text (a scan)."""
    words = page_words(pdf_page)
    if not usable(words, pdf_page):
        return None
    hrules, vrules = page_rules(pdf_page)
    return Page(
        number=number,
        width=float(pdf_page.width),
        height=float(pdf_page.height),
        words=words,
        hrules=hrules,
        vrules=vrules,
        source="text",
    )
