"""Seed the Bangga Kencana indicator catalogue and the national targets that could be sourced.

Facts and addresses: docs/domain.md §3 (definitions) and §4 (national targets).
The data is frozen here on purpose (a migration must not change with later code). Existing rows
are updated by code / (code, year), so the migration is safe on a database that already has them.
"""

from decimal import Decimal

from django.db import migrations

JAMBI = "https://jambi.tribunnews.com/2021/02/01/bkkbn-ingin-wujudkan-keluarga-berkualitas-dan-petumbuhan-penduduk-seimbang-di-2024"
ANTARA_2022 = "https://en.antaranews.com/news/291009/homepage-v2.html"
RADARBANGKA = "https://www.radarbangka.co.id/berita/read/468/bkkbn-sebut-capaian-pembangunan-keluarga-secara-umum-penuhi-target"
WARTAKENCANA = "https://wartakencana.id/rapor-biru-bangga-kencana-jawa-barat"

INDICATORS = [
    {
        "code": "tfr",
        "name": "Angka Kelahiran Total (Total Fertility Rate/TFR)",
        "definition": (
            "Rata-rata jumlah anak lahir hidup yang dimiliki seorang perempuan selama masa "
            "reproduksinya (umur 15–49 tahun) bila mengikuti pola angka kelahiran menurut umur "
            "yang berlaku saat ini. TFR 2,1 adalah tingkat penggantian (replacement level)."
        ),
        "unit": "anak per perempuan",
        "direction": "lower",
        "decimals": 2,
        "usual_source": "Long Form SP2020, SDKI/SKI, perhitungan IKU dari Pendataan Keluarga",
        "periodicity": "yearly",
        "reference": "https://123dok.com/article/iku-angka-kelahiran-total-total-fertility-rate-tfr.q7w9gw0r ; https://keluargaindonesia.id/2023/08/23/bkkbn-optimis-capai-target-ideal-21-anak-per-wanita/",
        "max_value": None,
    },
    {
        "code": "mcpr",
        "name": "Angka Prevalensi Pemakaian Kontrasepsi Modern (mCPR)",
        "definition": (
            "Persentase pasangan usia subur (perempuan kawin umur 15–49 tahun) yang sedang "
            "memakai alat atau cara kontrasepsi modern."
        ),
        "unit": "%",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga / survei",
        "periodicity": "monthly",
        "reference": "https://jateng.antaranews.com/berita/579985/bkkbn-jateng-kebutuhan-ber-kb-perlu-terus-digenjot",
        "max_value": Decimal("100"),
    },
    {
        "code": "unmet-need",
        "name": "Kebutuhan Ber-KB yang Tidak Terpenuhi (Unmet Need)",
        "definition": (
            "Persentase pasangan usia subur yang ingin menunda atau tidak ingin menambah anak "
            "tetapi tidak memakai alat atau cara kontrasepsi."
        ),
        "unit": "%",
        "direction": "lower",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga / survei",
        "periodicity": "monthly",
        "reference": "https://jateng.antaranews.com/berita/579985/bkkbn-jateng-kebutuhan-ber-kb-perlu-terus-digenjot ; " + JAMBI,
        "max_value": Decimal("100"),
    },
    {
        "code": "asfr-15-19",
        "name": "Angka Kelahiran Menurut Umur 15–19 Tahun (ASFR 15–19)",
        "definition": "Jumlah kelahiran per 1.000 perempuan umur 15–19 tahun dalam satu tahun.",
        "unit": "per 1.000 perempuan 15–19 tahun",
        "direction": "lower",
        "decimals": 1,
        "usual_source": "Pendataan Keluarga / Susenas / Sensus Penduduk",
        "periodicity": "yearly",
        "reference": "https://satudata.nunukankab.go.id/ex-detail/1321",
        "max_value": Decimal("1000"),
    },
    {
        "code": "ibangga",
        "name": "Indeks Pembangunan Keluarga (iBangga)",
        "definition": (
            "Indeks 0–100 yang mengukur kualitas keluarga dalam tiga dimensi: ketenteraman, "
            "kemandirian dan kebahagiaan; 17 variabel dari formulir Pendataan Keluarga, diberi "
            "skor 0/1 per keluarga. Di bawah 40 = rentan, 40–70 = berkembang, di atas 70 = tangguh."
        ),
        "unit": "indeks (0–100)",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga",
        "periodicity": "yearly",
        "reference": "https://id.scribd.com/document/583102203/Ibangga-metadata ; https://mataramradio.com/2022/03/19/indeks-pembangunan-keluarga/",
        "max_value": Decimal("100"),
    },
    {
        "code": "mukp",
        "name": "Median Usia Kawin Pertama Perempuan (MUKP)",
        "definition": (
            "Median umur perempuan saat perkawinan pertama (BKKBN menghitungnya pada perempuan "
            "umur 25–49 tahun)."
        ),
        "unit": "tahun",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga",
        "periodicity": "yearly",
        "reference": "https://bengkulu.antaranews.com/amp/berita/95638/bkkbn-targetkan-usia-kawin-perempuan-25-tahun ; " + RADARBANGKA,
        "max_value": None,
    },
    {
        "code": "stunting",
        "name": "Prevalensi Stunting pada Balita",
        "definition": (
            "Persentase anak di bawah lima tahun dengan z-skor panjang atau tinggi badan menurut "
            "umur kurang dari −2 SD standar WHO (Permenkes 2/2020). Angka survei (SSGI, SKI) dan "
            "angka administratif e-PPGBM berbeda jauh dan tidak boleh dicampur."
        ),
        "unit": "%",
        "direction": "lower",
        "decimals": 2,
        "usual_source": "SSGI 2021/2022/2024, SKI 2023 (survei); e-PPGBM (administratif, jauh lebih rendah)",
        "periodicity": "monthly",
        "reference": "https://id.scribd.com/document/719651937/Contoh-BOne-7-5",
        "max_value": Decimal("100"),
    },
    {
        "code": "pa-mkjp",
        "name": "Persentase Peserta KB Aktif Metode Kontrasepsi Jangka Panjang (MKJP)",
        "definition": (
            "Persentase peserta KB aktif yang memakai metode kontrasepsi jangka panjang (IUD, "
            "implan, MOW, MOP) di antara seluruh peserta KB aktif."
        ),
        "unit": "%",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga",
        "periodicity": "monthly",
        "reference": WARTAKENCANA,
        "max_value": Decimal("100"),
    },
    {
        "code": "dcr",
        "name": "Tingkat Putus Pakai Kontrasepsi (Discontinuation Rate/DCR)",
        "definition": (
            "Persentase pemakai kontrasepsi yang berhenti memakai dalam 12 bulan sejak mulai "
            "memakai."
        ),
        "unit": "%",
        "direction": "lower",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga",
        "periodicity": "yearly",
        "reference": WARTAKENCANA,
        "max_value": Decimal("100"),
    },
    {
        "code": "keluarga-terjangkau",
        "name": "Persentase Keluarga Terjangkau Program Bangga Kencana",
        "definition": "Persentase keluarga yang terjangkau oleh program Bangga Kencana.",
        "unit": "%",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "Pendataan Keluarga",
        "periodicity": "yearly",
        "reference": WARTAKENCANA,
        "max_value": Decimal("100"),
    },
    {
        "code": "ipbk",
        "name": "Indeks Pembangunan Berwawasan Kependudukan (IPBK)",
        "definition": (
            "Indeks pembangunan berwawasan kependudukan, dipakai sebagai indikator efektivitas "
            "Pokja Bangga Kencana. Definisi resmi belum ditemukan."
        ),
        "unit": "indeks",
        "direction": "higher",
        "decimals": 2,
        "usual_source": "",
        "periodicity": "yearly",
        "reference": "https://spiritdepok.poskota.co.id/2022/05/27/dorong-advokasi-kebijakan-daerah-bkkbn-integrasikan-pokja-bangga-kencana",
        "max_value": None,
    },
]

