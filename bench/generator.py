"""Synthetic national data for benchmarks (`manage.py generate_national_data`).

For every province and kab/kota (or only the provinces asked for) a Pokja with realistic gaps,
its institutions, members, decrees, five years of work plans, activities, budgets, adopted
indicators, indicator targets and realisations, meetings with attendance and action items.

Deterministic: every region draws from its own `random.Random(f"{seed}:{code}")`, and every date
is relative to the reference year, so the same seed and year give the same rows (ids aside)
whichever provinces are generated. Rows are written in bulk, bypassing model signals and so the
automatic audit (the command writes one audit record and marks the cached assessment statuses
stale at the end): `bulk_create` for the rows whose ids later rows point to, and for the large
tables (attendance, action items, indicator values and targets, adoptions, links) plain tuples
written by `bench.rows.insert_rows` (COPY on PostgreSQL, `executemany` elsewhere) — building a model
instance and compiling an INSERT per row was most of the run time.

Completeness varies by province: each province draws a "maturity" that sets the chance of a
kab/kota having a Pokja, a decree in force with its PDF, an approved plan, a budget and adopted
indicators, so the effectiveness matrix looks different from one province to the next.
"""

import datetime
import random
import time
from collections import Counter
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection, transaction

from bench.rows import BATCH, insert_rows
from budget.models import BudgetAllocation
from indicators.models import Indicator, NationalTarget, Target, Value, WorkGroupIndicator
from meetings.models import ActionItem, InvitedRegion, Meeting, Participant
from planning.models import Activity, WorkPlan
from regions.models import Region
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup

D = datetime.date
UTC = datetime.UTC
YEARS = 5
# Files every generated decree points to (one small PDF, written once under MEDIA_ROOT).
DECREE_FILE = "bench/sk-sintetis.pdf"
# Indicators added to the catalogue when it has fewer than asked (clearly named as synthetic).
SYNTHETIC_PREFIX = "sintetis-"
SYNTHETIC_ACTIVITY_NOTE = "Data sintetis untuk uji kinerja"

