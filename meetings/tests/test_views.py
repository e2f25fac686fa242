import pytest
from django.core import mail

from audit.models import AuditEvent
from meetings import services
from meetings.models import ActionItem, AnnouncementRead, Letterhead, Meeting, ProgressNote
from meetings.tests import helpers as h


@pytest.fixture
def gowa(personas):
    return h.pokja("73.06", members=2, user=personas.gowa_member)


def test_member_updates_their_own_item_but_not_someone_elses(personas, gowa):
    own_member = gowa.members.get(user=personas.gowa_member)
    other_member = gowa.members.exclude(pk=own_member.pk).get()
    own = h.item("73", member=own_member, title="Milik saya")
    other = h.item("73", member=other_member, title="Milik orang lain")
    client = personas.client("gowa_member")

    page = client.get(f"/r/73.06/action-items/{own.pk}/")
    assert page.context["can_update"] is True
    response = client.post(
        f"/r/73.06/action-items/{own.pk}/progress/",
        {"version": 1, "status": "in_progress", "text": "Sedang disusun"},
    )
    assert response.status_code == 302
    own.refresh_from_db()
    assert own.status == "in_progress" and own.notes.get().author == personas.gowa_member

    assert client.get(f"/r/73.06/action-items/{other.pk}/").context["can_update"] is False
    response = client.post(
        f"/r/73.06/action-items/{other.pk}/progress/", {"version": 1, "status": "done", "text": "x"}
    )
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.status == "open" and not other.notes.exists()


def test_member_cannot_edit_an_item_even_their_own(personas, gowa):
    own = h.item("73.06", member=gowa.members.get(user=personas.gowa_member))
    assert (
        personas.client("gowa_member").get(f"/r/73.06/action-items/{own.pk}/edit/").status_code
        == 403
    )


def test_operator_of_assigned_region_sees_and_closes_the_provinces_commitment(personas, gowa):
    forum = h.meeting("73", invited=["73.06"])
    item = h.item("73", assigned="73.06", meeting=forum, kind="commitment", title="APBD 2026")
    h.item("73", assigned="73.71", meeting=forum, title="Komitmen Makassar")
    client = personas.client("gowa_operator")
    page = client.get(f"/r/73.06/meetings/{forum.pk}/").content.decode()
    assert "APBD 2026" in page and "Komitmen Makassar" not in page
    response = client.post(
        f"/r/73.06/action-items/{item.pk}/progress/", {"version": 1, "status": "done", "text": "Ok"}
    )
    assert response.status_code == 302
    assert ActionItem.objects.get(pk=item.pk).status == "done"
    # …but may not change what the province set.
    assert client.post(f"/r/73.06/action-items/{item.pk}/edit/", {"title": "x"}).status_code == 403


def test_invited_regency_reads_the_forum_but_cannot_change_it(personas):
    forum = h.meeting("73", invited=["73.06"], title="Forum Provinsi")
    client = personas.client("gowa_operator")
    listing = client.get("/r/73.06/meetings/").content.decode()
    assert "Forum Provinsi" in listing and f"/r/73.06/meetings/{forum.pk}/" in listing
    detail = client.get(f"/r/73.06/meetings/{forum.pk}/")
    assert detail.status_code == 200 and detail.context["can_edit"] is False
    assert client.post(f"/r/73.06/meetings/{forum.pk}/agenda/", {"title": "x"}).status_code == 403
    assert not forum.agenda_items.exists()


def test_region_outside_both_organiser_and_invited_gets_404(personas):
    forum = h.meeting("73", invited=["73.06"])
    assert personas.client("sulsel_admin").get(f"/r/73.71/meetings/{forum.pk}/").status_code == 404
    assert personas.client("gowa_operator").get(f"/r/73/meetings/{forum.pk}/").status_code == 404


def test_draft_minutes_are_hidden_from_readers(personas):
    meeting = h.meeting("73.06")
    services.save_minutes(meeting=meeting, by=None, body="<p>Rahasia draf</p>")
    assert (
        "Rahasia draf"
        not in personas.client("gowa_member")
        .get(f"/r/73.06/meetings/{meeting.pk}/minutes/")
        .content.decode()
    )
    assert (
        "Rahasia draf"
        in personas.client("gowa_operator")
        .get(f"/r/73.06/meetings/{meeting.pk}/minutes/")
        .content.decode()
    )


