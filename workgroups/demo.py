"""Demo Pokja for Sulawesi Selatan (never in production; `manage.py load_demo`). Idempotent:
a region that already has a Pokja (demo or real) is left alone.

Completeness follows the shared demo plan (year 2025):
- a Pokja with a decree in force (and its PDF): 73, 73.06, 73.71, 73.16, 73.24, 73.09, 73.72, 73.05;
- a Pokja whose only decree has expired: 73.08 Bone;
- no Pokja: every other kab/kota of Sulsel (e.g. 73.03 Bantaeng).
Names of people and decree numbers are made up; every Pokja is marked `is_demo` and named
"… (demo)"; every PDF says "DOKUMEN CONTOH (DEMO)".
"""

import datetime
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify

from audit.models import AuditEvent
from audit.registry import record
from regions.models import Region
from workgroups import services
from workgroups.decree_pdf import issuer_office, render_decree_pdf
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup

D = datetime.date

# code: (members, sub-group codes, [(number, kind, signed_on, valid_from, valid_until)])
PLAN = {
    "73": (28, ["advokasi", "kampung-kb", "gdpk", "tpps", "kie", "data-informasi"], [
        ("441/V/TAHUN 2023", "formation", D(2023, 5, 15), D(2023, 5, 15), D(2028, 5, 14)),
    ]),
    "73.06": (24, ["advokasi", "kampung-kb", "tpps", "kie", "data-informasi"], [
        ("188.4.45/127/KPTS/2022", "formation", D(2022, 3, 1), D(2022, 3, 1), D(2026, 12, 31)),
        ("188.4.45/311/KPTS/2024", "amendment", D(2024, 6, 24), D(2024, 7, 1), D(2027, 12, 31)),
    ]),
    "73.71": (26, ["advokasi", "gdpk", "tpps", "kie", "data-informasi"], [
        ("476/050.05/Kep/III/2020", "formation", D(2020, 3, 9), D(2020, 3, 9), D(2023, 12, 31)),
        ("476/112.05/Kep/I/2024", "renewal", D(2024, 1, 15), D(2024, 1, 15), D(2028, 12, 31)),
    ]),
    "73.16": (18, ["advokasi", "kampung-kb", "tpps"], [
        ("188.45/214/KPTS/2023", "formation", D(2023, 7, 12), D(2023, 7, 12), D(2027, 7, 11)),
    ]),
    "73.24": (16, ["advokasi", "tpps", "data-informasi"], [
        ("188.4.45/98/VI/2023", "formation", D(2023, 6, 5), D(2023, 6, 5), D(2028, 6, 4)),
    ]),
    "73.09": (14, ["advokasi", "kampung-kb", "kie"], [
        ("188.4/217/KPTS/III/2024", "formation", D(2024, 3, 18), D(2024, 3, 18), None),
    ]),
    "73.72": (12, ["advokasi", "tpps"], [
        ("476.1/35/Kep/2024", "formation", D(2024, 2, 2), D(2024, 2, 2), D(2028, 2, 1)),
    ]),
    "73.05": (10, ["advokasi", "tpps", "kie"], [
        ("188.45/109/2023", "formation", D(2023, 10, 2), D(2023, 10, 2), D(2027, 10, 1)),
    ]),
    # Bone: the Pokja exists but its only decree expired at the end of 2022.
    "73.08": (14, ["advokasi", "kampung-kb", "tpps"], [
        ("188.4.45/412/KPTS/2019", "formation", D(2019, 8, 1), D(2019, 8, 1), D(2022, 12, 31)),
    ]),
}  # fmt: skip

FIRST = [
    "Andi", "Muhammad", "Sitti", "Nurhayati", "Ahmad", "Rahmawati", "Syamsul", "Hasnah", "Irwan",
    "Fatmawati", "Abdul", "Nurul", "Haerul", "Kartini", "Rusdi", "Sulfiani", "Baharuddin",
    "Marlina", "Arifin", "Jumriani", "Amiruddin", "Hamsinah", "Zainal", "Risnawati",
]  # fmt: skip
LAST = [
    "Makkasau", "Baso", "Daeng Ngemba", "Rahman", "Syarif", "Tahir", "Latif", "Hamzah", "Pawennari",
    "Mappiare", "Saleh", "Karim", "Nawir", "Sudirman", "Hafid", "Ramli", "Yusuf", "Hasan",
]  # fmt: skip
TITLES = ["", "", "", "Dr. ", "Ir. ", "Hj. ", "H. "]
DEGREES = ["", ", S.Sos.", ", S.KM., M.Kes.", ", S.E., M.Si.", ", S.Pd.", ", S.ST.", ", M.A.P."]