FIRST = [
    "Andi", "Muhammad", "Siti", "Nurhayati", "Ahmad", "Rahmawati", "Syamsul", "Hasnah", "Irwan",
    "Fatmawati", "Abdul", "Nurul", "Budi", "Kartini", "Rusdi", "Dewi", "Bambang", "Marlina",
    "Arifin", "Wayan", "Made", "Ketut", "Yohanes", "Maria", "Agus", "Sri", "Eko", "Putu",
    "Dedi", "Rina", "Hendra", "Yuliana", "Teuku", "Cut", "Rudi", "Lestari", "Imam", "Ayu",
]  # fmt: skip
LAST = [
    "Saputra", "Wijaya", "Rahman", "Syarif", "Tahir", "Latif", "Hamzah", "Siregar", "Nasution",
    "Harahap", "Simanjuntak", "Pratama", "Santoso", "Susanto", "Hidayat", "Kurniawan", "Lubis",
    "Setiawan", "Gunawan", "Sitompul", "Manurung", "Wibowo", "Utami", "Purba", "Tanjung",
    "Sinaga", "Daeng", "Mahendra", "Suryani", "Yusuf", "Hasan", "Karim", "Ramli", "Nainggolan",
]  # fmt: skip
TITLES = ["", "", "", "Dr. ", "Ir. ", "Hj. ", "H. "]
DEGREES = ["", "", ", S.Sos.", ", S.KM., M.Kes.", ", S.E., M.Si.", ", S.Pd.", ", S.ST.", ", M.A.P."]
# (name pattern, sector, government)
INSTITUTIONS = [
    ("Sekretariat Daerah {where}", "regional_government", True),
    ("Badan Perencanaan Pembangunan Daerah {where}", "regional_government", True),
    ("Dinas Kesehatan {where}", "regional_government", True),
    ("Dinas Pengendalian Penduduk dan Keluarga Berencana {where}", "regional_government", True),
    ("Dinas Kependudukan dan Pencatatan Sipil {where}", "regional_government", True),
    ("Dinas Pemberdayaan Masyarakat dan Desa {where}", "regional_government", True),
    ("Dinas Sosial {where}", "regional_government", True),
    ("Dinas Pendidikan {where}", "regional_government", True),
    ("Kantor Kementerian Agama {where}", "vertical_agency", True),
    ("Badan Pusat Statistik {where}", "vertical_agency", True),
    ("Tim Penggerak PKK {where}", "community", False),
    ("Majelis Ulama Indonesia {where}", "religious", False),
    ("Ikatan Bidan Indonesia {where}", "professional", False),
    ("Koalisi Kependudukan {where}", "ngo", False),
    ("Radio Republik Indonesia {where}", "media", False),
]
POSITIONS = [
    "Kepala Dinas", "Sekretaris Dinas", "Kepala Bidang", "Kepala Seksi", "Penyuluh KB",
    "Analis Kebijakan", "Staf Ahli", "Ketua", "Anggota", "Koordinator Lapangan",
]  # fmt: skip
ACTIVITIES = [
    "Rapat koordinasi Pokja", "Advokasi kepada pimpinan daerah", "Pembinaan Kampung KB",
    "Audit kasus stunting", "Sosialisasi GDPK", "Pelatihan kader BKB", "Pendataan keluarga",
    "Penyusunan profil kependudukan", "Kampanye KIE KB", "Pelayanan KB serentak",
    "Monitoring dan evaluasi program", "Forum Genre remaja", "Penguatan Dapur Sehat Atasi Stunting",
    "Orientasi tim pendamping keluarga", "Rembuk stunting", "Penyusunan rencana aksi daerah",
]  # fmt: skip
MEETING_TITLES = [
    "Rapat Koordinasi Pokja Bangga Kencana", "Forum Komunikasi Pokja Bangga Kencana",
    "Rapat Evaluasi Triwulan", "Bimbingan Teknis Pendataan Keluarga", "Rapat Advokasi Stunting",
]  # fmt: skip
ACTION_TITLES = [
    "Menyusun laporan capaian", "Mengirim data realisasi indikator", "Mengusulkan anggaran Pokja",
    "Memperbarui SK Pokja", "Menyelenggarakan rembuk stunting", "Memutakhirkan data Kampung KB",
    "Menyampaikan notulen ke pimpinan", "Menindaklanjuti hasil audit kasus stunting",
]  # fmt: skip
# Centre of realistic values per catalogue code when no national target is known.
VALUE_CENTRE = {
    "tfr": 2.2, "mcpr": 60, "unmet-need": 9, "asfr-15-19": 25, "ibangga": 60, "mukp": 21,
    "stunting": 22, "pa-mkjp": 25, "dcr": 25, "keluarga-terjangkau": 70, "ipbk": 60,
}  # fmt: skip
MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class AlreadyGenerated(Exception):
    pass


def ensure_indicators(count: int) -> list[Indicator]:
    """The first `count` active catalogue indicators, adding synthetic monthly ones if the
    catalogue is smaller (named and coded as synthetic, never mistaken for real ones)."""
    indicators = list(Indicator.objects.filter(is_active=True).order_by("order", "code"))
    for number in range(len(indicators) + 1, count + 1):
        indicator, _created = Indicator.objects.get_or_create(
            code=f"{SYNTHETIC_PREFIX}{number:02d}",
            defaults={
                "name": f"Indikator sintetis {number} (uji kinerja)",
                "unit": "%",
                "direction": Indicator.Direction.HIGHER,
                "periodicity": Indicator.Periodicity.MONTHLY,
                "max_value": Decimal(100),
                "order": 900 + number,
                "definition": SYNTHETIC_ACTIVITY_NOTE,
            },
        )
        indicators.append(indicator)
    return indicators[:count]


def _name(rng):
    return f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}{rng.choice(DEGREES)}"


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    """A meeting time: `hour` o'clock WITA (UTC+8) as an aware UTC datetime."""
    return datetime.datetime(day.year, day.month, day.day, hour - 8, 0, tzinfo=UTC)


