"""Generates the decree (SK) test corpus of workgroups.decree_reader: fictitious Keputusan of
real Sulawesi Selatan regions with made-up people, in several layouts, half with a text layer
and half as scans (rasterised, rotated slightly, noisy, JPEG, rebuilt as image-only PDFs), each
with the fields a reader should find in `<name>.json`.

    .venv/bin/python workgroups/tests/data/decrees/make_corpus.py          # this folder
    .venv/bin/python workgroups/tests/data/decrees/make_corpus.py --alt    # ../decrees_alt

`--alt` writes a small second corpus in a deliberately different house style (other fonts,
spacing, label wording, number formats) used to check that the reader is not tuned to one
template. Deterministic: the same seed writes the same files (WeasyPrint and Pillow versions
aside). Needs WeasyPrint, pypdfium2 and Pillow; run it by hand, tests only read its output.
Every name is invented; any likeness to a real person is a coincidence.
"""

import argparse
import datetime
import html
import io
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember"]  # fmt: skip
NUMBER_WORDS = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima"}
ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT", "KELIMA", "KEENAM", "KETUJUH"]

FIRST = ["Andi", "Muhammad", "Nurhayati", "Sitti", "Ahmad", "Rahmawati", "Syamsul", "Hasnah",
         "Ismail", "Kamaruddin", "Hardiyanti", "Firdaus", "Zulkifli", "Jumriah", "Rusdi",
         "Nurlela", "Amiruddin", "Fitriani", "Baharuddin", "Irmawati", "Sahabuddin", "Wahyuni",
         "Taufik", "Marlina", "Arifin", "Suryani", "Hamzah", "Yusniar", "Ridwan", "Asmawati"]  # fmt: skip
LAST = ["Tenriola", "Mappasessu", "Daeng Ngalle", "Pabbicara", "Lamaddukelleng", "Sikati",
        "Batara Lolo", "Tanra", "Pallawa", "Rauf Sanre", "Makkawaru", "Lantara", "Bacotang",
        "Sulolipu", "Parenrengi", "Masdar", "Tjoddo", "Alimuddin Sewa", "Karaeng Lompo",
        "Bolong", "Salengke", "Pawelloi", "Tammu", "Rahim Pade", "Kaddiraja"]  # fmt: skip
PREFIX = ["", "", "", "Drs. ", "Dr. ", "H. ", "Hj. ", "Ir. ", "dr. "]
SUFFIX = ["", ", S.Sos., M.Si.", ", S.KM., M.Kes.", ", S.H., M.H.", ", S.E., M.M.",
          ", S.Pd.", ", S.T., M.T.", ", M.Si.", ", S.Kep., Ns."]  # fmt: skip

OFFICES = [
    "Kepala Badan Perencanaan Pembangunan Daerah {r}",
    "Kepala Dinas Pengendalian Penduduk dan Keluarga Berencana {r}",
    "Kepala Dinas Kesehatan {r}",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil {r}",
    "Kepala Dinas Pemberdayaan Masyarakat dan Desa {r}",
    "Kepala Dinas Sosial {r}",
    "Kepala Dinas Pendidikan {r}",
    "Kepala Dinas Komunikasi dan Informatika {r}",
    "Kepala Dinas Pemberdayaan Perempuan dan Perlindungan Anak {r}",
    "Kepala Bagian Hukum Sekretariat Daerah {r}",
    "Kepala Kantor Kementerian Agama {r}",
    "Kepala Badan Pusat Statistik {r}",
    "Ketua Tim Penggerak PKK {r}",
    "Ketua Ikatan Bidan Indonesia Cabang {n}",
    "Ketua Majelis Ulama Indonesia {r}",
    "Kepala Dinas Tenaga Kerja {r}",
    "Kepala Dinas Ketahanan Pangan {r}",
    "Kepala Bidang Pengendalian Penduduk Dinas PPKB {r}",
    "Kepala Bidang Keluarga Berencana Dinas PPKB {r}",
    "Sekretaris Dinas Pengendalian Penduduk dan Keluarga Berencana {r}",
    "Kepala Bagian Kesejahteraan Rakyat Sekretariat Daerah {r}",
    "Koordinator Penyuluh Keluarga Berencana {r}",
    "Ketua Forum Anak {r}",
    "Ketua Koalisi Kependudukan {r}",
    "Kepala Dinas Perumahan dan Kawasan Permukiman {r}",
    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang {r}",
    "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia {r}",
    "Kepala Dinas Kelautan dan Perikanan {r}",
    "Kepala Dinas Pertanian {r}",
    "Kepala Bagian Perekonomian Sekretariat Daerah {r}",
    "Sekretaris Badan Perencanaan Pembangunan Daerah {r}",
    "Kepala Seksi Advokasi dan Penggerakan Dinas PPKB {r}",
    "Ketua Persatuan Guru Republik Indonesia {r}",
    "Ketua Ikatan Penulis Keluarga Berencana {r}",
    "Ketua Pengurus Daerah Ikatan Dokter Indonesia {r}",
    "Kepala Unit Pelaksana Teknis Daerah Pusat Kesehatan Masyarakat {n}",
    "Kepala Dinas Kepemudaan dan Olahraga {r}",
    "Kepala Dinas Perindustrian dan Perdagangan {r}",
    "Kepala Dinas Lingkungan Hidup {r}",
    "Kepala Satuan Polisi Pamong Praja {r}",
]  # fmt: skip
BIDANG = ["Advokasi dan Komunikasi, Informasi dan Edukasi", "Data dan Informasi",
          "Pembangunan Keluarga", "Pengendalian Penduduk", "Kampung Keluarga Berkualitas"]  # fmt: skip