# The offices every region has, by sector: {key: name}; the name is followed by the region's.
OFFICES = {
    "regional_government": {
        "setda": "Sekretariat Daerah",
        "bappeda": "Badan Perencanaan Pembangunan Daerah",
        "dinkes": "Dinas Kesehatan",
        "kb": "Dinas Pengendalian Penduduk dan Keluarga Berencana",
        "dukcapil": "Dinas Kependudukan dan Pencatatan Sipil",
        "dpmd": "Dinas Pemberdayaan Masyarakat dan Desa",
        "dinsos": "Dinas Sosial",
        "kominfo": "Dinas Komunikasi dan Informatika",
    },
    "vertical_agency": {"kemenag": "Kantor Kementerian Agama", "bps": "Badan Pusat Statistik"},
    "community": {"pkk": "Tim Penggerak PKK"},
    "religious": {"mui": "Majelis Ulama Indonesia"},
    "professional": {"ibi": "Ikatan Bidan Indonesia"},
}


def _institutions(region):
    """(key, name, sector) of the institutions typical for this region's Pokja."""
    if region.is_province:
        where = f"Provinsi {region.name}"
    else:
        where = region.name
    rows = [
        (key, f"{name} {where}", sector)
        for sector, offices in OFFICES.items()
        for key, name in offices.items()
    ]
    town = region.name.replace("Kabupaten ", "").replace("Kota ", "")
    rows.append(("bank", f"Bank Sulselbar Cabang {town}", "business"))
    if region.is_province:
        rows += [
            ("bkkbn", "Perwakilan BKKBN Provinsi Sulawesi Selatan", "vertical_agency"),
            ("univ", "Universitas Hasanuddin", "academia"),
            ("ngo", "PKBI Daerah Sulawesi Selatan", "ngo"),
            ("media", "Harian Fajar", "media"),
        ]
    elif region.code == "73.71":
        rows += [
            ("univ", "Universitas Negeri Makassar", "academia"),
            ("ngo", "Koalisi Kependudukan Kota Makassar", "ngo"),
            ("media", "Tribun Timur", "media"),
        ]
    elif region.code == "73.72":
        rows += [("univ", "Universitas Muhammadiyah Parepare", "academia")]
    else:
        rows += [("ngo", f"Koalisi Kependudukan {where}", "ngo")]
    return rows


def _head_positions(region):
    office, _issuer = issuer_office(region)
    head = office.title()
    if region.is_province:
        return head, "Sekretaris Daerah Provinsi", "Wakil Gubernur Sulawesi Selatan"
    short = region.name.replace("Kabupaten ", "").replace("Kota ", "")
    deputy = (
        f"Wakil Wali Kota {short}" if region.name.startswith("Kota ") else f"Wakil Bupati {short}"
    )
    return head, "Sekretaris Daerah", deputy


# Positions of ordinary members: (position, institution key), cycled through.
MEMBER_POSITIONS = [
    ("Kepala Dinas Kesehatan", "dinkes"),
    ("Kepala Dinas Kependudukan dan Pencatatan Sipil", "dukcapil"),
    ("Kepala Dinas Pemberdayaan Masyarakat dan Desa", "dpmd"),
    ("Kepala Dinas Sosial", "dinsos"),
    ("Kepala Kantor Kementerian Agama", "kemenag"),
    ("Kepala Badan Pusat Statistik", "bps"),
    ("Ketua Tim Penggerak PKK", "pkk"),
    ("Ketua Majelis Ulama Indonesia", "mui"),
    ("Ketua Ikatan Bidan Indonesia", "ibi"),
    ("Kepala Dinas Komunikasi dan Informatika", "kominfo"),
    ("Pemimpin Cabang", "bank"),
    ("Dosen Fakultas Kesehatan Masyarakat", "univ"),
    ("Direktur Eksekutif", "ngo"),
    ("Redaktur Pelaksana", "media"),
    ("Kepala Perwakilan", "bkkbn"),
    ("Kepala Bidang Pengendalian Penduduk", "kb"),
    ("Kepala Bidang Keluarga Berencana", "kb"),
    ("Kepala Bidang Pemerintahan dan Pembangunan Manusia", "bappeda"),
    ("Kepala Bidang Kesehatan Masyarakat", "dinkes"),
    ("Kepala Seksi Pemberdayaan Keluarga", "kb"),
]


def _person(rng, used) -> tuple[str, str]:
    """A made-up name with titles, and an e-mail handle without them."""
    while True:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{rng.choice(TITLES)}{first} {last}{rng.choice(DEGREES)}"
        handle = slugify(f"{first} {last}").replace("-", ".")
        if name not in used and handle not in used:
            used.update({name, handle})
            return name, handle


