"""Printed documents and calendar files: real PDFs (WeasyPrint, read back with pypdf) and real
.ics files (parsed with icalendar)."""

import datetime
import io
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import translation
from pypdf import PdfReader

from meetings import services
from meetings.formats import day_date, meeting_dates, meeting_times, time_of_day
from meetings.tests import helpers as h
from meetings.timezones import abbreviation

pytestmark = pytest.mark.slow


def _text(pdf: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def _forum(days=2, **extra):
    start = datetime.datetime(2023, 7, 24, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    return services.create_meeting(
        region=h.region("73"), by=None, invite_all_children=True, title="Forum Komunikasi Pokja",
        starts_at=start, ends_at=start + datetime.timedelta(days=days - 1, hours=7),
        venue="Hotel Ramcy Panakukang, Makassar", letter_number="400/77/2023", **extra,
    )  # fmt: skip


def test_indonesian_dates_and_times():
    assert day_date(datetime.date(2023, 7, 24)) == "Senin, 24 Juli 2023"
    assert day_date(datetime.date(2025, 8, 17)) == "Minggu, 17 Agustus 2025"
    moment = datetime.datetime(2023, 7, 24, 1, tzinfo=datetime.UTC)
    assert time_of_day(moment, type("R", (), {"code": "73"})()) == "09.00 WITA"
    assert time_of_day(moment, type("R", (), {"code": "31"})()) == "08.00 WIB"
    assert time_of_day(moment, type("R", (), {"code": "91.01"})()) == "10.00 WIT"


def test_time_zone_follows_the_province(regions):
    assert abbreviation(regions["73.06"]) == "WITA"
    assert abbreviation(h.region("32")) == "WIB"
    assert abbreviation(h.region("81")) == "WIT"


def test_two_day_meeting_prints_both_days(regions):
    forum = _forum()
    with translation.override("id"):
        assert meeting_dates(forum) == "Senin, 24 Juli 2023 s.d. Selasa, 25 Juli 2023"
        assert meeting_times(forum) == "09.00 WITA s.d. 16.00 WITA"


def test_invitation_letter_on_the_letterhead_with_the_list_of_invitees(regions):
    h.letterhead("73")
    sulsel = h.region("73")
    sulsel.office_name = "Perwakilan BKKBN Provinsi Sulawesi Selatan"
    sulsel.office_address = "Jl. Contoh No. 1, Makassar"
    sulsel.save()
    forum = _forum(letter_date=datetime.date(2023, 7, 14))
    from meetings.pdf import invitation_pdf

    pdf = invitation_pdf(forum)
    reader = PdfReader(io.BytesIO(pdf))
    text = _text(pdf)
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    for expected in (
        "PERWAKILAN BKKBN PROVINSI SULAWESI SELATAN", "Jl. Contoh No. 1, Makassar", "Makassar, 14 Juli 2023",
        "Nomor", "400/77/2023", "Sifat", "Penting", "Lampiran", "1 (satu) berkas", "Perihal", "Undangan",
        "Senin, 24 Juli 2023 s.d. Selasa, 25 Juli 2023", "09.00 WITA", "Hotel Ramcy Panakukang",
        "Forum Komunikasi Pokja", "Shodiqin, SH, MM", "Daftar undangan".upper(), "Kabupaten Toraja Utara",
    ):  # fmt: skip
        assert expected in text, expected
    assert len(reader.pages) >= 2
    assert list(reader.pages[0].images), "the logo is on the letterhead"


def test_invitation_letter_is_indonesian_whatever_the_interface_language(regions):
    from meetings.pdf import invitation_pdf

    with translation.override("en"):
        text = _text(invitation_pdf(_forum()))
    assert "Perihal" in text and "Subject" not in text


def test_attendance_sheet_has_a_page_per_day_with_signature_column_and_blank_rows(regions):
    workgroup = h.pokja("73.06", members=2)
    forum = _forum()
    h.invite_pokja(forum, workgroup)
    from meetings.pdf import attendance_sheet_pdf

    pdf = attendance_sheet_pdf(forum, blank_rows=5)
    text = _text(pdf)
    assert text.count("DAFTAR HADIR") == 2
    assert "Senin, 24 Juli 2023" in text and "Selasa, 25 Juli 2023" in text
    assert "Tanda tangan" in text and "Instansi/Jabatan" in text
    assert "Anggota 1 Kabupaten Gowa" in text and "DPPKB Kabupaten Gowa / Kepala Bidang" in text
    assert "7. ……" in text  # two names, then five empty rows


def test_minutes_pdf_shows_decisions_items_and_approval(personas):
    forum = _forum()
    minutes = services.save_minutes(
        meeting=forum, by=None, body="<p>Pembahasan</p><script>bad()</script>", chair_name="Ketua Forum",
        decisions=[{"text": "Anggaran Pokja dalam APBD"}, {"text": "SK Pokja"}],
    )  # fmt: skip
    h.item("73", assigned="73.06", meeting=forum, title="Alokasi anggaran Gowa")
    from meetings.pdf import minutes_pdf

    draft = _text(minutes_pdf(forum))
    assert "DRAF" in draft
    services.approve_minutes(
        minutes=minutes, by=personas.sulsel_admin, expected_version=minutes.version
    )
    text = _text(minutes_pdf(forum))
    assert "NOTULEN" in text and "Pembahasan" in text and "bad()" not in text
    assert "Anggaran Pokja dalam APBD" in text and "Alokasi anggaran Gowa" in text
    assert "Disetujui oleh sulsel_admin" in text and "DRAF" not in text


def test_ics_is_one_event_over_both_days(regions):
    forum = _forum()
    from meetings.calendar import meeting_ics

    calendar = icalendar.Calendar.from_ical(meeting_ics(forum))
    (event,) = calendar.events
    assert event.start == datetime.datetime(2023, 7, 24, 9, tzinfo=ZoneInfo("Asia/Makassar"))
    assert event.end == datetime.datetime(2023, 7, 25, 16, tzinfo=ZoneInfo("Asia/Makassar"))
    assert str(event["LOCATION"]) == "Hotel Ramcy Panakukang, Makassar"
    assert str(event["UID"]).startswith(f"meeting-{forum.pk}@")
    assert int(event["SEQUENCE"]) == forum.version


def test_ics_of_a_cancelled_meeting_says_so(regions):
    meeting = h.meeting("73.06")
    services.update_meeting(meeting=meeting, by=None, expected_version=1, status="cancelled")
    from meetings.calendar import meeting_ics

    (event,) = icalendar.Calendar.from_ical(meeting_ics(meeting)).events
    assert str(event["STATUS"]) == "CANCELLED"


def test_early_morning_times_keep_their_local_day(regions):
    from meetings.formats import session_when

    meeting = h.meeting("32.01", title="Rapat Bogor")  # WIB
    start = datetime.datetime.combine(
        meeting.local_start().date(), datetime.time(6, 30), ZoneInfo("Asia/Jakarta")
    )
    item = services.add_agenda_item(meeting=meeting, by=None, title="Registrasi", starts_at=start)
    assert start.astimezone(datetime.UTC).date() < start.date()
    assert session_when(item, meeting) == f"{day_date(start.date())}, 06.30 WIB"
    assert day_date(start) == day_date(start.date())
