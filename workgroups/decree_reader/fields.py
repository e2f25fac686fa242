"""The decree's scalar fields from its lines: issuer, NOMOR, TENTANG, the signing place and
date, the signatory and the validity clause. Each finder returns (value, confidence); where
the SK states a field twice (heading and lampiran, body and signature block) the two are
compared and agreement raises the confidence."""

import re
from collections import Counter

from .layout import Line
from .text import (
    add_years,
    clean_number,
    find_dates,
    first_date,
    first_word,
    fix_name,
    fold,
    join_broken,
    lead,
    like,
    number_word,
    smart_title,
    squash,
    starts_like,
)

# Heads of region that issue a Keputusan, folded → (display, Decree.Issuer value).
_HEADS = [
    ("gubernur", "Gubernur", "governor"),
    ("bupati", "Bupati", "regent"),
    ("walikota", "Wali Kota", "mayor"),
]
_OFFICE = re.compile(
    r"^(?:(?:pj|plt|penjabat|pelaksana tugas)\.?\s+)?(gubernur|bupati|wali\s*kota|walikota)\s+"
    r"([A-Za-z][A-Za-z .'-]{1,40}?)\s*[,.;:]?\s*$",
    re.IGNORECASE,
)


def _office(text: str):
    """("Bupati Gowa", "regent") for a line naming the head of a region, else None."""
    text = lead(text).strip(" |'\"")
    text = re.sub(r"^(?:a\.?\s*n\.?|u\.?\s*b\.?)\s+", "", text, flags=re.IGNORECASE)
    m = _OFFICE.match(text)
    if not m:
        return None
    head = fold(m[1])
    name = squash(re.sub(r"[^A-Za-z' -]", " ", m[2]))
    if not name or len(name) < 3 or fold(name) in {"provinsi", "kabupaten", "kota"}:
        return None
    for key, display, kind in _HEADS:
        if head == key:
            region = " ".join(w[:1].upper() + w[1:].lower() for w in name.split(" "))
            return f"{display} {region}", kind
    return None


def issuer(lines: list[Line]):
    """The head of region: from `KEPUTUSAN BUPATI GOWA` and the heading / signature lines."""
    votes = Counter()
    kinds = {}
    for i, line in enumerate(lines):
        text = squash(line.text)
        m = re.match(r"^\W*(?:salinan\s+)?keputusan\s+(.+)$", text, re.IGNORECASE)
        found = _office(m[1]) if m and starts_like(text.lstrip("|' "), "keputusan") else None
        weight = 2 if found else 1
        found = found or (_office(text) if i < 40 or text.endswith(",") else None)
        if found:
            votes[found[0]] += weight
            kinds[found[0]] = found[1]
    if not votes:
        return None, None, 0.0
    (best, count), total = votes.most_common(1)[0], sum(votes.values())
    return best, kinds[best], min(1.0, 0.5 + 0.5 * count / total) if total > 1 else 0.7


def _after_label(text: str, label: str) -> str | None:
    """The value after `NOMOR :` / `Nomor` at the start of a line."""
    m = re.match(r"^\W*([A-Za-z0-9|]{4,9})\b\s*[:;.]?\s*(.*)$", lead(text))
    if m and like(m[1], label, 0.75) and m[2]:
        return m[2]
    return None


def _suspicion(raw: str) -> int:
    """How many look-alike letters (O, I, l, |) stand among the digits of a number read by
    OCR: the fewer, the likelier it is read right."""
    return len(re.findall(r"(?<=[0-9/.])[OoIl|]|[OoIl|](?=[0-9/.])", raw))


