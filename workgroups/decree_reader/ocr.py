"""The OCR path: a page rendered at 300 dpi (pypdfium2), deskewed, its table borders found and
erased (so that digits next to a border are read and borders are not read as letters), then
Tesseract with the Indonesian model in a single-block page segmentation that keeps a table
row on one line (`--psm 6`), as TSV with word boxes and confidences."""

import csv
import functools
import io
import os
import re
import shutil
import subprocess

from .layout import Page, Rule, Word, merge_rules
from .result import DecreeReaderError, OcrUnavailable

DPI = 300
LANGUAGE = "ind"

TESSERACT_TIMEOUT = 120  # seconds for one page
_JUNK = re.compile(r"[|!'‘’“”„\"`~_—–=\\/\[\]{}«»•·]+")


@functools.cache
def tesseract_status() -> tuple[bool, str]:
    """(usable, detail): Tesseract on PATH with the Indonesian model."""
    binary = shutil.which("tesseract")
    if not binary:
        return False, "tesseract not found"
    try:
        done = subprocess.run(
            [binary, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, str(exc)
    languages = {line.strip() for line in (done.stdout + done.stderr).splitlines()}
    if LANGUAGE not in languages:
        return False, f"tesseract has no '{LANGUAGE}' language model"
    return True, binary


def require_tesseract():
    usable, _detail = tesseract_status()
    if not usable:
        raise OcrUnavailable()


def render(pdf_page, dpi=DPI):
    """The page as an 8-bit grey PIL image at `dpi`."""
    bitmap = pdf_page.render(scale=dpi / 72, grayscale=True)
    return bitmap.to_pil().convert("L")


def otsu(values) -> int:
    import numpy as np

    hist = np.bincount(values.ravel(), minlength=256).astype(float)
    total = hist.sum()
    omega = np.cumsum(hist) / total
    mu = np.cumsum(hist * np.arange(256)) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (mu[-1] * omega - mu) ** 2 / (omega * (1 - omega))
    return int(np.nanargmax(between))


def skew_angle(small, dark_below: int) -> float:
    """The rotation (degrees, PIL's counter-clockwise sense) that makes text lines horizontal:
    the shear of the dark pixels whose row histogram is sharpest (within ±4°), on a
    downscaled copy of the page."""
    import numpy as np

    ys, xs = np.nonzero(np.asarray(small) < dark_below)
    if len(ys) < 100:
        return 0.0
    step = max(1, len(ys) // 150_000)
    ys, xs = ys[::step].astype(float), xs[::step].astype(float)

    def sharpness(angle):
        shifted = ys - xs * np.tan(np.radians(angle))
        rows = np.bincount((shifted - shifted.min()).astype(int))
        return float(np.dot(rows, rows))

    best = max((a / 4 for a in range(-16, 17)), key=sharpness)
    return max((best + a / 40 for a in range(-10, 11)), key=sharpness)


def _runs(mask, min_length):
    """(row, start, end) of runs of True along axis 1 at least `min_length` long."""
    import numpy as np

    padded = np.zeros((mask.shape[0], mask.shape[1] + 2), dtype=np.int8)
    padded[:, 1:-1] = mask
    diff = np.diff(padded, axis=1)
    starts = np.argwhere(diff == 1)
    ends = np.argwhere(diff == -1)
    lengths = ends[:, 1] - starts[:, 1]
    keep = lengths >= min_length
    return zip(starts[keep, 0], starts[keep, 1], ends[keep, 1], strict=True)


def find_rules(dark, dpi=DPI) -> tuple[list[Rule], list[Rule]]:
    """Horizontal and vertical ruling lines at least 1.5 cm long in a boolean dark-pixel
    array: blocks of `k` pixels that are mostly dark, in long unbroken runs."""
    k = max(4, dpi // 15)
    min_blocks = int(dpi * 0.6 / k)
    height, width = dark.shape
    wk, hk = width // k, height // k
    hblocks = dark[:, : wk * k].reshape(height, wk, k).mean(axis=2) > 0.7
    horizontal = [
        Rule(float(y), float(a * k), float(b * k)) for y, a, b in _runs(hblocks, min_blocks)
    ]
    vblocks = dark[: hk * k, :].reshape(hk, k, width).mean(axis=1) > 0.7
    vertical = [
        Rule(float(x), float(a * k), float(b * k)) for x, a, b in _runs(vblocks.T, min_blocks)
    ]
    tolerance = max(3, dpi // 50)
    return merge_rules(horizontal, tolerance, 2 * k), merge_rules(vertical, tolerance, 2 * k)


def erase_rules(pixels, dark, hrules, vrules, dpi=DPI, paper=255):
    """Paint the ruling lines white (in place) so that Tesseract reads only the text: near
    each rule, only the pixel rows (columns) that are dark along most of it, so that letters
    touching a border or an underline keep their strokes."""
    t = max(3, dpi // 45)
    for rule in hrules:
        y, a, b = int(rule.pos), int(rule.a), int(rule.b) + 1
        for row in range(max(0, y - t), min(pixels.shape[0], y + t + 1)):
            if dark[row, a:b].mean() > 0.5:
                pixels[max(0, row - 1) : row + 2, a:b] = paper
    for rule in vrules:
        x, a, b = int(rule.pos), int(rule.a), int(rule.b) + 1
        for col in range(max(0, x - t), min(pixels.shape[1], x + t + 1)):
            if dark[a:b, col].mean() > 0.5:
                pixels[a:b, max(0, col - 1) : col + 2] = paper


def tesseract_words(image, dpi=DPI) -> list[Word]:
    _usable, binary = tesseract_status()
    buffer = io.BytesIO()
    image.save(buffer, "PPM")  # uncompressed PGM: no encoding cost
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # pages run in parallel instead
    command = [binary, "stdin", "stdout", "-l", LANGUAGE, "--psm", "6", "--dpi", str(dpi), "tsv"]
    try:
        done = subprocess.run(
            command,
            input=buffer.getvalue(),
            capture_output=True,
            timeout=TESSERACT_TIMEOUT,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise DecreeReaderError() from exc
    if done.returncode != 0:
        raise DecreeReaderError()
    words = []
    rows = csv.reader(io.StringIO(done.stdout.decode("utf-8", "replace")), delimiter="\t",
                      quoting=csv.QUOTE_NONE)  # fmt: skip
    header = next(rows, None)
    if not header:
        return words
    index = {name: i for i, name in enumerate(header)}
    for row in rows:
        if len(row) < len(header) or row[index["level"]] != "5":
            continue
        text = row[index["text"]].strip()
        if not text:
            continue
        left, top = float(row[index["left"]]), float(row[index["top"]])
        width, height = float(row[index["width"]]), float(row[index["height"]])
        conf = max(0.0, float(row[index["conf"]])) / 100
        if _JUNK.fullmatch(text) or (len(text) == 1 and text.isalpha() and conf < 0.5):
            continue  # border remnants and specks read as marks
        words.append(Word(text, left, top, left + width, top + height, conf))
    return words


def _merge(intervals):
    out = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _intersect(xs, ys):
    out = []
    for a, b in xs:
        for c, d in ys:
            lo, hi = max(a, c), min(b, d)
            if hi > lo:
                out.append((lo, hi))
    return out


def table_zones(vrules, dpi=DPI):
    """A bordered table's vertical borders: (x of each border, top, bottom, the y-ranges
    where every inner border is drawn: rows of cells, not rows spanning the table such as a
    bidang heading). None without at least three borders."""
    tolerance = max(4, dpi // 30)
    clusters: list[list] = []
    for rule in sorted(vrules, key=lambda r: r.pos):
        if clusters and rule.pos - clusters[-1][0] <= tolerance:
            clusters[-1][1].append((rule.a, rule.b))
        else:
            clusters.append([rule.pos, [(rule.a, rule.b)]])
    if len(clusters) < 3:
        return None
    top = min(a for _x, segments in clusters for a, _b in segments)
    bottom = max(b for _x, segments in clusters for _a, b in segments)
    zones = [(top, bottom)]
    for _x, segments in clusters[1:-1]:
        zones = _intersect(zones, _merge(segments))
    zones = [(a, b) for a, b in zones if b - a > dpi * 0.15]
    if not zones:
        return None
    return [x for x, _segments in clusters], top, bottom, zones


def tesseract_table(image, zones, dpi=DPI, paper=255) -> list[Word]:
    """OCR of a page with a bordered table, cell by column: a column strip at a time (text
    centred vertically in a tall row then stays on its own line), the rest of the page
    (and the rows spanning the table) at once."""
    import numpy as np
    from PIL import Image

    xs, top, bottom, cells = zones
    pixels = np.asarray(image).copy()
    for a, b in cells:
        # Paper-coloured, not white: a white block on grey paper reads as an image to
        # Tesseract's layout analysis, which then drops the text beside it.
        pixels[int(a) : int(b) + 1, int(xs[0]) : int(xs[-1]) + 1] = paper
    words = tesseract_words(Image.fromarray(pixels), dpi)
    spans = []
    y = top
    for a, b in cells:
        if a > y:
            spans.append((y, a))
        y = b
    if bottom > y:
        spans.append((y, bottom))
    margin = max(2, dpi // 60)
    for left, right in zip(xs, xs[1:], strict=False):
        if right - left < dpi * 0.1:
            continue
        box = (int(left) + margin, int(top), int(right) - margin, int(bottom) + 1)
        strip = np.asarray(image.crop(box)).copy()
        for a, b in spans:
            strip[max(0, int(a - top)) : max(0, int(b - top)) + 1, :] = paper
        for word in tesseract_words(Image.fromarray(strip), dpi):
            words.append(
                Word(word.text, word.x0 + box[0], word.top + box[1], word.x1 + box[0],
                     word.bottom + box[1], word.conf)
            )  # fmt: skip
    return words


def read_image(image, number: int, dpi=DPI) -> Page:
    """OCR of a rendered page (see render)."""
    import numpy as np
    from PIL import Image, ImageFilter

    small = image.resize((1000, max(1, image.height * 1000 // image.width)), Image.Resampling.BOX)
    small_pixels = np.asarray(small)
    dark_below = min(200, max(60, otsu(small_pixels)))
    light = small_pixels[small_pixels >= dark_below]
    paper = int(np.median(light)) if light.size else 255
    angle = skew_angle(small, dark_below)
    if abs(angle) >= 0.05:
        image = image.rotate(angle, resample=Image.Resampling.BILINEAR, fillcolor=255)
    # Specks of scanner noise out (a 3×3 median keeps 300-dpi strokes).
    image = image.filter(ImageFilter.MedianFilter(3))
    pixels = np.asarray(image)
    dark = pixels < dark_below
    hrules, vrules = find_rules(dark, dpi)
    # Table borders only: an underline (the signatory's name) touches its letters.
    long_h = [r for r in hrules if r.length > 0.45 * image.width]
    long_v = [r for r in vrules if r.length > 0.06 * image.height]
    if long_h or long_v:
        pixels = pixels.copy()
        erase_rules(pixels, dark, long_h, long_v, dpi, paper)
        image = Image.fromarray(pixels)
    zones = table_zones(long_v, dpi)
    words = tesseract_table(image, zones, dpi, paper) if zones else tesseract_words(image, dpi)
    return Page(
        number=number,
        width=float(image.width),
        height=float(image.height),
        words=words,
        hrules=hrules,
        vrules=vrules,
        source="ocr",
    )
