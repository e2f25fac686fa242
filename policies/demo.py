"""Demo policies (marked `is_demo`, titles prefixed "[DEMO]"): regulations on stunting and on
the Pokja, and planning documents that integrate Bangga Kencana indicators (TFR and stunting
when the indicator catalogue has them). Idempotent; needs no other demo data."""

import datetime

from policies import services
from policies.models import Policy

# region, kind, number, title, status, issued_on, sub-group, period, indicator codes
POLICIES = [
    (
        "73",
        "rpjmd",
        "3 Tahun 2025",
        "[DEMO] Rencana Pembangunan Jangka Menengah Daerah Provinsi Sulawesi Selatan 2025–2029",
        "enacted",
        datetime.date(2025, 6, 30),
        "advokasi",
        (2025, 2029),
        ["tfr", "stunting", "mcpr"],
    ),
    (
        "73",
        "pergub",
        "19 Tahun 2022",
        "[DEMO] Percepatan Penurunan Stunting di Provinsi Sulawesi Selatan",
        "enacted",
        datetime.date(2022, 5, 12),
        "tpps",
        None,
        [],
    ),
    (
        "73.06",
        "perbup_perwali",
        "12 Tahun 2023",
        "[DEMO] Percepatan Penurunan Stunting di Kabupaten Gowa",
        "enacted",
        datetime.date(2023, 3, 20),
        "tpps",
        None,
        [],
    ),
    (
        "73.06",
        "rkpd",
        "25 Tahun 2024",
        "[DEMO] Rencana Kerja Pemerintah Daerah Kabupaten Gowa Tahun 2025",
        "enacted",
        datetime.date(2024, 7, 15),
        "advokasi",
        (2025, 2025),
        ["tfr", "stunting"],
    ),
    (
        "73.06",
        "perbup_perwali",
        "",
        "[DEMO] Pokja Bangga Kencana Kabupaten Gowa",
        "drafting",
        None,
        "advokasi",
        None,
        [],
    ),
    (
        "73.71",
        "perbup_perwali",
        "45 Tahun 2022",
        "[DEMO] Percepatan Penurunan Stunting di Kota Makassar",
        "enacted",
        datetime.date(2022, 9, 1),
        "tpps",
        None,
        [],
    ),
    (
        "73.16",
        "gdpk",
        "8 Tahun 2021",
        "[DEMO] Grand Design Pembangunan Kependudukan Kabupaten Enrekang 2021–2045",
        "enacted",
        datetime.date(2021, 8, 17),
        "gdpk",
        (2021, 2045),
        ["tfr", "ibangga"],
    ),
]


def load(stdout):
    from indicators.models import Indicator
    from regions.models import Region
    from workgroups.models import SubGroup

    regions = {r.code: r for r in Region.objects.filter(code__in={p[0] for p in POLICIES})}
    subgroups = {s.code: s for s in SubGroup.objects.all()}
    indicators = dict(Indicator.objects.values_list("code", "pk"))
    created = 0
    for code, kind, number, title, status, issued_on, sub, period, codes in POLICIES:
        region = regions.get(code)
        if region is None or Policy.objects.filter(region=region, title=title).exists():
            continue
        policy = services.save_policy(
            by=None,
            region=region,
            kind=kind,
            number=number,
            title=title,
            status=status,
            issued_on=issued_on,
            subgroup=subgroups.get(sub),
            period_start=period[0] if period else None,
            period_end=period[1] if period else None,
            summary="Data demo.",
            indicators=[indicators[c] for c in codes if c in indicators],
        )
        Policy.objects.filter(pk=policy.pk).update(is_demo=True)
        created += 1
    stdout.write(f"Demo policies: {created} created.")
