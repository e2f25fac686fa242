"""Demo work plans (marked `is_demo`): approved 2025 plans with 5–10 activities for the demo
Pokja of Sulsel 73, 73.06, 73.71, 73.16, 73.24, 73.09, 73.08 and 73.05 — not 73.72 Parepare, so
the effectiveness matrix shows a Pokja without a work plan. Idempotent; relies on the workgroups
demo (`WorkGroup.objects.filter(is_demo=True)`)."""

import datetime

from django.core.files.base import ContentFile

from core.pdf import render_pdf
from planning import services
from planning.models import WorkPlan

YEAR = 2025
PLAN_REGIONS = ["73", "73.06", "73.71", "73.16", "73.24", "73.09", "73.08", "73.05"]
ACTIVITY_COUNTS = [10, 9, 8, 7, 6, 7, 5, 6]  # per region above: 5 to 10 activities

# title, sub-group code, start, end, expected output, indicator codes, cost, cost source, status,
# progress note
ACTIVITIES = [
    (
        "Rapat koordinasi Pokja Bangga Kencana triwulanan",
        "advokasi",
        1,
        12,
        "4 kali rapat koordinasi dengan notulen",
        ["tfr", "mcpr"],
        24_000_000,
        "apbd",
        "done",
        "Rapat triwulan I–IV terlaksana.",
    ),
    (
        "Advokasi pimpinan daerah untuk integrasi indikator Bangga Kencana ke RKPD",
        "advokasi",
        2,
        5,
        "Indikator Bangga Kencana masuk RKPD 2026",
        ["tfr", "stunting"],
        15_000_000,
        "apbd",
        "done",
        "Disepakati dalam forum perangkat daerah.",
    ),
    (
        "Pembinaan Kampung KB tingkat kecamatan",
        "kampung-kb",
        3,
        10,
        "Kampung KB berklasifikasi Berkembang bertambah",
        ["mcpr", "unmet-need"],
        30_000_000,
        "apbn_bok",
        "done",
        "Pembinaan di 6 kecamatan.",
    ),
    (
        "Audit kasus stunting semester I",
        "tpps",
        4,
        6,
        "Rekomendasi tindak lanjut kasus stunting",
        ["stunting"],
        18_500_000,
        "apbd",
        "done",
        "Hasil audit dibahas bersama TPPS.",
    ),
    (
        "Sosialisasi pendewasaan usia perkawinan bagi remaja",
        "kie",
        5,
        8,
        "Sosialisasi di 10 sekolah menengah",
        ["asfr-15-19", "mukp"],
        12_000_000,
        "partner",
        "done",
        "Bekerja sama dengan Kemenag dan TP-PKK.",
    ),
    (
        "Pemutakhiran data keluarga untuk perencanaan",
        "data-informasi",
        6,
        9,
        "Data keluarga mutakhir per desa",
        ["ibangga"],
        9_750_000,
        "apbd",
        "ongoing",
        "Pemutakhiran di 60% desa.",
    ),
    (
        "Penyusunan dokumen GDPK",
        "gdpk",
        7,
        11,
        "Draf GDPK disetujui Bappeda",
        [],
        40_000_000,
        "apbd",
        "ongoing",
        "Draf bab I–III selesai.",
    ),
    (
        "Audit kasus stunting semester II",
        "tpps",
        10,
        12,
        "Rekomendasi tindak lanjut kasus stunting",
        ["stunting"],
        18_500_000,
        "apbd",
        "planned",
        "",
    ),
    (
        "Pelayanan KB serentak (bakti sosial)",
        "kampung-kb",
        8,
        8,
        "500 akseptor baru MKJP",
        ["mcpr", "pa-mkjp"],
        20_000_000,
        "dak",
        "done",
        "612 akseptor baru terlayani.",
    ),
    (
        "Lokakarya evaluasi Forum Komunikasi Pokja",
        "advokasi",
        11,
        12,
        "Laporan evaluasi tahunan Pokja",
        [],
        10_000_000,
        "apbd",
        "cancelled",
        "Digabung dengan forum provinsi.",
    ),
]


def _approver(region):
    if region.is_province:
        return "Sekretaris Daerah (demo)", f"Sekretaris Daerah Provinsi {region.name}, Ketua Pokja"
    return "Sekretaris Daerah (demo)", f"Sekretaris Daerah {region.name}, Ketua Pokja"


def _plan_pdf(plan) -> bytes:
    """A readable 'signed' work plan made with WeasyPrint (demo only)."""
    from django.utils.html import escape

    rows = "".join(
        f"<tr><td>{i}</td><td>{escape(a.title)}</td><td>{a.period_label}</td></tr>"
        for i, a in enumerate(plan.activities.all(), start=1)
    )
    html = (
        "<html><body><h2>[DEMO] " + escape(str(plan)) + "</h2>"
        "<p>" + escape(plan.workgroup.name) + "</p>"
        "<table border='1' cellpadding='4'><tr><th>No</th><th>Kegiatan</th><th>Waktu</th></tr>"
        + rows
        + "</table>"
        "<p>Disetujui: " + escape(plan.approver_name or "") + "</p></body></html>"
    )
    return render_pdf(html)


def _source(code, region):
    if code == "apbd":
        return "apbd_province" if region.is_province else "apbd_regency"
    return code


def load(stdout):
    from indicators.models import Indicator
    from workgroups.demo import active_demo_workgroups
    from workgroups.models import SubGroup

    workgroups = active_demo_workgroups(PLAN_REGIONS)
    if not workgroups:
        stdout.write(
            "Demo work plans: skipped (no demo Pokja yet; the workgroups demo loads them)."
        )
        return
    subgroups = {s.code: s for s in SubGroup.objects.all()}
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    created = 0
    for index, code in enumerate(PLAN_REGIONS):
        workgroup = workgroups.get(code)
        if workgroup is None or WorkPlan.objects.filter(workgroup=workgroup, year=YEAR).exists():
            continue
        region = workgroup.region
        plan = services.create_plan(
            by=None,
            workgroup=workgroup,
            year=YEAR,
            title=f"[DEMO] Rencana Kerja Pokja Bangga Kencana {region.name} {YEAR}",
            notes="Data demo.",
            is_demo=True,
        )
        institutions = list(region.institutions.values_list("pk", flat=True)[:3])
        count = ACTIVITY_COUNTS[index]
        for n, (title, sub, start, end, output, codes, cost, source, status, note) in enumerate(
            ACTIVITIES[:count]
        ):
            services.save_activity(
                by=None,
                plan=plan,
                title=title,
                subgroup=subgroups.get(sub),
                start_month=start,
                end_month=end,
                expected_output=output,
                planned_cost=cost,
                cost_source=_source(source, region),
                status=status,
                progress_note=note,
                institutions=institutions[
                    n % max(len(institutions), 1) : n % max(len(institutions), 1) + 1
                ],
                indicators=[indicators[c] for c in codes if c in indicators],
            )
        name, position = _approver(region)
        plan = services.approve_plan(
            by=None,
            plan=plan,
            expected_version=plan.version,
            approved_on=datetime.date(YEAR, 1, 10 + index),
            approver_name=name,
            approver_position=position,
        )
        plan.approver_name = name
        pdf = ContentFile(_plan_pdf(plan), name="rencana-kerja.pdf")
        plan = services.update_plan(by=None, plan=plan, expected_version=plan.version, document=pdf)
        created += 1
    stdout.write(f"Demo work plans: {created} created ({YEAR}, approved).")