def number(body: list[Line], lampiran: list[Line]):
    """NOMOR of the heading, checked against the lampiran's NOMOR."""
    candidates = []
    for lines in (body[:40], lampiran[:25]):
        for line in lines:
            value = _after_label(line.text, "nomor")
            if value and re.search(r"\d", value):
                candidates.append((clean_number(value), line.conf, _suspicion(value)))
                break
    if not candidates:
        return None, 0.0
    if len(candidates) == 1:
        return candidates[0][0], round(candidates[0][1] * 0.9, 3)
    (a, conf_a, _sus_a), (b, conf_b, _sus_b) = candidates
    if a.casefold() == b.casefold():
        return a, round(min(1.0, max(conf_a, conf_b) * 1.05), 3)
    # A slash read as a letter (`XIITAHUN` for `XI/TAHUN`) loses a part.
    slashes = max(c[0].count("/") for c in candidates)
    best = min(candidates, key=lambda c: (c[2] + 2 * (slashes - c[0].count("/")), -c[1]))
    return best[0], round(best[1] * 0.75, 3)


_TITLE_STOP = ("dengan rahmat", "menimbang", "bahwa", "memutuskan", "mengingat")


def _is_title_stop(text: str) -> bool:
    folded = fold(text)
    if _office(text) or any(folded.startswith(fold(s)) for s in _TITLE_STOP):
        return True
    return folded.startswith("denganrahmat") or starts_like(text, "dengan rahmat")


def _join(parts: list[str]) -> str:
    return join_broken(squash(part) for part in parts)


def title(body: list[Line], lampiran: list[Line]):
    candidates = []
    for i, line in enumerate(body[:40]):
        text = lead(line.text)
        words = text.split(" ")
        if not like(words[0].strip(":"), "tentang", 0.75):
            continue
        parts = [" ".join(words[1:]).lstrip(": ")] if len(words) > 1 else []
        confs = [line.conf]
        for nxt in body[i + 1 : i + 8]:
            if _is_title_stop(nxt.text):
                break
            parts.append(nxt.text)
            confs.append(nxt.conf)
        value = _join([p for p in parts if p]).strip(" .:")
        if value:
            candidates.append((value, sum(confs) / len(confs)))
        break
    # The lampiran repeats it after `TENTANG :`, its lines aligned with the value.
    for i, line in enumerate(lampiran[:25]):
        value = _after_label(line.text, "tentang")
        if not value:
            continue
        parts, confs = [value], [line.conf]
        start = line.words[min(2, len(line.words) - 1)].x0
        for nxt in lampiran[i + 1 : i + 6]:
            if abs(nxt.x0 - start) > 3 * (nxt.bottom - nxt.top) or starts_like(nxt.text, "susunan"):
                break
            parts.append(nxt.text)
            confs.append(nxt.conf)
        candidates.append((_join(parts).strip(" .:"), sum(confs) / len(confs)))
        break
    # `Menetapkan : KEPUTUSAN … TENTANG <title>.`
    for i, line in enumerate(body):
        if like(first_word(line.text), "menetapkan", 0.75):
            text = _join([ln.text for ln in body[i : i + 6]])
            m = re.search(
                r"\btentang\b\s*(.+?)\.(?:\s|$)(?=\s*[A-Z]{4,}\s*:|\s*$|)", text, re.IGNORECASE
            )
            if m:
                value = re.split(r"\s+(?:KESATU|PERTAMA|Pasal)\b", m[1])[0].strip(" .:")
                candidates.append((value, line.conf * 0.9))
            break
    if not candidates:
        return None, 0.0
    keys = [fold(c[0]) for c in candidates]
    counts = Counter(keys)
    best_key, best_count = counts.most_common(1)[0]
    if best_count == 1:
        best = max(candidates[:2], key=lambda c: c[1]) if len(candidates) > 1 else candidates[0]
        return best[0], round(best[1] * 0.8, 3)
    best = max(
        (c for c, k in zip(candidates, keys, strict=True) if k == best_key), key=lambda c: c[1]
    )
    return best[0], round(min(1.0, best[1] * (1.0 + 0.05 * best_count)), 3)


def _signing_index(body: list[Line]):
    for i, line in enumerate(body):
        if like(first_word(line.text), "ditetapkan", 0.75):
            return i
    return None


