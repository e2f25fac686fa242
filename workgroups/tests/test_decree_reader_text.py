"""The decree reader's text rules on their own: dates in Indonesian with OCR noise, numbers,
names with titles, the validity clauses of a diktum, list and position words."""

import datetime

import pytest

from workgroups.decree_reader import fields
from workgroups.decree_reader.layout import Line, Word
from workgroups.decree_reader.members import role_label, role_of, split_name
from workgroups.decree_reader.text import clean_number, find_dates, first_date, fix_name

SIGNED = datetime.date(2024, 3, 12)


def lines(*texts):
    out = []
    for row, text in enumerate(texts):
        words, x = [], 0.0
        for token in text.split(" "):
            words.append(Word(token, x, row * 20.0, x + 8 * len(token), row * 20.0 + 12))
            x += 8 * len(token) + 5
        out.append(Line(words, 0))
    return out


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("pada tanggal 12 Maret 2024", datetime.date(2024, 3, 12)),
        ("pada tanggal l2 Maret 2O24", datetime.date(2024, 3, 12)),
        ("pada tanggal 3 Mel 2024", datetime.date(2024, 5, 3)),
        ("tanggal 28 Desernber 2023", datetime.date(2023, 12, 28)),
        ("tanggal 1 Pebruari 2025", datetime.date(2025, 2, 1)),
        ("tanggal 30-06-2024", datetime.date(2024, 6, 30)),
    ],
)
def test_dates_in_indonesian_survive_ocr_noise(text, day):
    assert first_date(text) == day


def test_impossible_dates_are_not_dates():
    assert find_dates("31 Februari 2024 dan 12 Bulan 2024") == []


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("188.4 / 12O / Tahun 2025", "188.4/120/Tahun 2025"),
        ("800/45/DPPKB/Ill/2O24", "800/45/DPPKB/III/2024"),
        ("42.a/KPTS-DU/VI/2022.", "42.a/KPTS-DU/VI/2022"),
        ("446/II/TAHUN 2022", "446/II/TAHUN 2022"),
        ("800/726/DPPKB/1/2023", "800/726/DPPKB/I/2023"),
        ("188.4/1/2024", "188.4/1/2024"),
    ],
)
def test_decree_numbers_are_tidied(raw, number):
    assert clean_number(raw) == number


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("DR. SYAMSUL DAENG NGALLE.M.SI.", "DR. SYAMSUL DAENG NGALLE, M.Si."),
        ("Ridwan Makkawaru, Spd", "Ridwan Makkawaru, S.Pd."),
        ("drs..ridwan rauf, s.km., m.kes.", "drs. ridwan rauf, S.KM., M.Kes."),
        ("Andi Tenri Ajeng", "Andi Tenri Ajeng"),
        ("Andi Tenri, Pengusaha", "Andi Tenri, Pengusaha"),
    ],
)
def test_titles_after_names_are_repaired(raw, name):
    assert fix_name(raw) == name


@pytest.mark.parametrize(
    ("clause", "valid_from", "valid_until"),
    [
        ("Keputusan ini mulai berlaku pada tanggal ditetapkan.", SIGNED, None),
        (
            "Keputusan ini mulai berlaku pada tanggal ditetapkan sampai dengan 31 Desember 2027.",
            SIGNED,
            datetime.date(2027, 12, 31),
        ),
        (
            "Pokja bertugas untuk jangka waktu 3 (tiga) tahun sejak tanggal ditetapkan.",
            SIGNED,
            datetime.date(2027, 3, 12),
        ),
        (
            "Keputusan ini berlaku sejak tanggal ditetapkan dan berakhir pada tanggal 31 "
            "Desember 2026.",
            SIGNED,
            datetime.date(2026, 12, 31),
        ),
        (
            "Keputusan ini berlaku terhitung mulai tanggal 2 Januari 2024 sampai dengan "
            "tanggal 31 Desember 2026.",
            datetime.date(2024, 1, 2),
            datetime.date(2026, 12, 31),
        ),
        ("Hal-hal yang belum diatur akan diatur kemudian.", None, None),
    ],
)
def test_validity_clauses(clause, valid_from, valid_until):
    body = lines(
        "MEMUTUSKAN:", "KESATU : Membentuk Pokja.", f"KEDUA : {clause}", "Ditetapkan di Gowa"
    )
    found_from, found_until, _confidence = fields.validity(body, SIGNED)
    assert (found_from, found_until) == (valid_from, valid_until)


def test_issuer_and_number_from_the_heading():
    body = lines("BUPATI GOWA", "KEPUTUSAN BUPATI GOWA", "NOMOR : 188.4/76/Tahun 2024", "TENTANG")
    assert fields.issuer(body)[:2] == ("Bupati Gowa", "regent")
    assert fields.number(body, [])[0] == "188.4/76/Tahun 2024"
    walikota = lines("KEPUTUSAN WALIKOTA PAREPARE")
    assert fields.issuer(walikota)[:2] == ("Wali Kota Parepare", "mayor")


def test_position_words():
    assert role_label("Wakil Ketua I")[0] == "Wakil Ketua"
    assert role_label("Koordinator Bidang Advokasi")[0] == "Koordinator"
    assert role_label("Ketua Tim Penggerak PKK Kabupaten Gowa") is None  # an office
    assert role_of("Ketua Bidang Data") == "coordinator"
    assert role_of("Penanggung Jawab") == "responsible"
    assert role_of("Anqgota") == "member"


def test_name_and_office_in_one_cell():
    assert split_name("Kepala Dinas Kesehatan (dr. Andi Tenri, M.Kes.)") == (
        "dr. Andi Tenri, M.Kes.",
        "Kepala Dinas Kesehatan",
    )
    assert split_name("Drs. Ahmad Tanra, M.Si. (Sekretaris Daerah)") == (
        "Drs. Ahmad Tanra, M.Si.",
        "Sekretaris Daerah",
    )
    assert split_name("Kepala Dinas Sosial") == (None, "Kepala Dinas Sosial")