def test_minutes_edit_page_refuses_approved_minutes(personas):
    meeting = h.meeting("73.06")
    minutes = services.save_minutes(meeting=meeting, by=None, body="<p>A</p>")
    services.approve_minutes(minutes=minutes, by=personas.gowa_operator, expected_version=1)
    response = personas.client("gowa_operator").post(
        f"/r/73.06/meetings/{meeting.pk}/minutes/edit/", {"body": "<p>B</p>", "decisions-TOTAL_FORMS": "0",
                                                         "decisions-INITIAL_FORMS": "0"},
    )  # fmt: skip
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.body == "<p>A</p>"


def test_withdrawing_approval_from_the_page_records_the_reason(personas):
    meeting = h.meeting("73.06")
    minutes = services.save_minutes(meeting=meeting, by=None, body="<p>A</p>")
    services.approve_minutes(minutes=minutes, by=personas.gowa_operator, expected_version=1)
    client = personas.client("gowa_operator")
    client.post(
        f"/r/73.06/meetings/{meeting.pk}/minutes/withdraw/", {"version": 2, "reason": "Nama salah"}
    )
    minutes.refresh_from_db()
    assert not minutes.is_approved
    assert (
        AuditEvent.objects.get(code="meetings.minutes_unapproved").actor_username == "gowa_operator"
    )


def test_invitation_emails_leave_only_after_commit(
    personas, gowa, django_capture_on_commit_callbacks
):
    meeting = h.meeting("73.06", started=False)
    h.invite_pokja(meeting, gowa)
    services.add_guest(meeting=meeting, by=None, name="Tanpa surel")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        count = services.send_invitations(meeting=meeting, by=personas.gowa_operator)
    assert count == 2 and mail.outbox == []
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 2
    assert all(m.attachments[0][0] == "undangan.ics" for m in mail.outbox)
    # Sending again reaches nobody new; resending reaches everyone with an address.
    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_invitations(meeting=meeting, by=None) == 0
        assert services.send_invitations(meeting=meeting, by=None, resend=True) == 2
    assert len(mail.outbox) == 4


def test_new_meeting_with_bad_times_shows_the_error_and_saves_nothing(personas):
    response = personas.client("gowa_operator").post(
        "/r/73.06/meetings/new/",
        {"title": "Rapat", "kind": "other", "starts_at": "2030-01-02T10:00", "ends_at": "2030-01-02T09:00",
         "venue": "Aula", "letter_nature": "biasa"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Rapat harus selesai setelah dimulai." in response.content.decode()
    assert not Meeting.objects.exists()


def test_meeting_times_are_read_in_the_organisers_time_zone(personas):
    personas.client("national_admin").post(
        "/r/31/meetings/new/",
        {"title": "Rapat Jakarta", "kind": "other", "starts_at": "2030-01-02T09:00", "ends_at": "2030-01-02T12:00",
         "venue": "Aula", "letter_nature": "biasa"},
    )  # fmt: skip
    meeting = Meeting.objects.get(title="Rapat Jakarta")
    assert meeting.starts_at.utcoffset().total_seconds() == 0
    assert meeting.starts_at.hour == 2  # 09.00 WIB


def test_attendance_page_errors_keep_what_was_typed(personas, gowa):
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, gowa)
    p1, p2 = meeting.participants.order_by("pk")
    response = personas.client("gowa_operator").post(
        f"/r/73.06/meetings/{meeting.pk}/attendance/",
        {f"attendance-{p1.pk}": "present", f"attendance-{p2.pk}": "represented"},
    )
    assert response.status_code == 200
    assert any("mewakili" in e for e in response.context["errors"])
    assert set(meeting.participants.values_list("attendance", flat=True)) == {"unknown"}


def test_fake_material_is_refused_with_a_message(personas):
    meeting = h.meeting("73.06")
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = personas.client("gowa_operator").post(
        f"/r/73.06/meetings/{meeting.pk}/materials/",
        {"title": "x", "file": SimpleUploadedFile("slides.pdf", b"<html>not a pdf</html>")},
        follow=True,
    )
    assert "Unggah dokumen PDF" in response.content.decode()
    assert not meeting.materials.exists()


def test_agenda_page_lists_overdue_items_and_coming_meetings(personas):
    h.item("73", assigned="73.06", due_in=-3, title="Terlambat sekali")
    h.item("73.06", due_in=5, title="Minggu depan")
    h.meeting("73", invited=["73.06"], started=False, title="Forum mendatang")
    page = personas.client("gowa_member").get("/r/73.06/agenda/")
    assert [i.title for i in page.context["overdue"]] == ["Terlambat sekali"]
    assert [i.title for i in page.context["upcoming_items"]] == ["Minggu depan"]
    assert [m.title for m in page.context["meetings"]] == ["Forum mendatang"]


def test_announcement_read_receipts_show_to_the_province(personas):
    announcement = services.send_announcement(
        region=h.region("73"), by=personas.sulsel_admin, title="Batas SK", body="Isi"
    )
    personas.client("sulsel_admin").get(f"/r/73/announcements/{announcement.pk}/")
    personas.client("sulsel_viewer").get(f"/r/73.06/announcements/{announcement.pk}/")
    assert not AnnouncementRead.objects.exists()
    personas.client("gowa_member").get(f"/r/73.06/announcements/{announcement.pk}/")
    page = personas.client("sulsel_admin").get(f"/r/73/announcements/{announcement.pk}/")
    read = {row["region"].code: row["read"] for row in page.context["receipts"]}
    assert read["73.06"].user == personas.gowa_member and read["73.71"] is None
    assert page.context["read_count"] == 1
    listing = personas.client("sulsel_admin").get("/r/73/announcements/").content.decode()
    assert "1 dari 24 kabupaten/kota" in listing


def test_letterhead_page_uploads_the_logo_and_serves_it(personas):
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/73.06/letterhead/",
        {"header_line": "PEMERINTAH KABUPATEN GOWA", "city": "Sungguminasa", "signatory_title": "Kepala Dinas",
         "signatory_name": "", "signatory_id_number": "", "logo_upload": h.png_upload()},
    )  # fmt: skip
    assert response.status_code == 302
    letterhead = Letterhead.objects.get(region__code="73.06")
    assert letterhead.city == "Sungguminasa" and letterhead.logo_type == "png"
    logo = client.get("/r/73.06/letterhead/logo/")
    assert logo.status_code == 200 and logo["Content-Type"] == "image/png"
    refused = client.post(
        "/r/73.06/letterhead/",
        {"header_line": "X", "city": "", "signatory_title": "", "signatory_name": "", "signatory_id_number": "",
         "version": letterhead.version, "logo_upload": h.pdf_upload("logo.png")},
    )  # fmt: skip
    assert refused.status_code == 200
    letterhead.refresh_from_db()
    assert letterhead.header_line == "PEMERINTAH KABUPATEN GOWA"


