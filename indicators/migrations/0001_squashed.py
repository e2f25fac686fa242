"""Squashed before the first release, 2026-12-05 (docs/DEVELOPING.md, "Migrations")."""

import django.core.validators
import django.db.models.deletion
from decimal import Decimal

from django.conf import settings
from django.db import migrations, models


# The catalogue (docs/domain.md §3 definitions, §4 national targets), frozen here on purpose:
# a migration must not change with later code. Rows are updated by code / (code, year), so the
# seed is safe on a database that already has them (conftest.reseed_catalogues re-runs it).
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


def seed_catalogue(apps, schema_editor):
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

# Every national target names its primary source document and year first, before the
# secondary article it was read from; sources an administrator changed are left alone.
RPJMN_2020 = "RPJMN 2020–2024 (Perpres 18/2020)"
RPJMN_2025 = "RPJMN 2025–2029 (Perpres 12/2025)"
RENSTRA = "Renstra BKKBN 2020–2024"
UNCHECKED = " (angka belum dicocokkan dengan dokumen primer)"

PRIMARY = {
    ("tfr", 2021): f"{RENSTRA}, target tahun 2021{UNCHECKED}",
    ("tfr", 2022): f"{RENSTRA}, target tahun 2022{UNCHECKED}",
    ("tfr", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("mcpr", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("unmet-need", 2021): f"{RENSTRA}, target tahun 2021{UNCHECKED}",
    ("unmet-need", 2022): f"{RENSTRA}, target tahun 2022{UNCHECKED}",
    ("unmet-need", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("unmet-need", 2024): f"{RPJMN_2020}, target tahun 2024",
    ("ibangga", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("mukp", 2023): f"{RENSTRA}, target tahun 2023{UNCHECKED}",
    ("stunting", 2024): f"Perpres 72/2021 Pasal 5 dan {RPJMN_2020}, target tahun 2024",
    ("stunting", 2025): (
        f"{RPJMN_2025}, target tahun 2025 (dokumen menyebut 18,8%; 18% adalah revisi Bappenas)"
    ),
    ("stunting", 2029): f"{RPJMN_2025}, target tahun 2029",
}
PREFIX = "Dokumen primer: "
SECONDARY = ". Rujukan: "

def name_documents(apps, schema_editor):
    NationalTarget = apps.get_model("indicators", "NationalTarget")
    for target in NationalTarget.objects.select_related("indicator"):
        document = PRIMARY.get((target.indicator.code, target.year))
        if document and not target.source.startswith(PREFIX):
            target.source = f"{PREFIX}{document}{SECONDARY}{target.source}"
            target.save(update_fields=["source"])

def seed(apps, schema_editor):
    seed_catalogue(apps, schema_editor)
    name_documents(apps, schema_editor)


class Migration(migrations.Migration):

    initial = True
    replaces = [('indicators', name) for name in ('0001_initial', '0002_targets_values_adoptions', '0003_seed_catalogue', '0004_indicator_metadata_plan_document', '0005_national_target_primary_documents')]

    dependencies = [('regions', '0001_squashed'), ('workgroups', '0001_squashed'), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.CreateModel(
            name='Indicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('code', models.SlugField(max_length=30, unique=True, verbose_name='code')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('definition', models.TextField(blank=True, verbose_name='definition')),
                ('unit', models.CharField(max_length=50, verbose_name='unit')),
                ('direction', models.CharField(choices=[('higher', 'Higher is better'), ('lower', 'Lower is better')], max_length=6, verbose_name='direction')),
                ('decimals', models.PositiveSmallIntegerField(default=2, validators=[django.core.validators.MaxValueValidator(4)], verbose_name='decimals')),
                ('usual_source', models.CharField(blank=True, max_length=200, verbose_name='usual data source')),
                ('periodicity', models.CharField(choices=[('yearly', 'Yearly'), ('quarterly', 'Quarterly'), ('monthly', 'Monthly')], default='yearly', max_length=10, verbose_name='periodicity')),
                ('reference', models.CharField(blank=True, max_length=300, verbose_name='source of the definition')),
                ('max_value', models.DecimalField(blank=True, decimal_places=4, help_text='For example 100 for a percentage or an index; empty when there is no limit.', max_digits=12, null=True, verbose_name='largest possible value')),
                ('is_active', models.BooleanField(default=True, verbose_name='active')),
                ('order', models.PositiveSmallIntegerField(default=0, verbose_name='order')),
                ('concept', models.TextField(blank=True, verbose_name='concept')),
                ('interpretation', models.TextField(blank=True, verbose_name='interpretation')),
                ('method', models.TextField(blank=True, verbose_name='method of calculation')),
                ('formula', models.CharField(blank=True, max_length=500, verbose_name='formula')),
                ('collection_frequency', models.CharField(blank=True, max_length=100, verbose_name='collection frequency')),
                ('disaggregation', models.CharField(blank=True, max_length=200, verbose_name='disaggregation level')),
                ('producer', models.CharField(blank=True, max_length=200, verbose_name='producer')),
            ],
            options={
                'verbose_name': 'indicator',
                'verbose_name_plural': 'indicators',
                'ordering': ['order', 'code'],
            },
        ),
        migrations.CreateModel(
            name='NationalTarget',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('value', models.DecimalField(decimal_places=4, max_digits=12, verbose_name='target')),
                ('source', models.TextField(help_text='Document and address of the source.', verbose_name='source')),
                ('is_uncertain', models.BooleanField(default=False, help_text='The source is ambiguous or the figure could not be confirmed.', verbose_name='uncertain')),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='national_targets', to='indicators.indicator', verbose_name='indicator')),
            ],
            options={
                'verbose_name': 'national target',
                'verbose_name_plural': 'national targets',
                'ordering': ['indicator', 'year'],
                'constraints': [models.UniqueConstraint(fields=('indicator', 'year'), name='unique_national_target_per_year', violation_error_message='This indicator already has a national target for this year.'), models.CheckConstraint(condition=models.Q(('value__gte', 0)), name='national_target_not_negative', violation_error_message='A target cannot be negative.')],
            },
        ),
        migrations.CreateModel(
            name='Target',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('value', models.DecimalField(decimal_places=4, max_digits=12, verbose_name='target')),
                ('plan_document', models.CharField(blank=True, choices=[('', 'not stated'), ('RPJMD', 'RPJMD'), ('RKPD', 'RKPD')], db_default='', default='', max_length=5, verbose_name='planning document')),
                ('import_source', models.CharField(blank=True, db_default='', default='', max_length=200, verbose_name='imported from')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='targets', to='indicators.indicator', verbose_name='indicator')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='indicator_targets', to='regions.region', verbose_name='region')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'target',
                'verbose_name_plural': 'targets',
                'ordering': ['region__code', 'indicator__order', 'year'],
                'indexes': [models.Index(fields=['indicator', 'year'], name='target_indicator_year')],
                'constraints': [models.UniqueConstraint(fields=('region', 'indicator', 'year'), name='unique_target_per_region_indicator_year', violation_error_message='This region already has a target for this indicator and year.'), models.CheckConstraint(condition=models.Q(('value__gte', 0)), name='target_not_negative', violation_error_message='A target cannot be negative.')],
            },
        ),
        migrations.CreateModel(
            name='Value',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('period', models.CharField(blank=True, choices=[('', 'Whole year'), ('Q1', 'Quarter I'), ('Q2', 'Quarter II'), ('Q3', 'Quarter III'), ('Q4', 'Quarter IV'), ('M01', 'January'), ('M02', 'February'), ('M03', 'March'), ('M04', 'April'), ('M05', 'May'), ('M06', 'June'), ('M07', 'July'), ('M08', 'August'), ('M09', 'September'), ('M10', 'October'), ('M11', 'November'), ('M12', 'December')], default='', max_length=3, verbose_name='period')),
                ('source', models.CharField(choices=[('ssgi', 'SSGI'), ('ski', 'SKI'), ('eppgbm', 'e-PPGBM'), ('pk', 'Pendataan Keluarga (PK)'), ('susenas', 'Susenas'), ('lf_sp2020', 'Long Form SP2020'), ('other', 'Other')], max_length=10, verbose_name='data source')),
                ('value', models.DecimalField(decimal_places=4, max_digits=12, verbose_name='realisation')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='values', to='indicators.indicator', verbose_name='indicator')),
                ('region', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='indicator_values', to='regions.region', verbose_name='region')),
                ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'realisation',
                'verbose_name_plural': 'realisations',
                'ordering': ['region__code', 'indicator__order', 'year', 'period', 'source'],
                'indexes': [models.Index(fields=['indicator', 'year', 'source', 'period'], name='value_ranking')],
                'constraints': [models.UniqueConstraint(fields=('region', 'indicator', 'year', 'period', 'source'), name='unique_value_per_period_and_source', violation_error_message='This region already has a value for this indicator, period and data source.'), models.CheckConstraint(condition=models.Q(('value__gte', 0)), name='value_not_negative', violation_error_message='A value cannot be negative.'), models.CheckConstraint(condition=models.Q(('period__in', ['', 'Q1', 'Q2', 'Q3', 'Q4', 'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12'])), name='value_period_known', violation_error_message='Unknown period.')],
            },
        ),
        migrations.CreateModel(
            name='WorkGroupIndicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='year')),
                ('target', models.DecimalField(blank=True, decimal_places=4, max_digits=12, null=True, verbose_name='Pokja target')),
                ('note', models.CharField(blank=True, max_length=500, verbose_name='note')),
                ('is_demo', models.BooleanField(default=False, verbose_name='demo data')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('indicator', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='adoptions', to='indicators.indicator', verbose_name='indicator')),
                ('workgroup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='adopted_indicators', to='workgroups.workgroup', verbose_name='Pokja')),
            ],
            options={
                'verbose_name': 'adopted indicator',
                'verbose_name_plural': 'adopted indicators',
                'ordering': ['workgroup', 'year', 'indicator__order'],
                'indexes': [models.Index(fields=['year', 'workgroup'], name='adoption_year_workgroup')],
                'constraints': [models.UniqueConstraint(fields=('workgroup', 'indicator', 'year'), name='unique_adoption_per_year', violation_error_message='This Pokja already adopted this indicator for this year.'), models.CheckConstraint(condition=models.Q(('target__isnull', True), ('target__gte', 0), _connector='OR'), name='adoption_target_not_negative', violation_error_message='A target cannot be negative.')],
            },
        ),
        migrations.RunPython(seed, migrations.RunPython.noop),
    ]
