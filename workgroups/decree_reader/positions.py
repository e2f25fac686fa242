"""Position words of a Pokja (Pengarah … Anggota) and the column names of a membership
table, tolerant of OCR noise; telling a person's name from an office."""

import re

from .text import fold, like, squash, starts_like, tidy

ROLES = [
    ("penanggung jawab", "Penanggung Jawab", "responsible"),
    ("penanggungjawab", "Penanggung Jawab", "responsible"),
    ("pengarah", "Pengarah", "adviser"),
    ("pembina", "Pembina", "adviser"),
    ("penasehat", "Penasehat", "adviser"),
    ("penasihat", "Penasihat", "adviser"),
    ("pelindung", "Pelindung", "adviser"),
    ("wakil ketua", "Wakil Ketua", "vice_chair"),
    ("ketua", "Ketua", "chair"),
    ("wakil sekretaris", "Wakil Sekretaris", "secretary"),
    ("sekretaris", "Sekretaris", "secretary"),
    ("bendahara", "Bendahara", "member"),
    ("koordinator", "Koordinator", "coordinator"),
    ("anggota", "Anggota", "member"),
]
_GROUP_WORDS = (
    "bidang",
    "seksi",
    "subbidang",
    "sub",
    "kelompok",
    "pokja",
    "tim",
    "unsur",
    "divisi",
)
_OFFICE_WORDS = {
    "kepala", "ketua", "sekretaris", "wakil", "dinas", "badan", "kabupaten", "kota", "provinsi",
    "bupati", "gubernur", "walikota", "wali", "camat", "kantor", "bagian", "bidang", "unit",
    "direktur", "dekan", "rektor", "komandan", "kepolisian", "tim", "forum", "ikatan", "majelis",
    "persatuan", "koordinator", "perwakilan", "daerah", "penyuluh", "organisasi", "universitas",
    "pengurus", "staf", "asisten", "lurah", "desa", "kecamatan", "puskesmas", "sekretariat",
    "seksi", "kementerian", "pusat", "statistik", "penggerak", "pkk", "kodim", "polres",
}  # fmt: skip
_DEGREE = re.compile(
    r"(?:^|[\s,])(?:Dr|dr|Drs|Dra|Ir|H|Hj|Prof|S\.\w{1,4}|M\.\w{1,4}|Ns|Apt|A\.Md|SH|SE|MM|MPH|Ph\.D)\.?(?=[\s,]|$)"
)


def match_role(text: str):
    """(written form, role, rest of the text) when `text` starts with a position word."""
    text = squash(text).lstrip("-•*·. ")
    for phrase, written, role in ROLES:
        n = len(phrase.split(" "))
        if starts_like(text, phrase, 0.8):
            rest = " ".join(text.split(" ")[n:])
            return written, role, rest
    return None


_LABEL_TAIL = ("bidang", "seksi", "sub", "subbidang", "pelaksana", "harian", "merangkap", "umum",
               "i", "ii", "iii", "iv", "v", "l", "ll", "lll")  # fmt: skip


def role_label(label: str):
    """match_role for the label before `:` in a list: the position word alone or followed by
    a bidang, a number (`Wakil Ketua I`) or `merangkap anggota`; not an office that merely
    begins like one (`Ketua Tim Penggerak PKK`, `Sekretaris Daerah`)."""
    found = match_role(label)
    if not found:
        return None
    rest = found[2].split(" ")
    if not found[2] or (fold(rest[0]) in _LABEL_TAIL or rest[0].isdigit()) and len(rest) <= 8:
        return found
    return None


def role_of(position: str) -> str:
    found = match_role(position or "")
    if not found:
        return "member"
    written, role, rest = found
    if role == "chair" and rest and like(rest.split(" ")[0], "bidang"):
        return "coordinator"
    return role


def clean_position(text: str) -> str:
    """The position as written, its position words spelled right (OCR) and tidied."""
    text = tidy(text).strip(" .")
    found = match_role(text)
    if not found:
        return text
    written, _role, rest = found
    return squash(f"{written} {rest}")


def person_score(text: str) -> int:
    words = [fold(w) for w in squash(text).split(" ") if fold(w)]
    if not words:
        return -9
    office = sum(1 for w in words if w in _OFFICE_WORDS)
    degrees = len(_DEGREE.findall(text))
    return 2 * degrees - 2 * office + (1 if 2 <= len(words) <= 6 else 0)


def split_name(value: str):
    """`Dr. Andi X, M.Si. (Kepala Dinas …)` or `Kepala Dinas … (Andi X)` → (name, office)."""
    m = re.match(r"^(.+?)\s*[(\[]\s*(.+?)\s*[)\]]?\s*[;,.]?\s*$", value)
    if not m or "(" not in value and "[" not in value:
        return None, value
    a, b = tidy(m[1]), tidy(m[2])
    if person_score(a) > person_score(b):
        return a, b
    if person_score(b) > person_score(a):
        return b, a
    return None, value


# -- column kinds -----------------------------------------------------------------------------


def column_kind(text: str) -> str | None:
    words = [w for w in re.split(r"[\s/,&.()]+", text or "") if w]
    folded = fold(text)
    if not words:
        return None
    if any(like(w, k) for w in words for k in ("kedudukan", "keanggotaan", "posisi", "keterangan")):
        return "position"
    if re.search(r"dalam(tim|pokja|kelompok|kepengurusan|organisasi)", folded):
        return "position"
    has_name = any(like(w, "nama", 0.75) for w in words)
    has_office = any(like(w, k) for w in words for k in ("jabatan", "pekerjaan"))
    has_inst = (
        any(
            like(w, k)
            for w in words
            for k in ("instansi", "unsur", "lembaga", "asal", "satuan", "opd")
        )
        or "unitkerja" in folded
    )
    if has_name and (has_office or has_inst):
        return "mixed"
    if has_name:
        return "name"
    if has_inst:
        return "institution"
    if has_office:
        return "office"
    if folded in ("no", "nomor", "nourut", "n", "na") or (
        folded.startswith("no") and len(folded) <= 3
    ):
        return "no"
    if any(
        like(w, k)
        for w in words
        for k in ("nip", "tandatangan", "paraf", "ttd", "kontak", "telepon")
    ):
        return "ignore"
    return None


_HEADER_FILLER = {"dalam", "tim", "pokja", "kerja", "kelompok", "dan", "atau", "urut", "lengkap",
                  "gelar", "pangkat", "golongan", "kepengurusan", "organisasi", "kedinasan"}  # fmt: skip


def is_header(text: str) -> bool:
    """A table's header row: at least two column names (No, Nama, Jabatan, Kedudukan, …)
    and hardly any other word."""
    words = [w for w in re.split(r"[\s/|]+", squash(text)) if w.strip(".,:()")]
    if not words or len(words) > 14:
        return False
    kinds = [column_kind(w) for w in words]
    found = {k for k in kinds if k and k != "ignore"}
    other = sum(
        1 for w, k in zip(words, kinds, strict=True) if not k and fold(w) not in _HEADER_FILLER
    )
    return len(found - {"no"}) >= 1 and len(found) >= 2 and other <= len(words) // 3
