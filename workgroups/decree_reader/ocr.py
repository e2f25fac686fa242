"""The OCR path: a page rendered at 300 dpi (pypdfium2), deskewed, its table borders found and
erased (so that digits next to a border are read and borders are not read as letters), then
Tesseract with the Indonesian model in a single-block page segmentation that keeps a table
row on one line (`--psm 6`), as TSV with word boxes and confidences."""

import csv
import functools
import io
import os
import shutil
import subprocess

from .layout import Page, Rule, Word, merge_rules
from .result import DecreeReaderError, OcrUnavailable

DPI = 300
LANGUAGE = "ind"
TESSERACT_TIMEOUT = 120  # seconds for one page


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


def skew_angle(image, dark_below: int) -> float:
    """The rotation (degrees, PIL's counter-clockwise sense) that makes text lines horizontal:
    the angle whose row profile of dark pixels is sharpest (within ±4°)."""
    import numpy as np
    from PIL import Image

    scale = 900 / image.width
    small = image.resize((900, max(1, int(image.height * scale))), Image.Resampling.BOX)
    mask = Image.fromarray(((np.asarray(small) < dark_below) * 255).astype("uint8"))

    def sharpness(angle):
        rows = np.asarray(mask.rotate(angle, resample=Image.Resampling.BILINEAR)).sum(axis=1)
        return float(np.sum(np.diff(rows.astype(float)) ** 2))

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
    horizontal = [Rule(float(y), float(a * k), float(b * k)) for y, a, b in _runs(hblocks, min_blocks)]
    vblocks = dark[: hk * k, :].reshape(hk, k, width).mean(axis=1) > 0.7
    vertical = [Rule(float(x), float(a * k), float(b * k)) for x, a, b in _runs(vblocks.T, min_blocks)]
    tolerance = max(3, dpi // 50)
    return merge_rules(horizontal, tolerance, 2 * k), merge_rules(vertical, tolerance, 2 * k)


def erase_rules(pixels, hrules, vrules, dpi=DPI):
    """Paint the ruling lines white (in place) so that Tesseract reads only the text."""
    t = max(3, dpi // 45)
    for rule in hrules:
        y = int(rule.pos)
        pixels[max(0, y - t) : y + t + 1, int(rule.a) : int(rule.b) + 1] = 255
    for rule in vrules:
        x = int(rule.pos)
        pixels[int(rule.a) : int(rule.b) + 1, max(0, x - t) : x + t + 1] = 255


def tesseract_words(image, dpi=DPI) -> list[Word]:
    _usable, binary = tesseract_status()
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
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
        words.append(Word(text, left, top, left + width, top + height, conf))
    return words


def read_image(image, number: int, dpi=DPI) -> Page:
    """OCR of a rendered page (see render)."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(image)
    dark_below = min(200, max(60, otsu(pixels)))
    angle = skew_angle(image, dark_below)
    if abs(angle) >= 0.05:
        image = image.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255)
        pixels = np.asarray(image)
    hrules, vrules = find_rules(pixels < dark_below, dpi)
    if hrules or vrules:
        pixels = pixels.copy()
        erase_rules(pixels, hrules, vrules, dpi)
        image = Image.fromarray(pixels)
    words = tesseract_words(image, dpi)
    return Page(
        number=number,
        width=float(image.width),
        height=float(image.height),
        words=words,
        hrules=hrules,
        vrules=vrules,
        source="ocr",
    )