def person(rng, used):
    while True:
        name = rng.choice(PREFIX) + rng.choice(FIRST) + " " + rng.choice(LAST) + rng.choice(SUFFIX)
        if name not in used:
            used.add(name)
            return name


def date_id(day):
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


class Region:
    def __init__(self, kind, name, capital):
        self.kind, self.name, self.capital = kind, name, capital

    @property
    def full(self):
        return {"province": f"Provinsi {self.name}", "regency": f"Kabupaten {self.name}",
                "city": f"Kota {self.name}"}[self.kind]  # fmt: skip

    def office(self, walikota="WALI KOTA"):
        head = {"province": "GUBERNUR", "regency": "BUPATI", "city": walikota}[self.kind]
        return f"{head} {self.name.upper()}"

    @property
    def issuer(self):
        head = {"province": "Gubernur", "regency": "Bupati", "city": "Wali Kota"}[self.kind]
        return f"{head} {self.name}"


# -- the members of a Pokja -----------------------------------------------------------------


def members(rng, region, count, *, names, grouped=False):
    """[(position, name or None, institution)] in lampiran order, and the bidang headings
    [(index of the first member, heading)] for grouped layouts."""
    used = set()
    r = region.full
    head = {"province": "Gubernur", "regency": "Bupati", "city": "Wali Kota"}[region.kind]
    deputy = {"province": "Wakil Gubernur", "regency": "Wakil Bupati", "city": "Wakil Wali Kota"}
    top = [
        ("Pengarah", f"{head} {region.name}"),
        ("Pengarah", f"{deputy[region.kind]} {region.name}"),
        ("Ketua", f"Sekretaris Daerah {r}"),
        ("Wakil Ketua", OFFICES[0].format(r=r, n=region.name)),
        ("Sekretaris", OFFICES[1].format(r=r, n=region.name)),
    ]
    pool = [o.format(r=r, n=region.name) for o in OFFICES[2:]]
    rng.shuffle(pool)
    out = [(pos, person(rng, used) if names else None, inst) for pos, inst in top]
    if not names:
        # Offices only: the regional head and deputy are "the office"; no person anywhere.
        pass
    headings = []
    rest = count - len(out)
    if grouped:
        bidang = BIDANG[: max(2, min(len(BIDANG), rest // 5))]
        per = rest // len(bidang)
        for i, b in enumerate(bidang):
            headings.append((len(out), f"Bidang {b}"))
            size = per if i < len(bidang) - 1 else rest - per * (len(bidang) - 1)
            for j in range(size):
                pos = f"Koordinator Bidang {b}" if j == 0 else "Anggota"
                out.append((pos, person(rng, used) if names else None, pool.pop()))
    else:
        for _ in range(rest):
            out.append(("Anggota", person(rng, used) if names else None, pool.pop()))
    return out, headings


# -- HTML -----------------------------------------------------------------------------------

CSS = {
    "a": """@page { size: A4; margin: 2cm 2cm 2cm 2.5cm; }
body { font-family: "Liberation Serif", serif; font-size: 11.5pt; line-height: 1.35; }""",
    "b": """@page { size: A4; margin: 1.8cm 2.2cm 2cm 2.2cm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.45; }""",
    "c": """@page { size: 21.5cm 33cm; margin: 2.5cm 2cm 2.5cm 3cm; }
body { font-family: "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.3; }""",
}
COMMON_CSS = """
p { margin: 0 0 .15cm 0; } .c { text-align: center; } .b { font-weight: bold; }
.head p { margin: 0; text-align: center; font-weight: bold; }
table.cl { width: 100%; border-collapse: collapse; margin: .25cm 0; }
table.cl td { vertical-align: top; padding: 0 .12cm .12cm 0; text-align: justify; }
table.cl td.l { width: 2.8cm; } table.cl td.k { width: .35cm; }
ol { margin: 0; padding-left: .6cm; } ol.a { list-style-type: lower-alpha; }
.sign { margin: .7cm 0 0 8.5cm; } .sign .n { margin-top: 1.9cm; font-weight: bold; }
.u { text-decoration: underline; }
.lamp { page-break-before: always; }
.meta { margin-left: 7cm; font-size: 10pt; border-collapse: collapse; }
.meta td { padding: 0 .1cm; vertical-align: top; }
table.m { width: 100%; border-collapse: collapse; margin-top: .4cm; font-size: 10pt; }
table.m.bd th, table.m.bd td { border: 1px solid #000; }
table.m th, table.m td { padding: .08cm .15cm; vertical-align: top; text-align: left; }
table.m th { text-align: center; }
table.m td.no { width: .8cm; text-align: center; }
table.m tr.grp td { font-weight: bold; }
table.list td { vertical-align: top; padding: .02cm .1cm; }
table.m.mid td, table.m tr.mid td { vertical-align: middle; }
ol.lst { padding-left: .7cm; } ol.lst li { margin-bottom: .1cm; }
.kop { text-align: center; border-bottom: 3px double #000; margin-bottom: .4cm; }
.kop p { margin: 0; } .kop .small { font-size: 9pt; }
"""


def e(text):
    return html.escape(text)


def heading_html(doc):
    s = doc["style"]
    office = doc["office"]
    lines = [office]
    if doc["region"].kind != "province" and s.get("province_line"):
        lines.append("PROVINSI SULAWESI SELATAN")
    out = []
    if s.get("kop"):
        r = doc["region"]
        out.append(f"<div class='kop'><p class='b'>PEMERINTAH {e(r.full.upper())}</p>"
                   f"<p class='small'>Jalan Poros {e(r.capital)} Nomor 1, Telepon (0411) 860012, "
                   f"Kode Pos 92111</p></div>")  # fmt: skip
        lines = []
    out.append('<div class="head">')
    out += [f"<p>{e(x)}</p>" for x in lines]
    out.append("<p>&nbsp;</p>")
    out.append(f"<p>KEPUTUSAN {e(office)}</p>")
    if s.get("number_inline"):
        out.append(f"<p>NOMOR {e(doc['number'])}</p>")
    else:
        out.append(f"<p>NOMOR : {e(doc['number'])}</p>")
    out.append("<p>&nbsp;</p><p>TENTANG</p>")
    out.append(f"<p>{e(doc['title'])}</p><p>&nbsp;</p>")
    if s.get("rahmat", True):
        out.append("<p>DENGAN RAHMAT TUHAN YANG MAHA ESA</p><p>&nbsp;</p>")
    out.append(f"<p>{e(office)},</p></div>")
    return "\n".join(out)


def body_html(doc):
    r = doc["region"]
    office_t = doc["office"].title()
    rows = [
        ("Menimbang", "<ol class='a'>"
         f"<li>bahwa dalam rangka mewujudkan pembangunan keluarga, kependudukan dan keluarga "
         f"berencana yang terpadu lintas sektor di {e(r.full)}, perlu dibentuk kelompok kerja "
         f"yang mengoordinasikan perangkat daerah dan mitra kerja;</li>"
         "<li>bahwa kelompok kerja yang telah ada perlu diintegrasikan dalam satu Kelompok Kerja "
         "Bangga Kencana agar pelaksanaan program lebih efektif dan efisien;</li>"
         f"<li>bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, "
         f"perlu menetapkan Keputusan {e(office_t)} tentang {e(doc['title'].title())};</li></ol>"),
        ("Mengingat", "<ol>"
         "<li>Undang-Undang Nomor 52 Tahun 2009 tentang Perkembangan Kependudukan dan "
         "Pembangunan Keluarga (Lembaran Negara Republik Indonesia Tahun 2009 Nomor 161);</li>"
         "<li>Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah (Lembaran Negara "
         "Republik Indonesia Tahun 2014 Nomor 244) sebagaimana telah beberapa kali diubah;</li>"
         "<li>Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting;</li>"
         "<li>Peraturan Badan Kependudukan dan Keluarga Berencana Nasional Nomor 12 Tahun 2021 "
         "tentang Rencana Aksi Nasional Percepatan Penurunan Angka Stunting Indonesia;</li>"
         "</ol>"),
    ]  # fmt: skip
    if doc["style"].get("memperhatikan"):
        rows.append(("Memperhatikan", "Surat Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan "
                     "Nomor 1204/PD.01/J4/2023 perihal Pembentukan Kelompok Kerja Bangga "
                     "Kencana."))  # fmt: skip
    out = ['<table class="cl">']
    out += [f'<tr><td class="l">{a}</td><td class="k">:</td><td>{b}</td></tr>' for a, b in rows]
    out.append("</table><p class='c b'>MEMUTUSKAN:</p><table class='cl'>")
    diktum = [
        ("Menetapkan", f"KEPUTUSAN {e(doc['office'])} TENTANG {e(doc['title'])}."),
        None,
        None,
        None,
    ]
    clauses = [
        f"Membentuk Kelompok Kerja Bangga Kencana {e(r.full)} yang selanjutnya disebut Pokja "
        f"Bangga Kencana, dengan susunan keanggotaan sebagaimana tercantum dalam Lampiran yang "
        f"merupakan bagian tidak terpisahkan dari Keputusan ini.",
        "Pokja Bangga Kencana sebagaimana dimaksud dalam Diktum KESATU bertugas: "
        "a. mengoordinasikan dan menyinkronkan kebijakan lintas perangkat daerah; b. menyusun "
        "rencana kerja tahunan; c. melakukan advokasi kepada pimpinan daerah; d. melaksanakan "
        f"pemantauan dan evaluasi serta melaporkan hasilnya kepada {e(office_t)}.",
        "Segala biaya yang timbul akibat ditetapkannya Keputusan ini dibebankan pada Anggaran "
        f"Pendapatan dan Belanja Daerah {e(r.full)} serta sumber lain yang sah dan tidak mengikat.",
    ]
    if doc["term_clause"]:
        clauses.append(doc["term_clause"])
    clauses.append(doc["validity_clause"])
    out.append(
        f'<tr><td class="l">{diktum[0][0]}</td><td class="k">:</td><td>{diktum[0][1]}</td></tr>'
    )
    for i, text in enumerate(clauses):
        out.append(f'<tr><td class="l">{ORDINALS[i]}</td><td class="k">:</td><td>{text}</td></tr>')
    out.append("</table>")
    return "\n".join(out)


def sign_html(doc, *, lampiran=False):
    s = doc["style"]
    out = ['<div class="sign">']
    if not lampiran:
        if s.get("sign_one_line"):
            out.append(
                f"<p>Ditetapkan di {e(doc['city'])} pada tanggal {e(date_id(doc['date']))}</p>"
            )
        else:
            out.append(
                f"<p>Ditetapkan di {e(doc['city'])}<br>pada tanggal {e(date_id(doc['date']))}</p>"
            )
    out.append(f"<p class='b'>{e(doc['office'])},</p>")
    if s.get("ttd"):
        out.append("<p style='margin-top:.6cm'>ttd.</p>")
    name = doc["signatory"].upper() if s.get("sign_upper", True) else doc["signatory"]
    out.append(f"<p class='n{' u' if s.get('sign_underline', True) else ''}'>{e(name)}</p>")
    out.append("</div>")
    return "\n".join(out)


def lampiran_html(doc):
    meta = f"""<table class="meta">
<tr><td colspan="3">LAMPIRAN KEPUTUSAN {e(doc["office"])}</td></tr>
<tr><td>NOMOR</td><td>:</td><td>{e(doc["number"])}</td></tr>
<tr><td>TANGGAL</td><td>:</td><td>{e(date_id(doc["date"]))}</td></tr>
<tr><td>TENTANG</td><td>:</td><td>{e(doc["title"])}</td></tr></table>"""
    title = (f"<p class='c b' style='margin-top:.5cm'>SUSUNAN KEANGGOTAAN<br>"
             f"KELOMPOK KERJA BANGGA KENCANA {e(doc['region'].full.upper())}</p>")  # fmt: skip
    return ("<div class='lamp'>" + meta + title + members_html(doc) + sign_html(doc, lampiran=True)
            + "</div>")  # fmt: skip


def members_html(doc):
    layout = doc["layout"]
    ms, headings = doc["members"], doc["headings"]
    starts = dict(headings)
    if layout == "list":
        return list_html(doc)
    if layout == "ol":
        return ol_html(doc)
    if layout == "rowspan":
        return rowspan_html(doc)
    bordered = "bd" if doc["style"].get("bordered", True) else ""
    if layout == "names_first":  # No | Nama | Jabatan | Kedudukan dalam Tim
        head = ["No", "Nama", "Jabatan", "Kedudukan dalam Tim"]
        cells = lambda m: [m[1], m[2], m[0]]  # noqa: E731
    elif layout == "role_first":  # No | Kedudukan | Nama | Jabatan/Instansi
        head = ["NO", "KEDUDUKAN DALAM POKJA", "NAMA", "JABATAN/INSTANSI"]
        cells = lambda m: [m[0], m[1], m[2]]  # noqa: E731
    elif layout == "two_col":  # No | Jabatan dalam Pokja | Jabatan/Instansi (role cells merged)
        head = ["No.", "Jabatan dalam Pokja", "Unsur / Jabatan"]
        cells = lambda m: [m[0], m[2]]  # noqa: E731
    elif layout == "nip_table":  # NO. | NAMA / NIP | JABATAN | KEDUDUKAN DALAM TIM
        head = ["NO.", "NAMA / NIP", "JABATAN", "KEDUDUKAN DALAM TIM"]
        cells = lambda m: [m[1], m[2], m[0]]  # noqa: E731
    elif layout == "noheader":  # 1. | Pengarah | : | Bupati X  (no header row, no borders)
        return noheader_html(doc)
    elif layout == "grouped" and ms[0][1]:  # No | Nama | Jabatan | Kedudukan, groups as rows
        head = ["No", "Nama", "Jabatan", "Kedudukan"]
        cells = lambda m: [m[1], m[2], m[0].split(" Bidang ")[0]]  # noqa: E731
    elif layout == "grouped":  # No | Jabatan/Instansi | Kedudukan, groups as rows
        head = ["No", "Jabatan / Instansi", "Kedudukan"]
        cells = lambda m: [m[2], m[0].split(" Bidang ")[0]]  # noqa: E731
    else:
        raise ValueError(layout)
    out = [f'<table class="m {bordered}"><thead><tr>']
    out += [f"<th>{h}</th>" for h in head] + ["</tr></thead><tbody>"]
    previous_role = None
    for i, m in enumerate(ms):
        if i in starts:
            out.append(f'<tr class="grp"><td class="no"></td><td colspan="{len(head) - 1}">'
                       f"{e(starts[i].upper())}</td></tr>")  # fmt: skip
        row = cells(m)
        if layout == "two_col":
            # The role is written once for a run of the same role (a merged cell).
            if m[0] == previous_role and m[0] == "Anggota":
                row = ["", row[1]]
            previous_role = m[0]
        if layout == "nip_table":
            nip = doc["nips"][i]
            row[0] = f"{e(row[0])}<br>NIP. {nip}"
            out.append(f'<tr class="mid"><td class="no">{i + 1}.</td><td>{row[0]}</td>'
                       + "".join(f"<td>{e(c)}</td>" for c in row[1:]) + "</tr>")  # fmt: skip
            continue
        out.append(f'<tr><td class="no">{i + 1}.</td>' + "".join(f"<td>{e(c)}</td>" for c in row)
                   + "</tr>")  # fmt: skip
    out.append("</tbody></table>")
    return "\n".join(out)


def list_html(doc):
    """A numbered list without borders: `1. Ketua : Sekretaris Daerah …`; the Anggota are one
    item with a lettered sub-list."""
    ms = doc["members"]
    out = ['<table class="list">']
    n = 0
    anggota = [m for m in ms if m[0] == "Anggota"]
    for m in ms:
        if m[0] == "Anggota":
            continue
        n += 1
        text = e(m[2]) if not m[1] else f"{e(m[1])} ({e(m[2])})"
        out.append(
            f"<tr><td>{n}.</td><td style='white-space: nowrap'>{e(m[0])}</td><td>:</td><td>{text}</td></tr>"
        )
    if anggota:
        n += 1
        out.append(f"<tr><td>{n}.</td><td>Anggota</td><td>:</td><td></td></tr>")
        for j, m in enumerate(anggota):
            text = e(m[2]) if not m[1] else f"{e(m[1])} ({e(m[2])})"
            out.append(f"<tr><td></td><td></td><td></td><td>{'abcdefghijklmnopqrstuvwxyz'[j]}. "
                       f"{text};</td></tr>")  # fmt: skip
    out.append("</table>")
    return "\n".join(out)


def rowspan_html(doc):
    """Bordered No | Kedudukan dalam Tim | Jabatan/Instansi with the position written once
    in a merged cell (rowspan) for each run of the same position, centred vertically."""
    ms = doc["members"]
    runs = []
    for m in ms:
        if runs and runs[-1][0] == m[0]:
            runs[-1][1].append(m)
        else:
            runs.append((m[0], [m]))
    out = ['<table class="m bd mid"><thead><tr><th>No</th><th>Kedudukan dalam Tim</th>'
           "<th>Jabatan/Instansi</th></tr></thead><tbody>"]  # fmt: skip
    n = 0
    for position, group in runs:
        for j, m in enumerate(group):
            n += 1
            cell = f'<td rowspan="{len(group)}">{e(position)}</td>' if j == 0 else ""
            out.append(f'<tr><td class="no">{n}</td>{cell}<td>{e(m[2])}</td></tr>')
    out.append("</tbody></table>")
    return "\n".join(out)


def ol_html(doc):
    """Paragraph lists: `1. Pengarah: …` with names in brackets after the office, and the
    Anggota as a nested lettered list."""
    ms = doc["members"]
    anggota = [m for m in ms if m[0] == "Anggota"]
    items = []
    for m in ms:
        if m[0] == "Anggota":
            continue
        text = e(m[2]) if not m[1] else f"{e(m[2])} ({e(m[1])})"
        items.append(f"<li>{e(m[0])}: {text};</li>")
    sub = "".join(
        f"<li>{e(m[2]) if not m[1] else e(m[2]) + ' (' + e(m[1]) + ')'};</li>" for m in anggota
    )
    items.append(f"<li>Anggota:<ol class='a'>{sub}</ol></li>")
    return f"<ol class='lst'>{''.join(items)}</ol>"


def noheader_html(doc):
    """A borderless table without a header: `1. | Pengarah | Bupati X` (no colon)."""
    out = ['<table class="list">']
    for i, m in enumerate(doc["members"]):
        text = e(m[2]) if not m[1] else f"{e(m[1])}, {e(m[2])}"
        out.append(f"<tr><td>{i + 1}.</td><td style='white-space: nowrap; padding-right: 1cm'>"
                   f"{e(m[0])}</td><td>{text}</td></tr>")  # fmt: skip
    out.append("</table>")
    return "\n".join(out)


def document_html(doc):
    css = CSS[doc["style"].get("css", "a")] + COMMON_CSS
    return (f"<!doctype html><html lang='id'><head><meta charset='utf-8'><style>{css}</style>"
            f"</head><body>{heading_html(doc)}{body_html(doc)}{sign_html(doc)}"
            f"{lampiran_html(doc)}</body></html>")  # fmt: skip


# -- the documents --------------------------------------------------------------------------

REGIONS = {
    "sulsel": Region("province", "Sulawesi Selatan", "Makassar"),
    "gowa": Region("regency", "Gowa", "Sungguminasa"),
    "makassar": Region("city", "Makassar", "Makassar"),
    "bone": Region("regency", "Bone", "Watampone"),
    "parepare": Region("city", "Parepare", "Parepare"),
    "maros": Region("regency", "Maros", "Maros"),
    "luwu_timur": Region("regency", "Luwu Timur", "Malili"),
    "palopo": Region("city", "Palopo", "Palopo"),
    "bulukumba": Region("regency", "Bulukumba", "Bulukumba"),
    "tana_toraja": Region("regency", "Tana Toraja", "Makale"),
    "pinrang": Region("regency", "Pinrang", "Pinrang"),
    "takalar": Region("regency", "Takalar", "Pattallassang"),
    "wajo": Region("regency", "Wajo", "Sengkang"),
    "sidrap": Region("regency", "Sidenreng Rappang", "Pangkajene"),
    "enrekang": Region("regency", "Enrekang", "Enrekang"),
    "soppeng": Region("regency", "Soppeng", "Watansoppeng"),
    "barru": Region("regency", "Barru", "Barru"),
    "selayar": Region("regency", "Kepulauan Selayar", "Benteng"),
}

TITLES = [
    "PEMBENTUKAN KELOMPOK KERJA BANGGA KENCANA {R}",
    "PEMBENTUKAN KELOMPOK KERJA PEMBANGUNAN KELUARGA, KEPENDUDUKAN DAN KELUARGA BERENCANA {R} "
    "TAHUN {Y1}-{Y2}",
    "KELOMPOK KERJA BANGGA KENCANA {R} PERIODE {Y1}-{Y2}",
    "PERUBAHAN ATAS KEPUTUSAN {O} NOMOR {OLD} TENTANG PEMBENTUKAN KELOMPOK KERJA BANGGA KENCANA {R}",
    "PEMBENTUKAN KELOMPOK KERJA ADVOKASI DAN BANGGA KENCANA {R}",
]


def number_for(rng, fmt, year, month):
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"][month - 1]
    serial = rng.randint(12, 980)
    return {
        "tahun": f"188.4/{serial}/Tahun {year}",
        "unit": f"800/{serial}/DPPKB/{roman}/{year}",
        "kpts": f"188.45/{serial}/KPTS/{year}",
        "roman": f"{rng.randint(400, 480)}/{roman}/TAHUN {year}",
        "short": f"{rng.randint(400, 480)}/{year}",
        "dotted": f"400.13.4/{serial}/BAPPEDA-P3A/{year}",
        "letter": f"{serial}.a/KPTS/{roman}/{year}",
    }[fmt]


def validity(rng, kind, signed):
    """(clause, valid_from, valid_until, extra term clause)."""
    if kind == "from_date":
        return ("Keputusan ini mulai berlaku pada tanggal ditetapkan.", signed, None, None)
    if kind == "until":
        until = datetime.date(signed.year + rng.choice([2, 3, 4]), 12, 31)
        return (f"Keputusan ini mulai berlaku pada tanggal ditetapkan sampai dengan tanggal "
                f"{date_id(until)}.", signed, until, None)  # fmt: skip
    if kind == "term":
        years = rng.choice([2, 3, 5])
        term = (f"Masa kerja Pokja Bangga Kencana sebagaimana dimaksud dalam Diktum KESATU "
                f"berlaku untuk jangka waktu {years} ({NUMBER_WORDS[years]}) tahun terhitung "
                f"sejak tanggal ditetapkan.")  # fmt: skip
        return ("Keputusan ini mulai berlaku pada tanggal ditetapkan.", signed,
                add_years(signed, years), term)  # fmt: skip
    if kind == "selama":
        years = rng.choice([3, 4])
        return (f"Keputusan ini mulai berlaku pada tanggal ditetapkan dan berlaku selama {years} "
                f"({NUMBER_WORDS[years]}) tahun.", signed, add_years(signed, years), None)  # fmt: skip
    if kind == "retro":
        start = datetime.date(signed.year, 1, 2)
        until = datetime.date(signed.year + 2, 12, 31)
        return (f"Keputusan ini berlaku terhitung mulai tanggal {date_id(start)} sampai dengan "
                f"tanggal {date_id(until)}.", start, until, None)  # fmt: skip
    if kind == "none":
        return ("Hal-hal yang belum diatur dalam Keputusan ini akan diatur kemudian.", None, None,
                None)  # fmt: skip
    raise ValueError(kind)


# (file stem, region, layout, names?, count, number format, validity, title index, style, scan)
SPECS = [
    ("01-gowa-tabel-nama", "gowa", "names_first", True, 16, "tahun", "until", 0, {}, False),
    ("02-makassar-daftar", "makassar", "list", False, 14, "unit", "from_date", 1,
     {"css": "b", "sign_one_line": True}, False),
    ("03-sulsel-dua-kolom", "sulsel", "two_col", False, 18, "roman", "term", 2,
     {"province_line": False, "memperhatikan": True}, False),
    ("04-bone-multihalaman", "bone", "role_first", True, 42, "kpts", "retro", 0,
     {"css": "c", "province_line": True}, False),
    ("05-parepare-bidang", "parepare", "grouped", False, 22, "dotted", "none", 4,
     {"number_inline": True}, False),
    ("06-maros-tanpa-garis", "maros", "role_first", True, 15, "letter", "term", 3,
     {"bordered": False, "css": "b"}, False),
    ("07-luwutimur-daftar-nama", "luwu_timur", "list", True, 12, "short", "until", 0,
     {"css": "c", "rahmat": False}, False),
    ("08-palopo-tabel-nama-scan", "palopo", "names_first", True, 15, "unit", "from_date", 0,
     {"province_line": True}, True),
    ("09-bulukumba-daftar-scan", "bulukumba", "list", False, 13, "tahun", "term", 1,
     {"css": "b"}, True),
    ("10-tanatoraja-dua-kolom-scan", "tana_toraja", "two_col", False, 16, "kpts", "until", 2,
     {}, True),
    ("11-sulsel-bidang-scan", "sulsel", "grouped", True, 24, "roman", "none", 4,
     {"css": "c"}, True),
    ("12-pinrang-multihalaman-scan", "pinrang", "role_first", True, 38, "short", "retro", 0,
     {"province_line": True, "sign_one_line": True}, True),
    ("13-takalar-perubahan-scan", "takalar", "names_first", True, 14, "letter", "from_date", 3,
     {"css": "b", "number_inline": True}, True),
    ("14-wajo-tanpa-garis-scan", "wajo", "role_first", True, 14, "dotted", "until", 1,
     {"bordered": False, "css": "a"}, True),
]  # fmt: skip

# A differently styled second corpus (--alt): the house style of another drafter.
ALT_SPECS = [
    ("a1-sidrap", "sidrap", "two_col", False, 15, "unit", "until", 1,
     {"css": "c", "alt": True}, False),
    ("a2-enrekang", "enrekang", "names_first", True, 17, "kpts", "term", 0,
     {"css": "b", "alt": True, "sign_upper": False}, False),
    ("a3-soppeng-scan", "soppeng", "list", False, 12, "tahun", "from_date", 2,
     {"css": "a", "alt": True}, True),
]  # fmt: skip


# A third drafter (--alt too): merged cells centred vertically, paragraph lists with names in
# brackets, a letterhead, `ttd.` in the signature, NIP under names, a table without header.
ALT_SPECS += [
    ("b1-barru-rowspan", "barru", "rowspan", False, 15, "unit", "selama", 0,
     {"css": "a", "kop": True, "ttd": True}, False),
    ("b2-wajo-rowspan-scan", "wajo", "rowspan", False, 14, "tahun", "until", 2,
     {"css": "b", "kop": True}, True),
    ("b3-gowa-paragraf", "gowa", "ol", True, 12, "kpts", "term", 1,
     {"css": "b", "ttd": True}, False),
    ("b4-makassar-nip-scan", "makassar", "nip_table", True, 13, "dotted", "from_date", 0,
     {"css": "a", "province_line": True}, True),
    ("b5-bone-tanpa-kepala", "bone", "noheader", False, 12, "letter", "until", 4,
     {"css": "c"}, False),
    ("b6-sulsel-paragraf-scan", "sulsel", "ol", False, 13, "roman", "selama", 2,
     {"css": "a", "ttd": True, "kop": True}, True),
]  # fmt: skip


def build(spec, seed):
    stem, key, layout, names, count, numfmt, valid, title_i, style, scan = spec
    rng = random.Random(f"{seed}-{stem}")
    region = REGIONS[key]
    walikota = "WALIKOTA" if style.get("alt") else "WALI KOTA"
    office = region.office(walikota)
    signed = datetime.date(rng.choice([2023, 2024, 2025]), rng.randint(1, 12), rng.randint(1, 28))
    y1 = signed.year
    old = number_for(rng, "kpts", y1 - 2, 3)
    title = TITLES[title_i].format(R=region.full.upper(), Y1=y1, Y2=y1 + 3, O=office, OLD=old)
    clause, valid_from, valid_until, term = validity(rng, valid, signed)
    ms, headings = members(rng, region, count, names=names, grouped=layout == "grouped")
    signatory = person(rng, set())
    doc = {
        "stem": stem, "region": region, "office": office, "style": style, "layout": layout,
        "number": number_for(rng, numfmt, signed.year, signed.month), "title": title,
        "date": signed, "city": region.capital, "signatory": signatory,
        "validity_clause": clause, "term_clause": term, "members": ms, "headings": headings,
        "nips": [f"19{rng.randint(60, 89)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d} "
                 f"{rng.randint(1990, 2015)}0{rng.randint(1, 3)} {rng.randint(1, 2)} "
                 f"{rng.randint(1, 20):03d}" for _ in ms],
    }  # fmt: skip
    expected = {
        "number": doc["number"],
        "date": signed.isoformat(),
        "title": title,
        "issuer": region.issuer,
        "signatory": signatory,
        "valid_from": valid_from.isoformat() if valid_from else None,
        "valid_until": valid_until.isoformat() if valid_until else None,
        "members": [{"name": n, "position": p, "institution": i} for p, n, i in ms],
        "text_source": "ocr" if scan else "text",
        "layout": layout,
    }
    return doc, expected


def alt_html(doc):
    """The second house style: labels in mixed case, the number on the KEPUTUSAN line,
    `Nomor:` in the lampiran, the signing place and date in a two-column table."""
    html_ = document_html(doc)
    html_ = html_.replace("<p>NOMOR : ", "<p>Nomor : ").replace("<td>NOMOR</td>", "<td>Nomor</td>")
    html_ = html_.replace("<td>TANGGAL</td>", "<td>Tanggal</td>").replace(
        "<td>TENTANG</td>", "<td>Tentang</td>"
    )
    date = e(date_id(doc["date"]))
    html_ = html_.replace(
        f"<p>Ditetapkan di {e(doc['city'])}<br>pada tanggal {date}</p>",
        f"<table><tr><td>Ditetapkan di</td><td>: {e(doc['city'])}</td></tr>"
        f"<tr><td>Pada tanggal</td><td>: {date}</td></tr></table>",
    )
    return html_


def scan(pdf_bytes, rng, *, light=False):
    """Render, rasterise in grey, rotate by ±0.7–2°, add speckle and blur, JPEG; returns an
    image-only PDF."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    dpi = 200 if light else rng.choice([200, 200, 240])
    pages = []
    pdf = pdfium.PdfDocument(pdf_bytes)
    for i in range(len(pdf)):
        image = pdf[i].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
        angle = rng.choice([-1, 1]) * rng.uniform(0.7, 2.0)
        image = image.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
        image = image.filter(ImageFilter.GaussianBlur(0.6))
        # Paper tone and contrast of a copier, then dark and light specks.
        image = image.point(lambda v: int(25 + v * 0.86))
        pixels = image.load()
        w, h = image.size
        for _ in range(w * h // 3000):
            x, y = rng.randrange(w), rng.randrange(h)
            pixels[x, y] = rng.choice([40, 90, 255])
        pages.append(image)
    # Pillow embeds each page as one JPEG (DCTDecode) of this quality.
    out = io.BytesIO()
    pages[0].save(out, "PDF", save_all=True, append_images=pages[1:], resolution=dpi,
                  quality=35 if light else rng.choice([45, 50, 55]))  # fmt: skip
    return out.getvalue()


def main(argv=None):
    from weasyprint import HTML

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alt", action="store_true", help="write the second-style corpus")
    parser.add_argument("--seed", default="sipokja-26")
    parser.add_argument("--only", help="write only files whose name contains this")
    args = parser.parse_args(argv)
    specs, target = (ALT_SPECS, HERE.parent / "decrees_alt") if args.alt else (SPECS, HERE)
    target.mkdir(exist_ok=True)
    for spec in specs:
        if args.only and args.only not in spec[0]:
            continue
        doc, expected = build(spec, args.seed)
        source = alt_html(doc) if doc["style"].get("alt") else document_html(doc)
        pdf = HTML(string=source).write_pdf()
        if spec[-1]:
            # The second corpus is smaller on disk: 200 dpi, stronger JPEG compression.
            pdf = scan(pdf, random.Random(f"{args.seed}-{spec[0]}-scan"), light=args.alt)
        (target / f"{spec[0]}.pdf").write_bytes(pdf)
        (target / f"{spec[0]}.json").write_text(
            json.dumps(expected, indent=1, ensure_ascii=False) + "\n"
        )
        print(f"{spec[0]}.pdf: {len(pdf) // 1024} kB", file=sys.stderr)


if __name__ == "__main__":
    main()