def test_region_page_links_to_the_forum_pages(personas):
    page = personas.client("gowa_member").get("/r/73.06/").content.decode()
    for url in (
        "/r/73.06/meetings/",
        "/r/73.06/action-items/",
        "/r/73.06/agenda/",
        "/r/73.06/announcements/",
    ):
        assert url in page
    assert "/r/73.06/letterhead/" not in page


def test_pages_render_for_a_full_meeting(personas, gowa):
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, gowa)
    services.add_agenda_item(meeting=meeting, by=None, title="Pembukaan", speaker="Ketua")
    services.add_material(meeting=meeting, by=None, title="Paparan", upload=h.pdf_upload())
    minutes = services.save_minutes(
        meeting=meeting, by=None, body="<p>A</p>", decisions=[{"text": "D"}]
    )
    item = h.item("73.06", meeting=meeting)
    services.report_progress(
        item=item, by=personas.gowa_operator, text="n", evidence=h.png_upload(), expected_version=1
    )
    client = personas.client("gowa_operator")
    for url in (
        f"/r/73.06/meetings/{meeting.pk}/", f"/r/73.06/meetings/{meeting.pk}/edit/",
        f"/r/73.06/meetings/{meeting.pk}/invitees/", f"/r/73.06/meetings/{meeting.pk}/attendance/",
        f"/r/73.06/meetings/{meeting.pk}/minutes/", f"/r/73.06/meetings/{meeting.pk}/minutes/edit/",
        "/r/73.06/meetings/", "/r/73.06/meetings/attendance/", "/r/73.06/action-items/?status=all&side=set&overdue=1",
        f"/r/73.06/action-items/{item.pk}/", f"/r/73.06/action-items/{item.pk}/edit/", "/r/73.06/action-items/new/",
        "/r/73.06/agenda/", "/r/73.06/announcements/", "/r/73.06/letterhead/",
    ):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"style=" not in response.content, url
    assert minutes.decisions.count() == 1
    note = ProgressNote.objects.get(item=item)
    evidence = client.get(f"/r/73.06/action-items/{item.pk}/notes/{note.pk}/evidence/")
    assert evidence["Content-Type"] == "image/png"
