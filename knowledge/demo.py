"""Demo data of the knowledge centre and strategic issues (titles prefixed "[DEMO]", marked
`is_demo`). Idempotent; relies on the planning and policies demos for the links (missing links
are skipped).

- The system templates (`knowledge.seed`, not demo: they are real templates).
- Demo guides, national and from Sulsel, one per category, as readable PDFs.
- Strategic issues: three for Gowa (stunting, answered by a 2025 activity; child marriage,
  answered by a policy; unmet need, answered by nothing: shown as unanswered), two for Makassar
  and one for the province, so the themes page shows stunting shared by three regions.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils.html import escape

from core import pdf
from knowledge import services
from knowledge.models import KnowledgeDocument, StrategicIssue
from knowledge.seed import seed_system_templates

C = KnowledgeDocument.Category
T = StrategicIssue.Theme

# publisher code (None: national), category, title, description, edition, date
GUIDES = [
    (
        None,
        C.FORMATION,
        "[DEMO] Panduan Pembentukan Pokja Bangga Kencana",
        "Langkah membentuk Pokja: pemetaan perangkat daerah dan mitra, penyusunan SK kepala "
        "daerah, masa berlaku 3–5 tahun, dan pembaruan SK yang kedaluwarsa.",
        "2.0",
        datetime.date(2024, 2, 12),
    ),
    (
        None,
        C.WORK_PLAN,
        "[DEMO] Panduan Penyusunan Rencana Kerja Pokja",
        "Menyusun rencana kerja tahunan: kegiatan per bidang, jadwal, keluaran, indikator yang "
        "dituju dan biaya; pengesahan oleh ketua Pokja.",
        "1.1",
        datetime.date(2024, 11, 4),
    ),
    (
        None,
        C.INDICATORS,
        "[DEMO] Panduan Penetapan Target Indikator Bangga Kencana",
        "Memilih indikator (TFR, mCPR, unmet need, stunting, iBangga), menetapkan target daerah "
        "dan mencatat realisasi beserta sumber datanya.",
        "1.0",
        datetime.date(2025, 1, 20),
    ),
    (
        "73",
        C.BUDGET,
        "[DEMO] Panduan Penganggaran Operasional Pokja dalam APBD",
        "Perwakilan BKKBN Sulawesi Selatan meminta setiap kabupaten/kota menganggarkan operasional "
        "Pokja: nomenklatur kegiatan, sumber dana (APBD, BOK-KB, DAK, dana desa) dan bukti DPA.",
        "1.0",
        datetime.date(2025, 3, 3),
    ),
    (
        None,
        C.ADVOCACY,
        "[DEMO] Panduan Advokasi Integrasi Indikator Bangga Kencana ke RPJMD dan RKPD",
        "Strategi advokasi kepada kepala daerah dan Bappeda agar indikator Bangga Kencana masuk "
        "dokumen perencanaan daerah, termasuk penyusunan GDPK.",
        "1.0",
        datetime.date(2024, 6, 17),
    ),
    (
        "73",
        C.FORUM,
        "[DEMO] Pedoman Forum Komunikasi Pokja Bangga Kencana Sulawesi Selatan",
        "Tata cara forum komunikasi provinsi dan kabupaten/kota: agenda, undangan, daftar hadir, "
        "notulen dan tindak lanjut.",
        "1.0",
        datetime.date(2023, 7, 24),
    ),
]

# region, theme, priority, title, description, sub-group, indicators, activity titles (2025),
# policy titles
ISSUES = [
    (
        "73.06",
        T.STUNTING,
        "high",
        "[DEMO] Prevalensi stunting jauh di atas target",
        "Prevalensi balita stunting hasil survei masih jauh di atas target daerah; sebaran kasus "
        "terpusat di kecamatan dataran tinggi.",
        "tpps",
        ["stunting"],
        ["Audit kasus stunting semester I"],
        [],
    ),
    (
        "73.06",
        T.CHILD_MARRIAGE,
        "high",
        "[DEMO] Perkawinan anak masih tinggi",
        "Kelahiran pada perempuan usia 15–19 tahun tinggi; dispensasi kawin meningkat.",
        "kie",
        ["asfr-15-19", "mukp"],
        [],
        ["[DEMO] Pencegahan Perkawinan Anak di Kabupaten Gowa"],
    ),
    (
        "73.06",
        T.UNMET_NEED,
        "medium",
        "[DEMO] Unmet need KB tinggi di kecamatan terpencil",
        "Pasangan usia subur di desa pegunungan sulit menjangkau layanan KB.",
        "kampung-kb",
        ["unmet-need"],
        [],
        [],
    ),
    (
        "73.71",
        T.STUNTING,
        "high",
        "[DEMO] Stunting di permukiman padat pesisir",
        "Kasus stunting terkonsentrasi di kelurahan pesisir dengan sanitasi buruk.",
        "tpps",
        ["stunting"],
        ["Audit kasus stunting semester I"],
        ["[DEMO] Percepatan Penurunan Stunting di Kota Makassar"],
    ),
    (
        "73.71",
        T.CHILD_MARRIAGE,
        "medium",
        "[DEMO] Pernikahan usia remaja di kawasan pinggiran kota",
        "Remaja putus sekolah menikah sebelum usia 19 tahun.",
        "kie",
        ["asfr-15-19"],
        ["Sosialisasi pendewasaan usia perkawinan bagi remaja"],
        [],
    ),
    (
        "73",
        T.STUNTING,
        "high",
        "[DEMO] Penurunan stunting belum merata antar-kabupaten/kota",
        "Sebagian kabupaten/kota menurun lebih lambat dari rata-rata provinsi.",
        "tpps",
        ["stunting"],
        [],
        ["[DEMO] Percepatan Penurunan Stunting di Provinsi Sulawesi Selatan"],
    ),
]
PERIOD = (2025, 2029)
ACTIVITY_YEAR = 2025


def _guide_pdf(title, description) -> bytes:

    html = (
        "<html lang='id'><body><p>DOKUMEN CONTOH (DEMO)</p><h1>"
        + escape(title)
        + "</h1><p>"
        + escape(description)
        + "</p><h2>1. Pendahuluan</h2><p>Panduan ini membantu Pokja Bangga Kencana bekerja "
        "secara efektif.</p><h2>2. Langkah-langkah</h2><ol><li>Persiapan</li><li>Pelaksanaan"
        "</li><li>Pemantauan dan evaluasi</li></ol></body></html>"
    )
    return pdf.render_pdf(html)


def _load_guides():
    from regions.models import Region

    publishers = {r.code: r for r in Region.objects.filter(code__in={"73"})}
    created = 0
    for code, category, title, description, edition, issued_on in GUIDES:
        if KnowledgeDocument.objects.filter(title=title).exists():
            continue
        if code and code not in publishers:
            continue
        services.save_document(
            by=None,
            publisher=publishers.get(code) if code else None,
            file=ContentFile(_guide_pdf(title, description), name=f"{title[7:]}.pdf"),
            is_demo=True,
            title=title,
            category=category,
            kind=KnowledgeDocument.Kind.GUIDE,
            description=description,
            edition=edition,
            issued_on=issued_on,
            is_published=True,
        )
        created += 1
    return created


def _child_marriage_policy(region):
    """The Gowa regulation on preventing child marriage the demo issue links to (being drafted)."""
    from policies.models import Policy
    from policies.services import save_policy

    title = "[DEMO] Pencegahan Perkawinan Anak di Kabupaten Gowa"
    if Policy.objects.filter(region=region, title=title).exists():
        return
    policy = save_policy(
        by=None,
        region=region,
        kind="perbup_perwali",
        number="",
        title=title,
        status="drafting",
        summary="Data demo: rancangan Perbup yang disusun bidang KIE Pokja.",
    )
    Policy.objects.filter(pk=policy.pk).update(is_demo=True)


def _load_issues():
    from indicators.models import Indicator
    from planning.models import Activity
    from policies.models import Policy
    from regions.models import Region
    from workgroups.models import SubGroup

    regions = {r.code: r for r in Region.objects.filter(code__in={i[0] for i in ISSUES})}
    if "73.06" in regions:
        _child_marriage_policy(regions["73.06"])
    subgroups = {s.code: s for s in SubGroup.objects.all()}
    indicators = dict(Indicator.objects.filter(is_active=True).values_list("code", "pk"))
    created = 0
    for code, theme, priority, title, description, sub, codes, activities, policies in ISSUES:
        region = regions.get(code)
        if region is None or StrategicIssue.objects.filter(region=region, title=title).exists():
            continue
        activity_ids = list(
            Activity.objects.filter(
                plan__workgroup__region=region, plan__year=ACTIVITY_YEAR, title__in=activities
            ).values_list("pk", flat=True)
        )
        policy_ids = list(
            Policy.objects.filter(region=region, title__in=policies).values_list("pk", flat=True)
        )
        services.save_issue(
            by=None,
            region=region,
            is_demo=True,
            title=title,
            description=description,
            theme=theme,
            priority=priority,
            period_start=PERIOD[0],
            period_end=PERIOD[1],
            subgroup=subgroups.get(sub),
            indicators=[indicators[c] for c in codes if c in indicators],
            activities=activity_ids,
            policies=policy_ids,
        )
        created += 1
    return created


def load(stdout):
    seed_system_templates(stdout)
    guides = _load_guides()
    issues = _load_issues()
    stdout.write(f"Demo knowledge centre: {guides} guides; strategic issues: {issues} created.")
