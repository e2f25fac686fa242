"""Demo forum data for Sulawesi Selatan (never in production; `manage.py load_demo`). Idempotent:
each meeting, item and announcement is looked up by its title (all end in " (demo)") and made
only once. Relies on the demo users (accounts) and the demo Pokja (workgroups) when present.

- The Forum Komunikasi of 24–25 July 2023 at Hotel Ramcy Panakukang, Makassar (docs/domain.md §1),
  for all 24 kab/kota, with attendance, approved minutes, decisions and the kab/kota commitments
  (some done, some overdue).
- The 2025 forum with its own commitments (budget in APBD 2026), one due soon.
- A Gowa coordination meeting (held) and the next one (coming up), with an item assigned to the
  demo member `anggota.gowa`.
- Announcements from the province, read by Gowa.
Names of people are made up except the head of the provincial office named in the sources.
"""

import datetime
import io
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from meetings import services
from meetings.models import ActionItem, Announcement, Letterhead, Meeting, Participant, ProgressNote
from regions.models import Region
from workgroups.models import Member, WorkGroup

WITA = ZoneInfo("Asia/Makassar")
D = datetime.date

FORUM_2023 = "Pengelolaan Forum Komunikasi Kelompok Program Bangga Kencana Tingkat Provinsi dan Kabupaten/Kota (demo)"
FORUM_2025 = "Forum Komunikasi Pokja Bangga Kencana Provinsi Sulawesi Selatan Tahun 2025 (demo)"
GOWA_HELD = "Rapat Koordinasi Pokja Bangga Kencana Kabupaten Gowa Triwulan III 2025 (demo)"
GOWA_NEXT = "Rapat Evaluasi Rencana Kerja Pokja Kabupaten Gowa (demo)"
ANNOUNCEMENTS = (
    "Undangan Forum Komunikasi Pokja Bangga Kencana 2025 (demo)",
    "Batas unggah rencana kerja dan SK Pokja 2026 (demo)",
)

# Who did not come to the 2023 forum, and who sent a deputy.
ABSENT_2023 = {"73.03", "73.26"}
REPRESENTED_2023 = {"73.08": "Sekretaris Dinas", "73.22": "Kepala Bidang Pengendalian Penduduk"}

# (code, title, due, final status, progress note) of the 2023 commitments.
COMMITMENTS_2023 = [
    ("73.06", "Mengalokasikan anggaran operasional Pokja dalam APBD 2024 (demo)", D(2023, 12, 31), "done",
     "Anggaran operasional Pokja tercantum dalam DPA DPPKB 2024."),
    ("73.71", "Mengalokasikan anggaran operasional Pokja dalam APBD 2024 (demo)", D(2023, 12, 31), "done",
     "Dianggarkan melalui DPA Dinas PPKB Kota Makassar 2024."),
    ("73.09", "Mengalokasikan anggaran operasional Pokja dalam APBD 2025 (demo)", D(2024, 12, 31), "in_progress",
     "Usulan sudah masuk RKA, belum disetujui TAPD."),
    ("73.72", "Menyusun dan menetapkan Rencana Kerja Pokja 2025 (demo)", D(2025, 3, 31), "open", ""),
    ("73.03", "Membentuk Pokja Bangga Kencana dan menerbitkan SK Bupati (demo)", D(2024, 6, 30), "open", ""),
    ("73.08", "Memperbarui SK Pokja yang telah berakhir (demo)", D(2024, 3, 31), "in_progress",
     "Draf SK perpanjangan sedang dibahas di Bagian Hukum Setda."),
    ("73.05", "Menetapkan indikator Bangga Kencana dan target 2025 (demo)", D(2025, 1, 31), "open", ""),
]  # fmt: skip

DECISIONS_2023 = [
    "Pokja Bangga Kencana dinilai efektif bila memiliki SK penetapan/pembentukan, rencana kerja, indikator "
    "Bangga Kencana dan alokasi anggaran operasional.",
    "Setiap kabupaten/kota mengalokasikan anggaran operasional Pokja dalam APBD.",
    "Kabupaten/kota yang belum memiliki Pokja segera membentuknya dengan SK kepala daerah.",
    "Perwakilan BKKBN Provinsi Sulawesi Selatan melakukan pendampingan dan pemantauan tindak lanjut.",
]