# (indicator code, year, value, source, uncertain)
NATIONAL_TARGETS = [
    (
        "tfr", 2021, "2.24",
        "LKj Perwakilan BKKBN Sulawesi Utara, grafik target nasional (urutan label grafik "
        "ditafsirkan; sesuai dengan artikel Perwakilan Jambi): "
        "https://123dok.com/article/iku-angka-kelahiran-total-total-fertility-rate-tfr.q7w9gw0r",
        True,
    ),
    ("tfr", 2022, "2.21", "Antara, target nasional 2022: " + ANTARA_2022, False),
    (
        "tfr", 2024, "2.10",
        "RPJMN 2020–2024 (Kemendukbangga/BKKBN kepada DPR): "
        "https://www.pantau.com/nasional/280465/kemendukbangga-paparkan-capaian-positif-ke-dpr-angka-kelahiran-dan-stunting-turun-menuju-indonesia-emas-2045",
        False,
    ),
    (
        "mcpr", 2024, "63.41",
        "RPJMN 2020–2024: https://wantimpres.go.id/?p=124492 ; " + JAMBI,
        False,
    ),
    ("unmet-need", 2021, "8.30", "Perwakilan BKKBN Jambi: " + JAMBI, False),
    ("unmet-need", 2022, "8.0", "Antara, target nasional 2022: " + ANTARA_2022, False),
    (
        "unmet-need", 2023, "7.70",
        "Rumusan sumber ambigu: https://radarutara.bacakoran.co/amp/5534/upaya-pemerintah-menjaga-kesehatan-reproduksi-pekerja-pemerintah-gelar-layanan-kb-di-tempat-kerja/32",
        True,
    ),
    ("unmet-need", 2024, "7.40", "RPJMN 2020–2024, Perwakilan BKKBN Jambi: " + JAMBI, False),
    ("ibangga", 2023, "59.00", "BKKBN, capaian pembangunan keluarga 2023: " + RADARBANGKA, False),
    ("mukp", 2023, "22.1", "BKKBN, capaian pembangunan keluarga 2023: " + RADARBANGKA, False),
    (
        "stunting", 2024, "14",
        "Perpres 72/2021 tentang Percepatan Penurunan Stunting, Pasal 5 (target 14% pada 2024).",
        False,
    ),
    (
        "stunting", 2025, "18",
        "Target 2025 direvisi menjadi 18% (Keputusan Bappenas tentang lokasi fokus 2025; RPJMN "
        "2025–2029 menyebut 18,8%): "
        "https://menjadi-lebih.kompas.id/baca/humaniora/2024/10/30/target-prevalensi-tengkes-direvisi-jadi-18-persen",
        False,
    ),
    (
        "stunting", 2029, "14.2",
        "RPJMN 2025–2029 (Bappenas): "
        "https://news.harianjogja.com/read/2025/01/18/500/1201350/bappenas-targetkan-penurunan-prevalensi-stunting-142-persen-di-akhir-2029",
        False,
    ),
]


def seed(apps, schema_editor):
    Indicator = apps.get_model("indicators", "Indicator")
    NationalTarget = apps.get_model("indicators", "NationalTarget")
    by_code = {}
    for order, data in enumerate(INDICATORS, start=1):
        fields = {k: v for k, v in data.items() if k != "code"}
        indicator, _created = Indicator.objects.update_or_create(
            code=data["code"], defaults={**fields, "order": order * 10}
        )
        by_code[indicator.code] = indicator
    for code, year, value, source, uncertain in NATIONAL_TARGETS:
        NationalTarget.objects.update_or_create(
            indicator=by_code[code],
            year=year,
            defaults={"value": Decimal(value), "source": source, "is_uncertain": uncertain},
        )


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_targets_values_adoptions")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