def signed_on(body: list[Line], lampiran: list[Line]):
    candidates = []
    i = _signing_index(body)
    if i is not None:
        window = body[i : i + 4]
        text = " ".join(ln.text for ln in window)
        m = re.search(r"tanggal", text, re.IGNORECASE)
        found = first_date(text[m.start() :] if m else text)
        if found:
            candidates.append((found, min(ln.conf for ln in window[:2])))
    for line in lampiran[:25]:
        value = _after_label(line.text, "tanggal")
        if value and (found := first_date(value)):
            candidates.append((found, line.conf))
            break
    if not candidates:
        return None, 0.0
    if len(candidates) > 1 and candidates[0][0] == candidates[1][0]:
        return candidates[0][0], round(min(1.0, max(c[1] for c in candidates) * 1.05), 3)
    best = max(candidates, key=lambda c: c[1])
    return best[0], round(best[1] * (0.85 if len(candidates) > 1 else 0.9), 3)


_NOT_A_NAME = ("nip", "pangkat", "pembina", "lampiran", "tembusan", "salinan", "ttd", "dto",
               "cap", "tanda", "stempel", "keputusan", "nomor", "tanggal")  # fmt: skip


_DEGREE_HINT = re.compile(
    r"\b[SMA]\.\s?[A-Za-z]{1,4}\.|\b(?:Dr|Drs|Dra|Ir|Hj?|Prof|Ns)\.", re.IGNORECASE
)


def _is_office_line(text: str) -> bool:
    """`BUPATI GOWA,`, `a.n. GUBERNUR …`, `SEKRETARIS DAERAH,` (a name may end with a comma
    too when its degrees wrap: `H. ANDI X, S.KEP.,`)."""
    text = squash(text)
    if _office(text):
        return True
    return text.endswith(",") and not _DEGREE_HINT.search(text)


def _looks_like_name(text: str) -> bool:
    text = squash(text).strip(" |'\"()")
    letters = sum(c.isalpha() for c in text)
    if letters < 5 or letters < 0.6 * len(text.replace(" ", "")):
        return False
    first = fold(text.split(" ")[0])
    if first in _NOT_A_NAME or _is_office_line(text):
        return False
    return not any(starts_like(text, w) for w in ("tanda tangan", "cap dinas"))


def _signature_name(lines: list[Line], start: int):
    """The name under an office line (`BUPATI GOWA,`) starting from `start`, with a
    continuation line for a long name's degrees."""
    seen_office = False
    for j in range(start, min(len(lines), start + 9)):
        line = lines[j]
        text = squash(line.text)
        if _is_office_line(text):
            seen_office = True
            continue
        if not seen_office or not _looks_like_name(text) or line.conf < 0.35:
            continue
        parts, confs = [text], [line.conf]
        for nxt in lines[j + 1 : j + 3]:
            gap = nxt.top - lines[j].bottom
            short = len(nxt.text) <= 25 and "." in nxt.text
            other = fold(first_word(nxt.text)) in _NOT_A_NAME
            if (
                nxt.page == line.page
                and gap < 0.9 * (line.bottom - line.top)
                and short
                and not other
            ):
                parts.append(nxt.text)
                confs.append(nxt.conf)
            else:
                break
        name = fix_name(_join(parts).strip(" |'\"()"))
        return name, sum(confs) / len(confs)
    return None


def signatory(body: list[Line], lampiran: list[Line]):
    candidates = []
    i = _signing_index(body)
    if i is not None:
        found = _signature_name(body, i + 1)
        if found:
            candidates.append(found)
    # The lampiran ends with the office and the name again.
    for k in range(len(lampiran) - 1, max(-1, len(lampiran) - 12), -1):
        if _office(lampiran[k].text) and lampiran[k].text.rstrip().endswith(","):
            found = _signature_name(lampiran, k)
            if found:
                candidates.append(found)
            break
    if not candidates:
        return None, 0.0
    if len(candidates) > 1 and fold(candidates[0][0]) == fold(candidates[1][0]):
        return candidates[0][0], round(min(1.0, max(c[1] for c in candidates) * 1.05), 3)
    best = max(candidates, key=lambda c: c[1])
    return best[0], round(best[1] * (0.85 if len(candidates) > 1 else 0.9), 3)