MINUTES_2023 = """<h3>Pembukaan</h3>
<p>Forum dibuka oleh Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan. Pokja Bangga Kencana merupakan
penggabungan Pokja Advokasi, Pokja Kampung KB, Pokja GDPK dan Tim Percepatan Penurunan Stunting.</p>
<h3>Pembahasan</h3>
<ul><li>Penguatan sinergi lintas sektor pemerintah dan non-pemerintah.</li>
<li>Empat kriteria dasar Pokja yang efektif.</li>
<li>Harapan agar pemerintah daerah mengalokasikan anggaran operasional Pokja.</li></ul>
<p><em>Catatan: data contoh (demo).</em></p>"""


def _user(username):
    return get_user_model().objects.filter(username=username).first()


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=WITA)


def _logo_png(text: str) -> SimpleUploadedFile:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (120, 120), "white")
    draw = ImageDraw.Draw(image)
    draw.ellipse((4, 4, 116, 116), outline=(0, 84, 147), width=8)
    draw.text((34, 52), text, fill=(0, 84, 147))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def _letterheads():
    sulsel, gowa = Region.objects.get(code="73"), Region.objects.get(code="73.06")
    if not sulsel.office_name:
        sulsel.office_name = "Perwakilan BKKBN Provinsi Sulawesi Selatan"
        sulsel.office_address = "Makassar (alamat contoh, demo)"
        sulsel.save(update_fields=["office_name", "office_address"])
    if not gowa.office_name:
        gowa.office_name = "Dinas Pengendalian Penduduk dan Keluarga Berencana Kabupaten Gowa"
        gowa.office_address = "Sungguminasa (alamat contoh, demo)"
        gowa.save(update_fields=["office_name", "office_address"])
    if not Letterhead.objects.filter(region=sulsel).exists():
        services.save_letterhead(
            region=sulsel, by=None, logo=_logo_png("DEMO"),
            header_line="Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN",
            city="Makassar", signatory_title="Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan",
            signatory_name="Shodiqin, S.H., M.M.",
        )  # fmt: skip
    if not Letterhead.objects.filter(region=gowa).exists():
        services.save_letterhead(
            region=gowa, by=None, logo=_logo_png("DEMO"), header_line="Pemerintah Kabupaten Gowa",
            city="Sungguminasa", signatory_title="Kepala Dinas Pengendalian Penduduk dan KB",
            signatory_name="Nama Kepala Dinas (demo)",
        )  # fmt: skip


def _members(code, limit):
    workgroup = WorkGroup.objects.filter(region__code=code, status=WorkGroup.Status.ACTIVE).first()
    if workgroup is None:
        return []
    return list(workgroup.members.order_by("role", "pk")[:limit])


def _close(item, *, by, status, note, when):
    if status == "open":
        return
    services.report_progress(
        item=item, by=by, text=note, status=status, expected_version=item.version
    )
    # Backdate the log to when it happened.
    closed = _at(when, 10) if status in ActionItem.CLOSED_STATUSES else None
    ActionItem.objects.filter(pk=item.pk).update(closed_at=closed)
    ProgressNote.objects.filter(item=item).update(created_at=_at(when, 10))


def _new_forum(title, **fields):
    """Create Sulsel's forum `title` with all its kab/kota invited: (Sulsel, its admin, the
    forum), or None when the demo has it already."""
    sulsel = Region.objects.get(code="73")
    if Meeting.objects.filter(region=sulsel, title=title).exists():
        return None
    admin = _user("sulsel")
    forum = services.create_meeting(
        region=sulsel,
        by=admin,
        invite_all_children=True,
        title=title,
        kind=Meeting.Kind.FORUM,
        **fields,
    )
    return sulsel, admin, forum


