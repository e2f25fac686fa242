"""The criteria configuration per year: defaults, and copying a year's set to the next."""

from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_noop

from assessment.models import Criterion

# The four basic criteria (BKKBN Perwakilan Sulsel, 2023) and the optional ones from the
# Deputi Pengendalian Penduduk (2022); see docs/domain.md §2. Names are stored in
# Indonesian, the language of the official criteria.
DEFAULTS = [
    {
        "code": "sk",
        "kind": Criterion.Kind.DECREE,
        "name": gettext_noop("SK Pembentukan Pokja"),
        "description": "Surat Keputusan penetapan/pembentukan Pokja yang berlaku pada tanggal penilaian, dengan berkas PDF yang ditandatangani.",
        "is_active": True,
        "settings": {"require_pdf": True},
    },
    {
        "code": "rencana_kerja",
        "kind": Criterion.Kind.WORK_PLAN,
        "name": gettext_noop("Rencana Kerja"),
        "description": "Rencana Kerja Pokja tahun berjalan yang telah disetujui, dengan sekurang-kurangnya satu kegiatan.",
        "is_active": True,
        "settings": {"min_activities": 1},
    },
    {
        "code": "indikator",
        "kind": Criterion.Kind.INDICATORS,
        "name": gettext_noop("Indikator Bangga Kencana"),
        "description": "Pokja menetapkan sekurang-kurangnya satu indikator Bangga Kencana dengan target tahun berjalan.",
        "is_active": True,
        "settings": {"min_indicators": 1},
    },
    {
        "code": "anggaran",
        "kind": Criterion.Kind.BUDGET,
        "name": gettext_noop("Anggaran Operasional"),
        "description": "Sekurang-kurangnya satu alokasi anggaran untuk operasional Pokja pada tahun berjalan dengan jumlah di atas nol.",
        "is_active": True,
        "settings": {"min_amount": 1},
    },
    {
        "code": "gdpk",
        "kind": Criterion.Kind.GDPK,
        "name": gettext_noop("GDPK"),
        "description": "Daerah memiliki Grand Design Pembangunan Kependudukan (GDPK) yang telah ditetapkan.",
        "is_active": False,
        "settings": {},
    },
    {
        "code": "integrasi_perencanaan",
        "kind": Criterion.Kind.PLANNING_INTEGRATION,
        "name": gettext_noop("Indikator dalam RPJMD/RKPD"),
        "description": "Indikator Bangga Kencana terintegrasi dalam dokumen perencanaan daerah (RPJMD atau RKPD) yang telah ditetapkan.",
        "is_active": False,
        "settings": {"min_indicators": 1},
    },
    {
        "code": "opd_kb",
        "kind": Criterion.Kind.DECLARED,
        "name": gettext_noop("OPD KB yang lengkap"),
        "description": "Tersedia perangkat daerah yang lengkap yang menangani urusan pengendalian penduduk dan keluarga berencana.",
        "is_active": False,
        "settings": {},
    },
]


@transaction.atomic
def ensure_year(year: int) -> None:
    """Make sure the national criteria of `year` exist: copied from the latest earlier year that
    has them (so national admins' changes carry over), otherwise the defaults. Idempotent."""
    if Criterion.objects.filter(year=year, province__isnull=True).exists():
        return
    previous = (
        Criterion.objects.filter(year__lt=year, province__isnull=True)
        .order_by("-year")
        .values_list("year", flat=True)
        .first()
    )
    if previous:
        rows = [
            Criterion(year=year, code=c.code, name=c.name, description=c.description, kind=c.kind,
                      is_active=c.is_active, order=c.order, settings=c.settings, province=c.province)
            for c in Criterion.objects.filter(year=previous)
        ]  # fmt: skip
    else:
        rows = [
            Criterion(year=year, order=index, **{k: v for k, v in default.items()})
            for index, default in enumerate(DEFAULTS)
        ]
    Criterion.objects.bulk_create(rows, ignore_conflicts=True)


def criteria_for(year: int, province_ids=()) -> list[Criterion]:
    """National criteria of `year` plus the own criteria of the given provinces (ids), active or not."""
    ensure_year(year)
    return list(
        Criterion.objects.filter(
            Q(province__isnull=True) | Q(province_id__in=list(province_ids)), year=year
        ).order_by("province_id", "order", "pk")
    )
