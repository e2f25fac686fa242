"""The issue's "done when", end to end through the pages a provincial admin and a kab/kota
operator use."""

import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from audit.models import AuditEvent
from meetings.formats import day_date
from meetings.models import ActionItem, Meeting, Minutes, Participant, ProgressNote
from meetings.tests import helpers as h

pytestmark = pytest.mark.slow

NAMED = ["73.06", "73.71", "73.09", "73.08", "73.05"]


def _dt(day, hour):
    return f"{day.isoformat()}T{hour:02d}:00"


def test_provincial_forum_from_invitation_to_closed_commitment(
    personas, django_capture_on_commit_callbacks
):
    admin = personas.client("sulsel_admin")
    personas.gowa_operator.email = "operator.gowa@example.org"
    personas.gowa_operator.save()
    personas.sulsel_admin.email = "admin.sulsel@example.org"
    personas.sulsel_admin.save()
    gowa_pokja = h.pokja("73.06", members=2)
    makassar_pokja = h.pokja("73.71", members=1)
    today = timezone.localdate()
    first_day = today - datetime.timedelta(days=1)

    # 1. A two-day forum for all 24 kab/kota.
    response = admin.post(
        "/r/73/meetings/new/",
        {
            "title": "Forum Komunikasi Pokja Bangga Kencana",
            "kind": "forum",
            "starts_at": _dt(first_day, 9),
            "ends_at": _dt(today, 16),
            "venue": "Hotel Ramcy Panakukang, Makassar",
            "letter_number": "400/123/2025",
            "letter_nature": "penting",
            "letter_subject": "Undangan",
            "invite_all_children": "on",
        },
    )
    assert response.status_code == 302
    forum = Meeting.objects.get(title="Forum Komunikasi Pokja Bangga Kencana")
    assert forum.region.code == "73"
    assert forum.invited_regions.count() == 24
    assert forum.local_start() == datetime.datetime(
        first_day.year, first_day.month, first_day.day, 9, tzinfo=forum.tz
    )
    assert (forum.local_end().date() - forum.local_start().date()).days == 1
    assert AuditEvent.objects.filter(
        code="meetings.regions_invited", object_id=str(forum.pk)
    ).exists()

    members = list(gowa_pokja.members.all()) + list(makassar_pokja.members.all())
    response = admin.post(
        f"/r/73/meetings/{forum.pk}/invitees/", {"members": [m.pk for m in members]}
    )
    assert response.status_code == 302
    assert forum.participants.count() == 3

    # 2. Invitation letter, calendar file and e-mails.
    pdf = admin.get(f"/r/73/meetings/{forum.pk}/invitation.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Forum Komunikasi Pokja Bangga Kencana" in text
    assert day_date(first_day) in text  # e.g. "Senin, 24 Juli 2023"
    assert "09.00 WITA" in text
    assert "Perihal" in text and "Lampiran" in text

    ics = admin.get(f"/r/73/meetings/{forum.pk}/calendar.ics")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    event = next(iter(icalendar.Calendar.from_ical(ics.content).events))
    assert event.start == forum.local_start() and event.end == forum.local_end()
    assert str(event["SUMMARY"]) == forum.title

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/r/73/meetings/{forum.pk}/invitations/send/")
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.email for m in members)
    filename, content, mimetype = mail.outbox[0].attachments[0]
    assert filename == "undangan.ics" and mimetype == "text/calendar"
    attached = icalendar.Calendar.from_ical(content)
    assert next(iter(attached.events)).start == forum.local_start()

    # 3. Attendance.
    p1, p2, p3 = forum.participants.order_by("pk")
    response = admin.post(
        f"/r/73/meetings/{forum.pk}/attendance/",
        {
            f"attendance-{p1.pk}": "present",
            f"attendance-{p2.pk}": "represented",
            f"represented_by-{p2.pk}": "Sekretaris Dinas",
            f"attendance-{p3.pk}": "absent",
        },
    )
    assert response.status_code == 302
    assert [p.attendance for p in forum.participants.order_by("pk")] == [
        "present",
        "represented",
        "absent",
    ]

    # 4. Minutes with three decisions; a <script> is stripped on save and never shown.
    response = admin.post(
        f"/r/73/meetings/{forum.pk}/minutes/edit/",
        {
            "body": "<p>Pembukaan</p><script>alert('x')</script><p onclick=\"x()\">Diskusi</p>",
            "chair_name": "Kepala Perwakilan",
            "secretary_name": "",
            "decisions-TOTAL_FORMS": "3",
            "decisions-INITIAL_FORMS": "0",
            "decisions-MIN_NUM_FORMS": "0",
            "decisions-MAX_NUM_FORMS": "100",
            "decisions-0-text": "Empat kriteria Pokja efektif",
            "decisions-1-text": "Anggaran Pokja dalam APBD",
            "decisions-2-text": "Pendampingan oleh provinsi",
        },
    )
    assert response.status_code == 302
    minutes = Minutes.objects.get(meeting=forum)
    assert (
        "<script" not in minutes.body
        and "alert" not in minutes.body
        and "onclick" not in minutes.body
    )
    assert minutes.body == "<p>Pembukaan</p><p>Diskusi</p>"
    assert [d.text for d in minutes.decisions.all()] == [
        "Empat kriteria Pokja efektif",
        "Anggaran Pokja dalam APBD",
        "Pendampingan oleh provinsi",
    ]
    page = admin.get(f"/r/73/meetings/{forum.pk}/minutes/").content.decode()
    assert "<p>Pembukaan</p><p>Diskusi</p>" in page and "alert(" not in page
    response = admin.post(
        f"/r/73/meetings/{forum.pk}/minutes/approve/", {"version": minutes.version}
    )
    minutes.refresh_from_db()
    assert minutes.is_approved and minutes.approved_by == personas.sulsel_admin

    # 5. Five action items for named kab/kota (due in 3 days; Bone's already overdue).
    for code in NAMED:
        due = (
            today - datetime.timedelta(days=2)
            if code == "73.08"
            else today + datetime.timedelta(days=3)
        )
        response = admin.post(
            f"/r/73/action-items/new/?meeting={forum.pk}",
            {
                "kind": "commitment",
                "title": f"Anggaran Pokja APBD 2026 {code}",
                "assigned_region": h.region(code).pk,
                "due_date": due.isoformat(),
                "meeting": forum.pk,
            },
        )
        assert response.status_code == 302
    assert ActionItem.objects.filter(meeting=forum).count() == 5

    # 6. Gowa's operator sees Gowa's commitment (not Makassar's) and closes it.
    operator = personas.client("gowa_operator")
    listing = operator.get("/r/73.06/action-items/").content.decode()
    assert "Anggaran Pokja APBD 2026 73.06" in listing and "73.71" not in listing
    item = ActionItem.objects.get(title="Anggaran Pokja APBD 2026 73.06")
    assert operator.get(f"/r/73.06/meetings/{forum.pk}/").status_code == 200
    response = operator.post(
        f"/r/73.06/action-items/{item.pk}/progress/",
        {
            "version": item.version,
            "status": "done",
            "text": "Tercantum di KUA-PPAS 2026",
            "evidence": h.pdf_upload(),
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "done" and item.closed_at is not None
    note = ProgressNote.objects.get(item=item)
    assert (
        note.author == personas.gowa_operator
        and note.status_to == "done"
        and note.evidence_type == "pdf"
    )
    assert (
        operator.get(f"/r/73.06/action-items/{item.pk}/notes/{note.pk}/evidence/").status_code
        == 200
    )
    assert operator.get(f"/r/73.71/action-items/{item.pk}/").status_code == 404

    # 7. Reminders: running twice sends each reminder once.
    mail.outbox.clear()
    # The reminders leave by mail jobs once their transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    first = len(mail.outbox)
    assert first > 0
    subjects = [m.subject for m in mail.outbox]
    assert any(s.startswith("Terlambat") for s in subjects)  # Bone's overdue commitment
    assert not any("73.06" in s for s in subjects)  # Gowa's is done
    recipients = {m.to[0] for m in mail.outbox}
    assert "admin.sulsel@example.org" in recipients  # no contact in Maros, Bone, Takalar yet
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == first


def test_attendance_recorded_for_members_and_walk_in_guests(personas):
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06")
    client = personas.client("gowa_operator")
    client.post(
        f"/r/73.06/meetings/{meeting.pk}/invitees/",
        {"members": [m.pk for m in workgroup.members.all()]},
    )
    response = client.post(
        f"/r/73.06/meetings/{meeting.pk}/guests/",
        {
            "walk_in": "1",
            "name": "Ibu Ketua PKK",
            "institution_name": "TP-PKK Gowa",
            "attendance": "present",
        },
    )
    assert response.status_code == 302
    guest = meeting.participants.get(name="Ibu Ketua PKK")
    assert not guest.invited and guest.attendance == Participant.Attendance.PRESENT
    page = client.get(f"/r/73.06/meetings/{meeting.pk}/attendance/")
    assert page.context["summary"]["walk_ins"] == 1