def _forum_2023(stdout):
    created = _new_forum(
        FORUM_2023,
        starts_at=_at(D(2023, 7, 24), 9), ends_at=_at(D(2023, 7, 25), 16),
        venue="Hotel Ramcy Panakukang, Makassar",
        description="Penguatan sinergi lintas sektor dan pengelolaan Forum Komunikasi Pokja Bangga Kencana "
        "tingkat provinsi dan kabupaten/kota.",
        letter_number="400.13/1234/KS.02/2023 (demo)", letter_date=D(2023, 7, 14),
        letter_subject="Undangan Forum Komunikasi Pokja Bangga Kencana",
    )  # fmt: skip
    if created is None:
        return
    sulsel, admin, forum = created
    services.add_agenda_item(
        meeting=forum, by=admin, title="Pembukaan dan arahan", speaker="Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan",
        starts_at=_at(D(2023, 7, 24), 9), ends_at=_at(D(2023, 7, 24), 10),
    )  # fmt: skip
    services.add_agenda_item(
        meeting=forum, by=admin, title="Kriteria Pokja Bangga Kencana yang efektif", speaker="Tim Perwakilan BKKBN Sulsel",
        starts_at=_at(D(2023, 7, 24), 10, 30), ends_at=_at(D(2023, 7, 24), 12),
    )  # fmt: skip
    services.add_agenda_item(
        meeting=forum, by=admin, title="Diskusi kelompok dan rencana tindak lanjut kabupaten/kota",
        starts_at=_at(D(2023, 7, 25), 9), ends_at=_at(D(2023, 7, 25), 15),
    )  # fmt: skip
    province_members = _members("73", 5)
    region_members = []
    for child in sulsel.children.order_by("code"):
        region_members += _members(child.code, 2)
    services.set_invitees(
        meeting=forum, by=admin, members=province_members + region_members, institutions=[]
    )
    represented = set()
    for child in sulsel.children.order_by("code"):
        if not WorkGroup.objects.filter(region=child, status=WorkGroup.Status.ACTIVE).exists():
            short = child.name.replace("Kabupaten ", "").replace("Kota ", "")
            services.add_guest(
                meeting=forum, by=admin, name=f"Utusan OPD KB {short} (demo)", position="Kepala Dinas",
                institution_name=f"OPD KB {child.name}", region=child,
            )  # fmt: skip
    entries = []
    for participant in forum.participants.select_related("region"):
        code = participant.region.code if participant.region_id else "73"
        if code in ABSENT_2023:
            entries.append({"participant_id": participant.pk, "attendance": "absent"})
        elif code in REPRESENTED_2023 and code not in represented:
            represented.add(code)
            entries.append({"participant_id": participant.pk, "attendance": "represented",
                            "represented_by": REPRESENTED_2023[code]})  # fmt: skip
        else:
            entries.append({"participant_id": participant.pk, "attendance": "present"})
    services.record_attendance(meeting=forum, by=admin, entries=entries)
    services.add_guest(
        meeting=forum, by=admin, name="Wartawan (demo)", institution_name="Media lokal", invited=False,
        attendance=Participant.Attendance.PRESENT,
    )  # fmt: skip
    minutes = services.save_minutes(
        meeting=forum, by=admin, body=MINUTES_2023, chair_name="Shodiqin, S.H., M.M.",
        secretary_name="Notulis Perwakilan (demo)", decisions=[{"text": text} for text in DECISIONS_2023],
    )  # fmt: skip
    approver = admin or _user("nasional")
    if approver is not None:
        services.approve_minutes(minutes=minutes, by=approver, expected_version=minutes.version)
    decision = minutes.decisions.order_by("number")[1]
    for code, title, due, status, note in COMMITMENTS_2023:
        region = Region.objects.get(code=code)
        item = services.create_action_item(
            region=sulsel, by=admin, title=title, due_date=due, assigned_region=region,
            kind=ActionItem.Kind.COMMITMENT, meeting=forum, decision=decision,
        )  # fmt: skip
        _close(item, by=_user("gowa") if code == "73.06" else admin, status=status, note=note,
               when=min(due, D(2024, 11, 30)))  # fmt: skip
    stdout.write(
        f"Demo forum 2023: {forum.participants.count()} participants, {len(COMMITMENTS_2023)} commitments."
    )


