"""The page model both reading paths produce: words with boxes (and an OCR confidence), and the
ruling lines of tables. Lines of text are rebuilt from word boxes, so that the text layer and
OCR are parsed by the same code."""

import re
import statistics
from dataclasses import dataclass, field


@dataclass
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float = 1.0  # 0..1; 1 for the text layer

    @property
    def cx(self):
        return (self.x0 + self.x1) / 2

    @property
    def cy(self):
        return (self.top + self.bottom) / 2

    @property
    def height(self):
        return self.bottom - self.top


@dataclass
class Rule:
    """A ruling line: horizontal (pos = y, from a to b along x) or vertical (pos = x)."""

    pos: float
    a: float
    b: float

    @property
    def length(self):
        return self.b - self.a


@dataclass
class Line:
    words: list[Word]
    page: int  # 0-based

    @property
    def top(self):
        return min(w.top for w in self.words)

    @property
    def bottom(self):
        return max(w.bottom for w in self.words)

    @property
    def x0(self):
        return self.words[0].x0

    @property
    def x1(self):
        return max(w.x1 for w in self.words)

    @property
    def text(self):
        return join_words(self.words)

    @property
    def conf(self):
        return sum(w.conf for w in self.words) / len(self.words)


@dataclass
class Page:
    number: int  # 0-based
    width: float
    height: float
    words: list[Word]
    hrules: list[Rule] = field(default_factory=list)
    vrules: list[Rule] = field(default_factory=list)
    source: str = "text"  # or "ocr"
    lines: list[Line] = field(default_factory=list)

    def __post_init__(self):
        self.words = [w for w in self.words if w.text.strip()]
        self.lines = group_lines(self.words, self.number)

    @property
    def line_height(self) -> float:
        heights = [w.height for w in self.words if w.height > 0]
        return statistics.median(heights) if heights else self.height / 60


_NO_SPACE_BEFORE = re.compile(r"\s+([,;:.)\]])")
_NO_SPACE_AFTER = re.compile(r"([(\[])\s+")


_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")


def join_words(words) -> str:
    text = " ".join(w.text for w in words)
    # A heading set with letter spacing, extracted a letter at a time: `K E P U T U S A N`.
    text = _SPACED.sub(lambda m: m[0].replace(" ", ""), text)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    return _NO_SPACE_AFTER.sub(r"\1", text)


def group_lines(words, page=0) -> list[Line]:
    """Words into lines: a word joins the line whose vertical middle band it overlaps most."""
    lines: list[list[Word]] = []
    bands: list[tuple[float, float]] = []
    for word in sorted(words, key=lambda w: (w.cy, w.x0)):
        best, best_overlap = None, 0.0
        for i in range(max(0, len(lines) - 4), len(lines)):
            top, bottom = bands[i]
            overlap = min(bottom, word.bottom) - max(top, word.top)
            span = min(bottom - top, word.height) or 1
            if overlap / span > 0.5 and overlap > best_overlap:
                best, best_overlap = i, overlap
        if best is None:
            lines.append([word])
            bands.append((word.top, word.bottom))
        else:
            lines[best].append(word)
            top, bottom = bands[best]
            # The band follows the line's median, so that a tall word does not swallow the next.
            n = len(lines[best])
            bands[best] = ((top * (n - 1) + word.top) / n, (bottom * (n - 1) + word.bottom) / n)
    # By the middle, not the left edge: OCR may give a word a box along a whole underline.
    out = [Line(sorted(ws, key=lambda w: w.cx), page) for ws in lines]
    out.sort(key=lambda line: line.top)
    return out


def merge_rules(rules: list[Rule], tolerance: float, gap: float) -> list[Rule]:
    """Collinear pieces (a table border drawn per cell, both edges of a thin rectangle) into
    one rule each."""
    out: list[Rule] = []
    for rule in sorted(rules, key=lambda r: (r.pos, r.a)):
        for other in out:
            if (
                abs(other.pos - rule.pos) <= tolerance
                and rule.a <= other.b + gap
                and rule.b >= other.a - gap
            ):
                other.a, other.b = min(other.a, rule.a), max(other.b, rule.b)
                break
        else:
            out.append(Rule(rule.pos, rule.a, rule.b))
    # Pieces merged in a different order may now overlap: one more pass.
    if len(out) > 1:
        final: list[Rule] = []
        for rule in sorted(out, key=lambda r: (r.pos, r.a)):
            last = final[-1] if final else None
            if last and abs(last.pos - rule.pos) <= tolerance and rule.a <= last.b + gap:
                last.b = max(last.b, rule.b)
                last.a = min(last.a, rule.a)
            else:
                final.append(rule)
        out = final
    return out
