"""Text helpers tolerant of OCR noise: folded comparison, fuzzy keywords, Indonesian dates,
decree numbers with O/0 and l/1 mix-ups, tidy values."""

import datetime
import difflib
import re

MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "desember"]  # fmt: skip
_MONTH_ALIASES = {"pebruari": 2, "nopember": 11, "agustus": 8, "mel": 5, "mci": 5, "jan": 1, "feb": 2, "mar": 3,
                  "apr": 4, "jun": 6, "jul": 7, "agu": 8, "agt": 8, "ags": 8, "sep": 9,
                  "okt": 10, "nov": 11, "des": 12}  # fmt: skip
_FOLD = str.maketrans({"0": "o", "1": "l", "|": "l", "!": "l", "5": "s", "$": "s", "€": "e"})
_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Whitespace collapsed, trimmed."""
    return _SPACES.sub(" ", text or "").strip()


def join_broken(parts) -> str:
    """The parts (lines or cells of one field) joined with a space, except straight after a
    hyphen or slash followed by a letter or digit: there a line break cut a word or a number."""
    out = ""
    for part in parts:
        if out.endswith(("-", "/")) and part[:1].isalnum():
            out += part
        else:
            out = f"{out} {part}" if out else part
    return out


def fold(text: str) -> str:
    """Lower case, OCR look-alikes mapped to letters, only letters kept: for comparing
    keywords, never for values."""
    return re.sub(r"[^a-z]", "", (text or "").lower().translate(_FOLD))


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def like(word: str, keyword: str, cutoff: float = 0.8) -> bool:
    """Whether `word` is `keyword` up to OCR noise (both folded)."""
    word, keyword = fold(word), fold(keyword)
    if not word:
        return False
    return word == keyword or (len(keyword) >= 4 and similar(word, keyword) >= cutoff)


def starts_like(text: str, phrase: str, cutoff: float = 0.8) -> bool:
    """Whether `text` begins with the words of `phrase`, each up to OCR noise."""
    words = squash(text).split(" ")
    wanted = phrase.split(" ")
    if len(words) < len(wanted):
        return False
    return all(like(w, k, cutoff) for w, k in zip(words, wanted, strict=False))


def contains_like(text: str, keyword: str, cutoff: float = 0.8) -> bool:
    return any(like(w, keyword, cutoff) for w in re.split(r"[\s:;,./()]+", text or "") if w)


# -- dates ------------------------------------------------------------------------------------

_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "l": "1", "I": "1",
                            "|": "1", "i": "1", "!": "1", "S": "5", "s": "5", "B": "8",
                            "Z": "2", "z": "2", "g": "9", "?": "7"})  # fmt: skip
_DATE = re.compile(
    r"(?<![\w])([0-9OoIl|]{1,2})\s*[.,]?\s+([A-Za-z][A-Za-z]{2,11})\s*[.,]?\s+([0-9OoIlSZ|]{4})(?!\w)"
)
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})(?!\d)")


def digits(token: str) -> str:
    return token.translate(_DIGIT_FIX)


def month_number(word: str) -> int | None:
    word = fold(word)
    if not word:
        return None
    if word in MONTHS:
        return MONTHS.index(word) + 1
    if word in _MONTH_ALIASES:
        return _MONTH_ALIASES[word]
    if len(word) < 4:
        return None
    match = difflib.get_close_matches(word, MONTHS + ["pebruari", "nopember"], n=1, cutoff=0.7)
    if not match:
        return None
    return {"pebruari": 2, "nopember": 11}.get(match[0]) or MONTHS.index(match[0]) + 1


def find_dates(text: str) -> list[tuple[int, datetime.date]]:
    """(position, date) of every `12 Maret 2024` (or 12-03-2024) in the text."""
    out = []
    for m in _DATE.finditer(text or ""):
        month = month_number(m[2])
        if not month:
            continue
        try:
            day = datetime.date(int(digits(m[3])), month, int(digits(m[1])))
        except ValueError:
            continue
        if 1945 <= day.year <= 2100:
            out.append((m.start(), day))
    for m in _NUMERIC_DATE.finditer(text or ""):
        try:
            day = datetime.date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            continue
        if 1945 <= day.year <= 2100:
            out.append((m.start(), day))
    return sorted(out, key=lambda pair: pair[0])


def first_date(text: str) -> datetime.date | None:
    found = find_dates(text)
    return found[0][1] if found else None


def add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


_NUMBER_WORDS = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
                 "delapan": 8, "sembilan": 9, "sepuluh": 10}  # fmt: skip


def number_word(word: str) -> int | None:
    word = fold(word)
    if word in _NUMBER_WORDS:
        return _NUMBER_WORDS[word]
    match = difflib.get_close_matches(word, list(_NUMBER_WORDS), n=1, cutoff=0.75)
    return _NUMBER_WORDS[match[0]] if match else None


# -- values -----------------------------------------------------------------------------------

_DIGITISH = re.compile(r"^[0-9OoIl|SZB]*[0-9][0-9OoIl|SZB]*$")
_ROMANISH = re.compile(r"[IVXl1|]{1,5}")


def clean_number(raw: str) -> str:
    """A decree number as written, with free spacing around `/` and `.` removed and OCR
    look-alikes in its numeric parts fixed: `188.4 / 12O / Tahun 2025` → `188.4/120/Tahun 2025`."""
    text = squash(raw).strip(" :;,")
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"(?<=\d)\s*\.\s*(?=\d)", ".", text)
    parts = []
    for part in re.split(r"([/.\s-])", text):
        if _DIGITISH.match(part) and sum(c.isdigit() for c in part) >= len(part) / 2:
            part = digits(part)
        elif _ROMANISH.fullmatch(part) and re.search(r"[IVX]", part) and re.search(r"[l1|]", part):
            part = re.sub(r"[l1|]", "I", part)  # a Roman month read with l or 1: `Ill` → `III`
        parts.append(part)
    # A Roman month I read as 1 between a unit code and the year: `DPPKB/1/2023` → `DPPKB/I/2023`.
    pieces = [p for p in parts if p != "/"] if "/" in parts else []
    if len(pieces) >= 3 and pieces[-2] in ("1", "l", "|") and re.fullmatch(r"\d{4}", pieces[-1]):
        if re.fullmatch(r"[A-Za-z-]{2,}", pieces[-3]):
            parts[len(parts) - 1 - parts[::-1].index(pieces[-2])] = "I"
    text = "".join(parts)
    # A trailing full stop or stray mark from the line's end is not part of the number.
    return text.rstrip(".,;:'\"|")


def tidy(text: str) -> str:
    """A cell or list value: whitespace collapsed, OCR stray marks trimmed, the list
    punctuation at its end (`;`, `; dan`, `,`) removed."""
    text = squash(text)
    text = re.sub(r"(?<=\s)[|'\"“”‘’`_—–~]+(?=\s)", "", text)  # OCR marks between words
    text = squash(text)
    text = re.sub(r"\s*[|_—–]+\s*$", "", text)
    text = re.sub(r"^[|_—–'\"`]+\s*", "", text)
    text = re.sub(r"\s*[;,]\s*(dan|atau)?\s*$", "", text, flags=re.IGNORECASE)
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
    return text.strip(" ;:|")


def smart_title(text: str) -> str:
    """`BIDANG DATA DAN KIE` → `Bidang Data dan KIE` (small words lower, short
    abbreviations kept)."""
    small = {"dan", "di", "ke", "dari", "atau", "untuk", "pada", "yang"}
    words = []
    for i, word in enumerate(squash(text).split(" ")):
        lower = word.lower()
        if i and lower in small:
            words.append(lower)
        elif len(word) <= 3 and word.isupper() and word.isalpha() and i:
            words.append(word)  # KB, PKK, KIE, BPS
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


_LEAD = re.compile(r"^(?:[^A-Za-z0-9(]+|[a-z]\s+(?=[A-Z]))+")


def lead(text: str) -> str:
    """The line without OCR marks before its first word (`: Ditetapkan`, `h NOMOR`)."""
    return _LEAD.sub("", squash(text))


def first_word(text: str) -> str:
    return lead(text).split(" ")[0].strip(":;,.")


# -- names ------------------------------------------------------------------------------------

# Indonesian academic and professional titles after a name, by their letters.
_DEGREES = {
    re.sub(r"[^a-z]", "", d.lower()): d
    for d in (
        "S.Pd. S.Sos. S.KM. S.Kep. S.E. S.H. S.T. S.Si. S.Ag. S.IP. S.Kom. S.Psi. S.Farm. "
        "S.Gz. S.ST. S.Hut. S.P. S.Pt. S.Pi. S.I.Kom. S.AP. S.Ak. S.Sn. S.S. S.Th. S.H.I. "
        "S.Pd.I. S.Tr.Keb. S.Keb. S.Ked. S.Stat. S.Mat. M.Si. M.Kes. M.M. M.H. M.T. M.Pd. "
        "M.Ag. M.AP. M.Kom. M.Sc. M.A. M.PH. M.KM. M.Psi. M.Ak. M.E. M.Hum. M.Kn. M.Ec.Dev. "
        "M.Stat. M.Biomed. M.Keb. M.Kep. A.Md. A.Md.Keb. A.Md.Kep. Ns. Apt. Ph.D. MPH. MBA. "
        "Sp.A. Sp.OG. Sp.PD. Sp.KJ."
    ).split()
}
_PREFIXES = {"dr", "drs", "dra", "h", "hj", "ir", "prof", "kh", "ny", "tn"}


def degree(token: str) -> str | None:
    """`S.Pd.` for `Spd`, `S.Pd`, `S,Pd.`; `M.Si.` for `M.SL` (OCR); None for other words."""
    letters = re.sub(r"[^a-z]", "", token.lower().replace("1", "i").replace("|", "i"))
    if not letters:
        return None
    if letters in _DEGREES:
        return _DEGREES[letters]
    swapped = letters.replace("l", "i")
    if swapped in _DEGREES:
        return _DEGREES[swapped]
    if len(letters) >= 3:
        match = difflib.get_close_matches(swapped, list(_DEGREES), n=1, cutoff=0.85)
        if match:
            return _DEGREES[match[0]]
    return None


def _prefix_stops(match) -> str:
    titles = [t for t in re.split(r"[.,\s]+", match[1]) if t]
    return " ".join(f"{t}." for t in titles) + " "


def fix_name(name: str | None) -> str | None:
    """A person's name as read, its titles' punctuation repaired: `DR. ANDI X.M.SI.` →
    `DR. ANDI X, M.Si.`; `Andi X, Spd` → `Andi X, S.Pd.`. Letters of the name itself are
    kept as read."""
    if not name:
        return name
    text = squash(name).strip(" ,;")
    # Titles before the name with a misread or doubled stop: `drs..andi`, `DRS, ANDI`.
    text = re.sub(
        r"^((?:(?:Dr|Drs|Dra|H|Hj|Ir|Prof)[.,]+\s*)+)", _prefix_stops, text, flags=re.IGNORECASE
    )
    # A degree glued to the last name by a misread comma: `NGALLE.M.SI.`
    text = re.sub(r"([A-Za-z]{3,})[.,]\s*(?=[A-Za-z]{1,3}\.[A-Za-z])", r"\1, ", text)
    head, sep, tail = text.partition(",")
    if not sep:
        return text
    degrees = []
    for token in re.split(r"[\s,]+", tail.strip()):
        if not token:
            continue
        found = degree(token)
        if found is None:
            return text  # not a list of degrees after all: keep as read
        degrees.append(found)
    words = head.split(" ")
    fixed = []
    for i, word in enumerate(words):
        if i < len(words) - 1 and word.lower().strip(".,") in _PREFIXES:
            word = word.strip(".,") + "."
        fixed.append(word)
    head = " ".join(fixed).strip(" .")
    return f"{head}, {', '.join(degrees)}" if degrees else head
