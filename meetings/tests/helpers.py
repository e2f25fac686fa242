"""Builders for meetings tests and matrix rows: real objects through the real services."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from meetings import services
from meetings.models import ActionItem, Letterhead, Meeting
from regions.models import Region
from workgroups.models import Institution, Member, WorkGroup


def region(code) -> Region:
    return Region.objects.get(code=code)


def pokja(code, *, members=2, user=None) -> WorkGroup:
    """An active Pokja with an institution and a few members (the first gets `user`)."""
    r = region(code)
    workgroup = WorkGroup.objects.filter(region=r, status=WorkGroup.Status.ACTIVE).first()
    if workgroup is None:
        workgroup = WorkGroup.objects.create(region=r, name=f"Pokja Bangga Kencana {r.name}")
    institution, _ = Institution.objects.get_or_create(
        region=r,
        name=f"DPPKB {r.name}",
        defaults={"sector": Institution.Sector.REGIONAL_GOVERNMENT},
    )
    for i in range(members - workgroup.members.count()):
        Member.objects.create(
            workgroup=workgroup,
            name=f"Anggota {i + 1} {r.name}",
            position="Kepala Bidang",
            institution=institution,
            email=f"anggota{i + 1}.{r.code.replace('.', '')}@example.org",
            user=user if i == 0 else None,
        )
    return workgroup


def when(days_from_now=0, hour=9, tz="Asia/Makassar") -> datetime.datetime:
    from zoneinfo import ZoneInfo

    day = timezone.localdate() + datetime.timedelta(days=days_from_now)
    return datetime.datetime.combine(day, datetime.time(hour, 0), tzinfo=ZoneInfo(tz))


def meeting(
    code,
    *,
    by=None,
    started=True,
    days=1,
    invited=(),
    invite_all=False,
    title="Rapat Pokja",
    **extra,
) -> Meeting:
    start = when(-1 if started else 3)
    end = start + datetime.timedelta(days=days - 1, hours=7)
    fields = {"title": title, "starts_at": start, "ends_at": end, "venue": "Aula DPPKB", **extra}
    return services.create_meeting(
        region=region(code),
        by=by,
        invited_regions=[region(c) for c in invited],
        invite_all_children=invite_all,
        **fields,
    )


def meeting_tomorrow(code, workgroup, title="Rapat besok") -> Meeting:
    """A meeting of `code` starting tomorrow at 9 for three hours, the Pokja's members invited
    (what the reminders look for)."""
    tomorrow = meeting(code, started=False, title=title)
    start = when(1)
    services.update_meeting(
        meeting=tomorrow,
        by=None,
        expected_version=1,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=3),
    )
    invite_pokja(tomorrow, workgroup)
    return tomorrow


def invite_pokja(meeting, workgroup) -> None:
    """Invite every member of `workgroup` to `meeting` (and no institution)."""
    services.set_invitees(
        meeting=meeting, by=None, members=workgroup.members.all(), institutions=[]
    )


def item(code, *, by=None, assigned=None, member=None, due_in=10, **extra) -> ActionItem:
    return services.create_action_item(
        region=region(code),
        by=by,
        title=extra.pop("title", "Tindak lanjut"),
        due_date=timezone.localdate() + datetime.timedelta(days=due_in),
        assigned_region=region(assigned) if assigned else None,
        assigned_member=member,
        **extra,
    )


def pdf_bytes(text="Bukti") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def pdf_upload(name="bukti.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def png_bytes() -> bytes:
    import struct
    import zlib

    def chunk(kind, data):
        body = kind + data
        return (
            struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
        )

    raw = b"\x00\xff\x00\x00"  # one red pixel
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def png_upload(name="logo.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, png_bytes(), content_type="image/png")


def xlsx_upload(name="tabel.xlsx") -> SimpleUploadedFile:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Kabupaten"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def letterhead(code, *, by=None) -> Letterhead:
    return services.save_letterhead(
        region=region(code),
        by=by,
        logo=png_upload(),
        header_line="KEMENTERIAN KEPENDUDUKAN DAN PEMBANGUNAN KELUARGA/BKKBN",
        city="Makassar",
        signatory_title="Kepala Perwakilan",
        signatory_name="Shodiqin, SH, MM",
    )