def _members(region, count, subgroups, institutions, rng):
    """Unsaved members: the leadership first, a coordinator per sub-group, then members."""
    head, secretary_general, deputy = _head_positions(region)
    used: set[str] = set()
    people = [
        ("adviser", head, "setda", None),
        ("responsible", secretary_general, "setda", None),
        ("chair", deputy, "setda", None),
        ("vice_chair", "Kepala Badan Perencanaan Pembangunan Daerah", "bappeda", None),
        ("secretary", "Kepala Dinas Pengendalian Penduduk dan KB", "kb", None),
    ]
    for subgroup in subgroups:
        people.append(("coordinator", f"Koordinator Bidang {subgroup.name}", "kb", subgroup))
    positions = [p for p in MEMBER_POSITIONS if p[1] in institutions]
    index = 0
    while len(people) < count:
        position, key = positions[index % len(positions)]
        subgroup = subgroups[index % len(subgroups)] if subgroups else None
        people.append(("member", position, key, subgroup))
        index += 1
    members = []
    for role, position, key, subgroup in people[:count]:
        name, handle = _person(rng, used)
        members.append(
            Member(
                name=name,
                position=position,
                institution=institutions[key],
                role=role,
                subgroup=subgroup,
                phone=f"+628{_mobile_prefix(rng.randint(11, 53))}{rng.randint(1000_0000, 9999_9999)}",
                email=f"{handle}@example.org",
            )
        )
    return members


# Indonesian mobile prefixes (after 08) that phonenumbers accepts; the demo's random draw picks
# one of them, so the draws (and all demo data after them) stay as they were.
_MOBILE_PREFIXES = ("11", "12", "13", "21", "22", "23", "51", "52", "53", "55", "56", "57", "58")


def _mobile_prefix(draw: int) -> str:
    return _MOBILE_PREFIXES[draw % len(_MOBILE_PREFIXES)]


def _load_region(region, count, subgroup_codes, decrees, stdout):
    rng = random.Random(f"sipokja-demo-{region.code}")
    subgroups = list(SubGroup.objects.filter(code__in=subgroup_codes).order_by("order"))
    office_name = (
        "Perwakilan BKKBN Provinsi Sulawesi Selatan"
        if region.is_province
        else f"Dinas Pengendalian Penduduk dan Keluarga Berencana {region.name}"
    )
    with transaction.atomic():
        institutions = {}
        for key, name, sector in _institutions(region):
            institution = Institution.objects.filter(region=region, name=name).first()
            if institution is None:
                institution = services.create_institution(
                    by=None, region=region, name=name, sector=sector
                )
            institutions[key] = institution
        display = f"Provinsi {region.name}" if region.is_province else region.name
        workgroup = services.create_workgroup(
            by=None,
            region=region,
            name=f"Pokja Bangga Kencana {display} (demo)",
            formed_on=decrees[0][2],
            secretariat_office=office_name,
            contact_name=f"Sekretariat Pokja {display}",
            contact_phone=f"0411{rng.randint(100000, 999999)}",
            contact_email=f"pokja.{slugify(region.name)}@example.org",
            subgroups=subgroups,
            is_demo=True,
        )
        members = _members(region, count, subgroups, institutions, rng)
        for member in members:
            member.workgroup = workgroup
            member.active_from = decrees[0][3]
        Member.objects.bulk_create(members)
        _office, issuer = issuer_office(region)
        lampiran = [
            (m.get_role_display(), f"{m.position} ({m.name})", m.institution.name)
            for m in services.sort_members(members)
        ]
        for number, kind, signed_on, valid_from, valid_until in decrees:
            title = f"Pembentukan Kelompok Kerja Bangga Kencana {display}"
            if kind == "amendment":
                title = f"Perubahan atas Keputusan tentang {title}"
            pdf = render_decree_pdf(
                region=region,
                number=number,
                title=title,
                signed_on=signed_on,
                valid_from=valid_from,
                valid_until=valid_until,
                members=lampiran,
            )
            services.add_decree(
                by=None,
                workgroup=workgroup,
                number=number,
                title=title,
                kind=kind,
                issuer=issuer,
                signed_on=signed_on,
                valid_from=valid_from,
                valid_until=valid_until,
                file=ContentFile(pdf, name=f"SK {number.replace('/', '-')}.pdf"),
            )
        record(
            action=AuditEvent.Action.OTHER,
            code="members.demo_loaded",
            instance=workgroup,
            region_code=region.code,
            changes={"members": [None, len(members)]},
        )
    return workgroup


def load(stdout):
    regions = {r.code: r for r in Region.objects.filter(code__in=PLAN).select_related("parent")}
    if not regions:
        stdout.write("Demo Pokja: skipped (load the regions first: manage.py load_regions).")
        return
    created = 0
    for code, (count, subgroup_codes, decrees) in PLAN.items():
        region = regions.get(code)
        if region is None or WorkGroup.objects.filter(region=region).exists():
            continue
        _load_region(region, count, subgroup_codes, decrees, stdout)
        created += 1
    total = WorkGroup.objects.filter(is_demo=True).count()
    decrees = Decree.objects.filter(workgroup__is_demo=True).count()
    stdout.write(f"Demo Pokja: {created} created, {total} in total, {decrees} decrees with PDF.")


def active_demo_workgroups(codes) -> dict:
    """The active demo Pokja of the regions `codes` (what other apps' demo data hangs on), by
    region code."""
    return {
        wg.region.code: wg
        for wg in WorkGroup.objects.filter(
            is_demo=True, status="active", region__code__in=codes
        ).select_related("region")
    }