def _forum_2025(stdout):
    created = _new_forum(
        FORUM_2025,
        starts_at=_at(D(2025, 8, 19), 8, 30), ends_at=_at(D(2025, 8, 20), 15, 30),
        venue="Aula Perwakilan BKKBN Provinsi Sulawesi Selatan, Makassar",
        online_url="https://zoom.us/j/0000000000",
        description="Evaluasi efektivitas Pokja Bangga Kencana 2025 dan komitmen anggaran 2026.",
        letter_number="400.13/2025/KS.02/2025 (demo)", letter_date=D(2025, 8, 8),
    )  # fmt: skip
    if created is None:
        return
    sulsel, admin, forum = created
    members = _members("73", 4)
    for child in sulsel.children.order_by("code"):
        members += _members(child.code, 1)
    services.set_invitees(meeting=forum, by=admin, members=members, institutions=[])
    entries = [
        {"participant_id": p.pk, "attendance": "absent" if i % 9 == 4 else "present"}
        for i, p in enumerate(forum.participants.order_by("pk"))
    ]
    services.record_attendance(meeting=forum, by=admin, entries=entries)
    minutes = services.save_minutes(
        meeting=forum, by=admin, chair_name="Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan (demo)",
        body="<p>Evaluasi empat kriteria efektivitas Pokja 2025 per kabupaten/kota.</p>"
        "<p><em>Catatan: data contoh (demo).</em></p>",
        decisions=[
            {"text": "Kabupaten/kota mengalokasikan anggaran operasional Pokja dalam APBD 2026."},
            {"text": "Pokja yang belum memiliki rencana kerja menyusunnya paling lambat akhir triwulan I 2026."},
            {"text": "Laporan tindak lanjut disampaikan setiap semester melalui Sipokja."},
        ],
    )  # fmt: skip
    if admin:
        services.approve_minutes(minutes=minutes, by=admin, expected_version=minutes.version)
    decisions = list(minutes.decisions.order_by("number"))
    soon = timezone.localdate() + datetime.timedelta(days=5)
    plan = [
        ("73.09", "Mengalokasikan anggaran operasional Pokja dalam APBD 2026 (demo)", D(2025, 12, 31), decisions[0], "open"),
        ("73.72", "Menetapkan Rencana Kerja Pokja 2026 (demo)", D(2026, 3, 31), decisions[1], "in_progress"),
        ("73.06", "Menyampaikan laporan tindak lanjut semester (demo)", soon, decisions[2], "in_progress"),
        ("73.16", "Mengalokasikan anggaran operasional Pokja dalam APBD 2026 (demo)", D(2025, 12, 31), decisions[0], "done"),
    ]  # fmt: skip
    for code, title, due, decision, status in plan:
        item = services.create_action_item(
            region=sulsel, by=admin, title=title, due_date=due, assigned_region=Region.objects.get(code=code),
            kind=ActionItem.Kind.COMMITMENT, meeting=forum, decision=decision,
        )  # fmt: skip
        _close(item, by=admin, status=status, note="Perkembangan dicatat oleh sekretariat (demo).",
               when=min(due, D(2025, 11, 20)))  # fmt: skip
    stdout.write(
        f"Demo forum 2025: {forum.participants.count()} participants, {len(plan)} commitments."
    )