# -- validity ---------------------------------------------------------------------------------

_FROM_SIGNING = re.compile(
    r"berlaku\s+(?:sejak|mulai|pada|terhitung)?\s*(?:sejak|mulai|pada)?\s*(?:tanggal|tgl\.?)\s+"
    r"(?:di\s*)?tetapkan|berlaku\s+(?:sejak|mulai|pada)\s+(?:saat\s+)?(?:di\s*)?tetapkan",
    re.IGNORECASE,
)
_TERM = re.compile(
    r"(?:jangka\s+waktu|masa\s+(?:kerja|tugas|bakti|berlaku|jabatan|keanggotaan)|selama)\D{0,60}?"
    r"(\d{1,2})\s*\(\s*([A-Za-z]+)\s*\)\s*tahun",
    re.IGNORECASE,
)
_TERM_WORDS = re.compile(r"(?:jangka\s+waktu|selama)\s+([A-Za-z]+)\s+tahun", re.IGNORECASE)


def validity(body: list[Line], signed):
    """(valid_from, valid_until, confidence) from the diktum: `mulai berlaku pada tanggal
    ditetapkan`, `terhitung mulai tanggal …`, `sampai dengan (tanggal) …`, `untuk jangka
    waktu 3 (tiga) tahun` (the end is the same day N years on). None where not stated."""
    start = next(
        (i for i, ln in enumerate(body) if like(first_word(ln.text), "memutuskan", 0.75)), 0
    )
    text = squash(" ".join(ln.text for ln in body[start:]))
    i = _signing_index(body[start:])
    if i is not None:
        text = squash(" ".join(ln.text for ln in body[start : start + i]))
    lines_conf = [ln.conf for ln in body[start:]] or [1.0]
    conf = sum(lines_conf) / len(lines_conf)
    valid_from = valid_until = None
    found_any = False
    for sentence in re.split(r"(?<=[a-z0-9)])\.\s+(?=[A-Z])", text):
        low = sentence.lower()
        if (
            "berlaku" not in low
            and "terhitung" not in low
            and "jangka" not in low
            and "masa" not in low
        ):
            continue
        if _FROM_SIGNING.search(sentence) and valid_from is None:
            valid_from = signed
            found_any = True
        for m in re.finditer(
            r"\b(?:berlaku|terhitung|mulai|sejak)(?:\s+(?:berlaku|terhitung|mulai|sejak|pada|tanggal|tgl\.?))*\s+",
            sentence,
            re.IGNORECASE,
        ):
            dates = find_dates(sentence[m.end() : m.end() + 30])
            if dates and dates[0][0] == 0 and valid_from is None:
                valid_from = dates[0][1]
                found_any = True
        m = re.search(
            r"s\s*a\s*m\s*p\s*a\s*i\s+d\s*e\s*n\s*g\s*a\s*n|\bs\.?\s*d\.?\s+|hingga|berakhir(?:\s+pada)?",
            sentence,
            re.IGNORECASE,
        )
        if m:
            dates = find_dates(sentence[m.end() : m.end() + 40])
            if dates and valid_until is None:
                valid_until = dates[0][1]
                found_any = True
        term = _TERM.search(sentence) or _TERM_WORDS.search(sentence)
        if term and valid_until is None:
            years = None
            if term.re is _TERM:
                years = number_word(term[2]) or (int(term[1]) if term[1].isdigit() else None)
            else:
                years = number_word(term[1])
            base = valid_from or signed
            if years and base:
                valid_until = add_years(base, years)
                if valid_from is None:
                    valid_from = base
                found_any = True
    if not found_any:
        return None, None, round(0.6 * conf, 3)
    return valid_from, valid_until, round(0.95 * conf, 3)


def titlecase_heading(text: str) -> str:
    return smart_title(text)