class Generator:
    """Builds the rows region by region and writes them province by province."""

    def __init__(self, *, seed: int, year: int, provinces=None, scale: float = 1.0, history=1,
                 stdout=None):  # fmt: skip
        self.seed = seed
        self.year = year
        # `history` times five years (BENCH_SCALE): more years of plans, budgets, targets,
        # values, meetings and action items on the same regions and Pokja.
        self.history = history
        self.years = list(range(year - YEARS * history + 1, year + 1))
        self.province_codes = provinces
        self.scale = scale
        self.stdout = stdout
        self.counts: Counter = Counter()

    def n(self, full: int) -> int:
        """A per-Pokja quantity at the chosen scale (at least 1)."""
        return max(1, round(full * self.scale))

    def rng(self, *parts) -> random.Random:
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    # -- set-up ------------------------------------------------------------------------------

    def prepare(self):
        if not Region.objects.filter(level=Region.Level.PROVINCE).exists():
            raise ValueError("No regions: run `manage.py load_regions` first.")
        if WorkGroup.objects.exists() or Meeting.objects.exists():
            raise AlreadyGenerated(
                "This database already has Pokja or meetings (generated or real). "
                "generate_national_data only runs on a fresh database."
            )
        provinces = Region.objects.filter(level=Region.Level.PROVINCE)
        if self.province_codes:
            provinces = provinces.filter(code__in=self.province_codes)
            missing = set(self.province_codes) - {p.code for p in provinces}
            if missing:
                raise ValueError(f"Unknown province codes: {', '.join(sorted(missing))}")
        self.provinces = list(provinces.order_by("code"))
        self.children = {}
        for region in Region.objects.filter(parent__in=self.provinces).order_by("code"):
            self.children.setdefault(region.parent_id, []).append(region)
        self.subgroups = list(SubGroup.objects.filter(is_active=True).order_by("order", "code"))
        self.indicators = ensure_indicators(15)
        self.national = {
            (t.indicator_id, t.year): float(t.value) for t in NationalTarget.objects.all()
        }
        if not default_storage.exists(DECREE_FILE):
            default_storage.save(DECREE_FILE, ContentFile(MINIMAL_PDF))

    def run(self) -> Counter:
        self.prepare()
        for province in self.provinces:
            started = time.monotonic()
            with transaction.atomic():
                regions = [province, *self.children.get(province.pk, [])]
                self.write_province(province, regions)
            if self.stdout:
                self.stdout.write(
                    f"  {province.code} {province.name}: {len(regions)} regions, "
                    f"{time.monotonic() - started:.1f} s"
                )
        # Fresh planner statistics and, on PostgreSQL, a vacuumed visibility map, as a database
        # in use has them: otherwise autovacuum does this later, in the middle of a measurement.
        with connection.cursor() as cursor:
            vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        return self.counts

    def save(self, model, rows):
        """bulk_create in batches; returns the rows with their primary keys."""
        if rows:
            model.objects.bulk_create(rows, batch_size=BATCH)
            self.counts[model._meta.label] += len(rows)
        return rows

    def insert(self, model, columns, rows, *, returning=False):
        """Plain tuples of `columns` values (`insert_rows`); with `returning`, their new ids."""
        ids = insert_rows(model, columns, rows, returning=returning)
        if rows:
            self.counts[model._meta.label] += len(rows)
        return ids

    # -- one province ------------------------------------------------------------------------

    def write_province(self, province, regions):
        maturity = self.rng(province.code, "maturity").uniform(0.15, 0.95)
        plans = {}  # region code -> its choices
        workgroups = []
        for region in regions:
            rng = self.rng(region.code)
            chance = 0.95 if region.is_province else 0.3 + 0.65 * maturity
            plan = {"rng": rng, "has_workgroup": rng.random() < chance}
            plans[region.code] = plan
            if plan["has_workgroup"]:
                formed = D(self.year - rng.randint(4, 7), rng.randint(1, 12), rng.randint(1, 28))
                plan["formed"] = formed
                workgroups.append(
                    WorkGroup(
                        region=region,
                        name=f"Pokja Bangga Kencana {region.display_name}",
                        formed_on=formed,
                        secretariat_office=f"Dinas Pengendalian Penduduk dan KB {region.name}",
                        contact_name=_name(rng),
                        contact_phone=f"+628{rng.randint(1100000000, 1399999999)}",
                        contact_email=f"pokja.{region.code.replace('.', '')}@contoh.go.id",
                        is_demo=True,
                    )
                )
        self.save(WorkGroup, workgroups)
        by_region = {wg.region_id: wg for wg in workgroups}
        through = WorkGroup.subgroups.through
        self.insert(
            through,
            ("workgroup_id", "subgroup_id"),
            [
                (wg.pk, sg.pk)
                for wg in workgroups
                for sg in plans[wg.region.code]["rng"].sample(
                    self.subgroups, min(len(self.subgroups), 4)
                )
            ],
        )
        institutions = {}
        rows = []
        for region in regions:
            if region.pk not in by_region:
                continue
            where = f"Provinsi {region.name}" if region.is_province else region.name
            own = [
                Institution(
                    region=region,
                    name=pattern.format(where=where),
                    sector=sector,
                    is_government=government,
                )
                for pattern, sector, government in INSTITUTIONS
            ]
            institutions[region.pk] = own
            rows += own
        self.save(Institution, rows)
        self.write_members(regions, plans, by_region, institutions)
        self.write_decrees(regions, plans, by_region, maturity)
        self.write_plans(regions, plans, by_region, institutions, maturity)
        self.write_indicators(regions, plans, by_region, maturity)
        self.write_meetings(province, regions, plans, by_region, institutions)

    def write_members(self, regions, plans, by_region, institutions):
        roles = ["adviser", "responsible", "chair", "vice_chair", "secretary"] + ["coordinator"] * 4
        rows = []
        for region in regions:
            wg = by_region.get(region.pk)
            if wg is None:
                continue
            rng = plans[region.code]["rng"]
            members = []
            for index in range(self.n(25)):
                institution = rng.choice(institutions[region.pk])
                members.append(
                    Member(
                        workgroup=wg,
                        name=_name(rng),
                        position=f"{rng.choice(POSITIONS)}, {institution.name}"[:200],
                        institution=institution,
                        role=roles[index] if index < len(roles) else "member",
                        subgroup=rng.choice(self.subgroups) if index >= 5 else None,
                        phone=f"+628{rng.randint(1100000000, 1399999999)}",
                        email=f"anggota{index + 1}.{region.code.replace('.', '')}@contoh.id",
                        active_from=plans[region.code]["formed"],
                    )
                )
            plans[region.code]["members"] = members
            rows += members
        self.save(Member, rows)

    def write_decrees(self, regions, plans, by_region, maturity):
        rows = []
        for region in regions:
            wg = by_region.get(region.pk)
            if wg is None:
                continue
            plan = plans[region.code]
            rng = plan["rng"]
            draw = rng.random()
            formed = plan["formed"]
            issuer = "governor" if region.is_province else rng.choice(["regent", "mayor"])
            number = f"188.4.45/{rng.randint(10, 999)}/KPTS/{formed.year}"
            title = f"Pembentukan Pokja Bangga Kencana {region.display_name}"
            if draw < 0.04:
                continue  # a Pokja without any recorded SK
            if draw < 0.04 + 0.35 * (1 - maturity):
                # Expired during the reference year or the year before, never renewed.
                until = D(self.year - rng.randint(0, 1), rng.randint(1, 11), 28)
                rows.append(
                    Decree(workgroup=wg, number=number, title=title, signed_on=formed,
                           issuer=issuer, kind="formation", valid_from=formed,
                           valid_until=max(until, formed), file=DECREE_FILE)
                )  # fmt: skip
                continue
            first_until = D(formed.year + 3, formed.month, 1)
            rows.append(
                Decree(workgroup=wg, number=number, title=title, signed_on=formed, issuer=issuer,
                       kind="formation", valid_from=formed, valid_until=first_until,
                       file=DECREE_FILE)
            )  # fmt: skip
            renewal = first_until + datetime.timedelta(days=rng.randint(-30, 0))
            no_pdf = rng.random() < 0.15 * (1 - maturity)
            rows.append(
                Decree(workgroup=wg, number=f"188.4.45/{rng.randint(10, 999)}/KPTS/{renewal.year}",
                       title=f"Perubahan {title}", signed_on=renewal, issuer=issuer,
                       kind="renewal", valid_from=renewal,
                       valid_until=None if rng.random() < 0.3 else D(self.year + 3, 12, 31),
                       file="" if no_pdf else DECREE_FILE)
            )  # fmt: skip
        self.save(Decree, rows)

    def write_plans(self, regions, plans, by_region, institutions, maturity):
        work_plans, budgets = [], []
        for region in regions:
            wg = by_region.get(region.pk)
            if wg is None:
                continue
            plan = plans[region.code]
            rng = plan["rng"]
            chair = plan["members"][2].name if len(plan["members"]) > 2 else _name(rng)
            plan["work_plans"] = []
            for year in self.years:
                if rng.random() < 0.45 + 0.5 * maturity:
                    approved = rng.random() < 0.5 + 0.45 * maturity
                    work_plan = WorkPlan(
                        workgroup=wg,
                        year=year,
                        title=f"Rencana Kerja Pokja {region.name} {year}",
                        status="approved" if approved else "draft",
                        approved_on=D(year, rng.randint(1, 3), rng.randint(1, 28))
                        if approved
                        else None,
                        approver_name=chair if approved else "",
                        approver_position="Ketua Pokja" if approved else "",
                        is_demo=True,
                    )
                    work_plans.append(work_plan)
                    plan["work_plans"].append(work_plan)
                if rng.random() < 0.35 + 0.6 * maturity:
                    amount = rng.randint(5, 60) * 10_000_000
                    done = year < self.year or rng.random() < 0.5
                    realised = amount * rng.randint(40, 100) // 100 if done else 0
                    budgets.append(
                        BudgetAllocation(
                            workgroup=wg,
                            year=year,
                            source="apbd_province" if region.is_province else "apbd_regency",
                            amount=amount,
                            purpose="Operasional Pokja dan Forum Komunikasi",
                            document_reference=f"DPA/{rng.randint(100, 999)}/{year}",
                            realised=realised,
                            realised_on=D(year, 12, 31) if realised else None,
                            is_demo=True,
                        )
                    )
        self.save(WorkPlan, work_plans)
        self.save(BudgetAllocation, budgets)
        activities = []
        for region in regions:
            plan = plans[region.code]
            for work_plan in plan.get("work_plans", []):
                rng = plan["rng"]
                for _index in range(self.n(20)):
                    start = rng.randint(1, 12)
                    cost = rng.choice([0, 5, 10, 25, 50]) * 1_000_000
                    past = work_plan.year < self.year
                    status = rng.choices(
                        ["planned", "ongoing", "done", "cancelled"],
                        [1, 2, 12, 1] if past else [6, 4, 4, 1],
                    )[0]
                    activities.append(
                        (work_plan.pk, f"{rng.choice(ACTIVITIES)} {region.name}"[:300],
                         rng.choice(self.subgroups).pk, start, rng.randint(start, 12),
                         "Laporan kegiatan", cost, "apbd_regency" if cost else "", status)
                    )  # fmt: skip
        ids = self.insert(
            Activity,
            ("plan_id", "title", "subgroup_id", "start_month", "end_month", "expected_output",
             "planned_cost", "cost_source", "status"),
            activities,
            returning=True,
        )  # fmt: skip
        links = Activity.indicators.through
        self.insert(
            links,
            ("activity_id", "indicator_id"),
            [(pk, self.indicators[pk % len(self.indicators)].pk) for pk in ids],
        )

    def _value(self, rng, indicator, year, centre, drift):
        cap = float(indicator.max_value) if indicator.max_value is not None else None
        # The trend is anchored five years back whatever the history (older years extend it).
        value = centre * (1 + drift * (year - self.year + YEARS - 1)) * rng.uniform(0.9, 1.1)
        if cap is not None:
            value = min(value, cap * 0.98)
        return Decimal(f"{max(value, 0):.{min(indicator.decimals, 4)}f}")

    def write_indicators(self, regions, plans, by_region, maturity):
        targets, values, adoptions = [], [], []
        for region in regions:
            rng = self.rng(region.code, "indicators")
            adopts = {
                year: rng.random() < 0.4 + 0.55 * maturity
                for year in self.years
                if region.pk in by_region
            }
            for indicator in self.indicators:
                national = [v for (i, _y), v in self.national.items() if i == indicator.pk]
                centre = (national[0] if national else VALUE_CENTRE.get(indicator.code, 50)) * (
                    rng.uniform(0.7, 1.3)
                )
                drift = -0.02 if indicator.is_lower_better else 0.02
                monthly = indicator.periodicity == Indicator.Periodicity.MONTHLY
                source = "eppgbm" if indicator.code == "stunting" else "pk"
                for year in self.years:
                    target = self._value(rng, indicator, year, centre, drift * 1.5)
                    targets.append((region.pk, indicator.pk, year, target, True))
                    for period in [f"M{m:02d}" for m in range(1, 13)] if monthly else [""]:
                        values.append(
                            (region.pk, indicator.pk, year, period, source, True,
                             self._value(rng, indicator, year, centre, drift))
                        )  # fmt: skip
                    if adopts.get(year):
                        adoptions.append(
                            (by_region[region.pk].pk, indicator.pk, year, target, True)
                        )
        self.insert(Target, ("region_id", "indicator_id", "year", "value", "is_demo"), targets)
        self.insert(
            Value,
            ("region_id", "indicator_id", "year", "period", "source", "is_demo", "value"),
            values,
        )
        self.insert(
            WorkGroupIndicator,
            ("workgroup_id", "indicator_id", "year", "target", "is_demo"),
            adoptions,
        )

    def write_meetings(self, province, regions, plans, by_region, institutions):
        rows, meetings = [], []  # meetings: (region, forum, day) of each row
        for region in regions:
            if region.pk not in by_region:
                continue
            rng = plans[region.code]["rng"]
            for year in self.years:
                for month in range(1, self.n(12) + 1):
                    day = D(year, month, rng.randint(3, 26))
                    forum = region.is_province and month % 3 == 0
                    rows.append(
                        (region.pk,
                         f"{MEETING_TITLES[1] if forum else rng.choice(MEETING_TITLES)} "
                         f"{region.name} {month:02d}/{year}",
                         "forum" if forum else "coordination", _local(day, 9), _local(day, 12),
                         f"Aula {institutions[region.pk][0].name}"[:250],
                         f"005/{rng.randint(100, 999)}/Pokja/{year}", "Undangan rapat",
                         day - datetime.timedelta(days=7))
                    )  # fmt: skip
                    meetings.append((region, forum, day))
        ids = self.insert(
            Meeting,
            ("region_id", "title", "kind", "starts_at", "ends_at", "venue", "letter_number",
             "letter_subject", "letter_date"),
            rows,
            returning=True,
        )  # fmt: skip
        invited, participants, items = [], [], []
        attendance = ["present", "present", "present", "represented", "absent"]
        # What every attendance row of a member repeats.
        attendees = {
            region.code: [
                (member.pk, member.institution_id, region.pk, member.name, member.position[:200],
                 member.institution.name)
                for member in plans[region.code]["members"]
            ]
            for region in regions
            if region.pk in by_region
        }  # fmt: skip
        for meeting_pk, (region, forum, day) in zip(ids, meetings, strict=True):
            plan = plans[region.code]
            rng = plan["rng"]
            children = self.children.get(region.pk, []) if region.is_province else []
            if forum:
                invited += [(meeting_pk, child.pk) for child in children]
            for member_pk, institution_pk, region_pk, name, position, where in attendees[
                region.code
            ]:
                state = rng.choice(attendance)
                participants.append(
                    (meeting_pk, member_pk, institution_pk, region_pk, name, position, where,
                     state, _name(rng) if state == "represented" else "")
                )  # fmt: skip
            for index in range(self.n(8)):
                due = day + datetime.timedelta(days=rng.randint(14, 90))
                past = due.year < self.year
                status = rng.choices(
                    ["open", "in_progress", "done", "dropped"],
                    [1, 1, 8, 1] if past else [4, 3, 3, 1],
                )[0]
                closed = status in ("done", "dropped")
                assignee = rng.choice(children) if children and index % 2 else region
                items.append(
                    (region.pk, meeting_pk, "action",
                     f"{ACTION_TITLES[index % len(ACTION_TITLES)]} ({assignee.name})"[:250],
                     assignee.pk, due, status, _local(due, 15) if closed else None,
                     rng.choice(plan["members"]).pk if assignee == region else None)
                )  # fmt: skip
        self.insert(InvitedRegion, ("meeting_id", "region_id"), invited)
        self.insert(
            Participant,
            ("meeting_id", "member_id", "institution_id", "region_id", "name", "position",
             "institution_name", "attendance", "represented_by"),
            participants,
        )  # fmt: skip
        self.insert(
            ActionItem,
            ("region_id", "meeting_id", "kind", "title", "assigned_region_id", "due_date",
             "status", "closed_at", "assigned_member_id"),
            items,
        )  # fmt: skip