def _gowa(stdout):
    gowa = Region.objects.get(code="73.06")
    operator, member_user = _user("gowa"), _user("anggota.gowa")
    members = _members("73.06", 12)
    # Give the demo member log-in a member record, so they see "their" item.
    own = None
    if member_user is not None:
        own = Member.objects.filter(user=member_user).first()
        if own is None and members:
            own = next(
                (m for m in members if m.user_id is None and m.role == Member.Role.MEMBER), None
            )
            if own is not None:
                Member.objects.filter(pk=own.pk).update(user=member_user)
                own.refresh_from_db()
    if not Meeting.objects.filter(region=gowa, title=GOWA_HELD).exists():
        meeting = services.create_meeting(
            region=gowa, by=operator, title=GOWA_HELD, kind=Meeting.Kind.COORDINATION,
            starts_at=_at(D(2025, 9, 16), 9), ends_at=_at(D(2025, 9, 16), 13),
            venue="Ruang Rapat DPPKB Kabupaten Gowa, Sungguminasa", letter_date=D(2025, 9, 9),
        )  # fmt: skip
        services.set_invitees(meeting=meeting, by=operator, members=members, institutions=[])
        entries = [
            {"participant_id": p.pk, "attendance": "present" if i % 5 else "absent"}
            for i, p in enumerate(meeting.participants.order_by("pk"))
        ]
        services.record_attendance(meeting=meeting, by=operator, entries=entries)
        minutes = services.save_minutes(
            meeting=meeting, by=operator, chair_name="Ketua Pokja Kabupaten Gowa (demo)",
            body="<p>Pembahasan capaian rencana kerja triwulan III dan persiapan forum provinsi.</p>",
            decisions=[{"text": "Setiap bidang menyerahkan laporan capaian sebelum akhir Oktober 2025."},
                       {"text": "Sekretariat menyiapkan bahan paparan untuk forum provinsi."}],
        )  # fmt: skip
        if operator:
            services.approve_minutes(minutes=minutes, by=operator, expected_version=minutes.version)
        done = services.create_action_item(
            region=gowa, by=operator, title="Menyiapkan bahan paparan forum provinsi (demo)", due_date=D(2025, 10, 15),
            meeting=meeting,
        )  # fmt: skip
        _close(done, by=operator, status="done", note="Bahan paparan sudah dikirim ke sekretariat provinsi.",
               when=D(2025, 10, 14))  # fmt: skip
        services.create_action_item(
            region=gowa, by=operator, title="Laporan capaian bidang Kampung KB (demo)",
            due_date=timezone.localdate() + datetime.timedelta(days=3), meeting=meeting, assigned_member=own,
        )  # fmt: skip
        services.create_action_item(
            region=gowa, by=operator, title="Pemutakhiran data anggota Pokja (demo)", due_date=D(2025, 10, 31),
            meeting=meeting,
        )  # fmt: skip
    if not Meeting.objects.filter(region=gowa, title=GOWA_NEXT).exists():
        start = datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=10), datetime.time(9), WITA
        )
        upcoming = services.create_meeting(
            region=gowa, by=operator, title=GOWA_NEXT, starts_at=start, ends_at=start + datetime.timedelta(hours=4),
            venue="Ruang Rapat DPPKB Kabupaten Gowa, Sungguminasa", online_url="https://meet.google.com/demo-demo-demo",
        )  # fmt: skip
        services.set_invitees(meeting=upcoming, by=operator, members=members, institutions=[])
    stdout.write("Demo Gowa meetings.")


def _announcements(stdout):
    sulsel = Region.objects.get(code="73")
    admin = _user("sulsel")
    plan = [
        (ANNOUNCEMENTS[0],
         "Forum Komunikasi Pokja Bangga Kencana 2025 diselenggarakan pada 19–20 Agustus 2025 di Makassar. "
         "Surat undangan dan jadwal tersedia di halaman rapat."),
        (ANNOUNCEMENTS[1],
         "Mohon setiap Pokja kabupaten/kota mengunggah rencana kerja dan SK terbaru paling lambat 31 Januari 2026."),
    ]  # fmt: skip
    for title, body in plan:
        if Announcement.objects.filter(region=sulsel, title=title).exists():
            continue
        announcement = services.send_announcement(region=sulsel, by=admin, title=title, body=body)
        reader = _user("gowa")
        if reader is not None:
            services.record_read(
                announcement=announcement, region=Region.objects.get(code="73.06"), by=reader
            )
    stdout.write("Demo announcements.")


def _mark_demo():
    """Flag the demo meetings, their action items and the demo announcements `is_demo` (also
    those loaded before the flag existed), so `manage.py remove_demo_data` finds them."""
    demo = Meeting.objects.filter(
        region__code__in=("73", "73.06"), title__in=(FORUM_2023, FORUM_2025, GOWA_HELD, GOWA_NEXT)
    )
    demo.update(is_demo=True)
    ActionItem.objects.filter(meeting__in=demo, title__endswith="(demo)").update(is_demo=True)
    Announcement.objects.filter(region__code="73", title__in=ANNOUNCEMENTS).update(is_demo=True)


def load(stdout):
    with transaction.atomic():
        _letterheads()
        _forum_2023(stdout)
        _forum_2025(stdout)
        _gowa(stdout)
        _announcements(stdout)
        _mark_demo()
