import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.models import AuditEvent
from core.errors import ConflictError, DomainError
from meetings import services
from meetings.attendance import attendance_summary, rates_by_institution
from meetings.models import ActionItem, InvitedRegion, Material, Meeting, Minutes, Participant
from meetings.sanitize import sanitize_html
from meetings.tests import helpers as h


def test_create_meeting_invites_all_24_regencies_with_one_audit_record(personas):
    forum = h.meeting("73", by=personas.sulsel_admin, invite_all=True, days=2)
    assert forum.invited_regions.count() == 24
    event = AuditEvent.objects.get(code="meetings.regions_invited", object_id=str(forum.pk))
    assert event.region_code == "73" and len(event.changes["regions"][1]) == 24
    assert event.actor_username == "sulsel_admin"
    assert AuditEvent.objects.filter(
        model="meetings.Meeting", action="create", region_code="73"
    ).exists()


def test_create_meeting_refuses_a_region_of_another_province(personas):
    with pytest.raises(DomainError) as exc:
        h.meeting("73", invited=["73.06", "74.01"])
    assert "74.01" in exc.value.message
    assert not Meeting.objects.exists()


def test_regency_cannot_invite_all_children(personas):
    with pytest.raises(DomainError):
        h.meeting("73.06", invite_all=True)
    assert not Meeting.objects.exists()


def test_create_meeting_refuses_end_before_start_and_no_place(personas):
    start = h.when(1)
    with pytest.raises(DomainError) as exc:
        services.create_meeting(
            region=h.region("73.06"),
            by=None,
            title="Rapat",
            starts_at=start,
            ends_at=start,
            venue="",
            online_url="",
        )
    fields = {e["field"] for e in exc.value.errors}
    assert fields == {"ends_at", "venue"}
    assert not Meeting.objects.exists()


def test_database_refuses_meeting_ending_before_it_starts(personas):
    start = h.when(1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            region=h.region("73.06"), title="x", starts_at=start, ends_at=start, venue="Aula"
        )


def test_update_meeting_with_stale_version_is_refused(personas):
    meeting = h.meeting("73.06")
    services.update_meeting(meeting=meeting, by=None, expected_version=1, venue="Ruang 2")
    with pytest.raises(ConflictError):
        services.update_meeting(
            meeting=Meeting.objects.get(pk=meeting.pk), by=None, expected_version=1, venue="Ruang 3"
        )
    assert Meeting.objects.get(pk=meeting.pk).venue == "Ruang 2"


def test_update_meeting_removes_uninvited_regions(personas):
    forum = h.meeting("73", invited=["73.06", "73.71"])
    services.update_meeting(
        meeting=forum, by=None, expected_version=1, invited_regions=[h.region("73.71")]
    )
    assert list(
        InvitedRegion.objects.filter(meeting=forum).values_list("region__code", flat=True)
    ) == ["73.71"]


def test_set_invitees_refuses_members_of_regions_not_invited(personas):
    h.pokja("73.71")
    forum = h.meeting("73", invited=["73.06"])
    outsider = h.pokja("73.71").members.first()
    with pytest.raises(DomainError):
        services.set_invitees(meeting=forum, by=None, members=[outsider], institutions=[])
    assert not forum.participants.exists()


def test_set_invitees_keeps_members_whose_attendance_is_recorded(personas):
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, workgroup)
    first = meeting.participants.order_by("pk").first()
    services.record_attendance(
        meeting=meeting, by=None, entries=[{"participant_id": first.pk, "attendance": "present"}]
    )
    with pytest.raises(DomainError):
        services.set_invitees(meeting=meeting, by=None, members=[], institutions=[])
    assert meeting.participants.count() == 2


def test_record_attendance_is_all_or_nothing_with_row_errors(personas):
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, workgroup)
    p1, p2 = meeting.participants.order_by("pk")
    with pytest.raises(DomainError) as exc:
        services.record_attendance(
            meeting=meeting,
            by=None,
            entries=[
                {"participant_id": p1.pk, "attendance": "present"},
                {"participant_id": p2.pk, "attendance": "represented", "represented_by": ""},
                {"participant_id": 999999, "attendance": "present"},
            ],
        )
    rows = {(e["row"], e["field"]) for e in exc.value.errors}
    assert rows == {(2, "represented_by"), (3, "participant_id")}
    assert set(meeting.participants.values_list("attendance", flat=True)) == {"unknown"}


def test_attendance_can_be_prepared_before_the_meeting_starts(personas):
    workgroup = h.pokja("73.06", members=2)
    meeting = h.meeting("73.06", started=False)
    assert not meeting.has_started
    h.invite_pokja(meeting, workgroup)
    first, second = meeting.participants.order_by("pk")
    changed = services.record_attendance(
        meeting=meeting,
        by=personas.gowa_operator,
        entries=[
            {"participant_id": first.pk, "attendance": "represented", "represented_by": "Staf"},
            {"participant_id": second.pk, "attendance": "absent"},
        ],
    )
    assert changed == 2
    first.refresh_from_db()
    assert (first.attendance, first.represented_by) == ("represented", "Staf")
    assert first.recorded_by == personas.gowa_operator
    # A cancelled meeting still has no attendance to record.
    meeting.status = meeting.Status.CANCELLED
    meeting.save()
    with pytest.raises(DomainError):
        services.record_attendance(
            meeting=meeting,
            by=None,
            entries=[{"participant_id": first.pk, "attendance": "present"}],
        )


def test_attendance_rates_per_meeting_and_institution(personas):
    workgroup = h.pokja("73.06", members=3)
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, workgroup)
    guest = services.add_guest(
        meeting=meeting, by=None, name="Ketua PKK", institution_name="TP-PKK"
    )
    p1, p2, p3 = meeting.participants.filter(member__isnull=False).order_by("pk")
    services.record_attendance(
        meeting=meeting,
        by=None,
        entries=[
            {"participant_id": p1.pk, "attendance": "present"},
            {"participant_id": p2.pk, "attendance": "represented", "represented_by": "Staf"},
            {"participant_id": p3.pk, "attendance": "absent"},
            {"participant_id": guest.pk, "attendance": "absent"},
        ],
    )
    services.add_guest(
        meeting=meeting, by=None, name="Wartawan", invited=False, attendance="present"
    )
    summary = attendance_summary(meeting)
    assert summary == {
        "invited": 4, "walk_ins": 1, "present": 2, "represented": 1, "absent": 2, "unknown": 0, "rate": 50,
    }  # fmt: skip
    rates = {
        row["institution"]: row["rate"] for row in rates_by_institution(meeting.participants.all())
    }
    assert rates["DPPKB Kabupaten Gowa"] == 67
    assert rates["TP-PKK"] == 0


def test_minutes_are_sanitised_on_save(personas):
    meeting = h.meeting("73.06")
    minutes = services.save_minutes(
        meeting=meeting,
        by=None,
        body='<p>Ok <a href="javascript:alert(1)">x</a> <a href="https://bkkbn.go.id">y</a></p>'
        '<script>alert(1)</script><img src=x onerror=alert(1)><table><tr><td style="color:red">1</td></tr></table>',
    )
    minutes.refresh_from_db()
    assert (
        "script" not in minutes.body
        and "onerror" not in minutes.body
        and "javascript" not in minutes.body
    )
    assert "<img" not in minutes.body and "style" not in minutes.body
    assert 'href="https://bkkbn.go.id"' in minutes.body
    assert "<table><tbody><tr><td>1</td></tr></tbody></table>" in minutes.body


def test_minutes_saved_directly_are_sanitised_too(personas):
    minutes = Minutes.objects.create(
        meeting=h.meeting("73.06"), body="<h3>A</h3><script>x()</script>"
    )
    minutes.refresh_from_db()
    assert minutes.body == "<h3>A</h3>"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<a href="/relative">r</a>', '<a rel="noopener noreferrer nofollow">r</a>'),
        ('<a href="mailto:a@b">m</a>', '<a rel="noopener noreferrer nofollow">m</a>'),
        ("<p><strong>b</strong><em>i</em><br></p>", "<p><strong>b</strong><em>i</em><br></p>"),
        (
            "<ul><li>1</li></ul><ol><li>2</li></ol><h4>h</h4>",
            "<ul><li>1</li></ul><ol><li>2</li></ol><h4>h</h4>",
        ),
        ("<h1>big</h1><style>p{}</style><!-- c -->", "big"),
        ("", ""),
    ],
)
def test_sanitize_html_keeps_only_the_safe_subset(html, expected):
    assert sanitize_html(html) == expected


def test_approved_minutes_are_locked_until_the_approval_is_withdrawn(personas):
    meeting = h.meeting("73.06")
    minutes = services.save_minutes(
        meeting=meeting, by=None, body="<p>A</p>", decisions=[{"text": "Satu"}]
    )
    services.approve_minutes(minutes=minutes, by=personas.gowa_operator, expected_version=1)
    with pytest.raises(DomainError):
        services.save_minutes(meeting=meeting, by=None, body="<p>B</p>", expected_version=2)
    with pytest.raises(DomainError):
        services.withdraw_approval(
            minutes=minutes, by=personas.gowa_operator, reason=" ", expected_version=2
        )
    services.withdraw_approval(
        minutes=minutes, by=personas.gowa_operator, reason="Salah ketik", expected_version=2
    )
    services.save_minutes(meeting=meeting, by=None, body="<p>B</p>", expected_version=3)
    minutes.refresh_from_db()
    assert minutes.body == "<p>B</p>" and not minutes.is_approved
    codes = list(
        AuditEvent.objects.filter(code__startswith="meetings.minutes").values_list(
            "code", flat=True
        )
    )
    assert sorted(codes) == ["meetings.minutes_approved", "meetings.minutes_unapproved"]
    withdrawn = AuditEvent.objects.get(code="meetings.minutes_unapproved")
    assert withdrawn.changes["reason"] == [None, "Salah ketik"]


def test_minutes_approval_needs_time_and_approver_together(personas):
    minutes = services.save_minutes(meeting=h.meeting("73.06"), by=None, body="<p>A</p>")
    with pytest.raises(IntegrityError), transaction.atomic():
        Minutes.objects.filter(pk=minutes.pk).update(approved_at=timezone.now())


def test_minutes_of_a_future_meeting_cannot_be_approved(personas):
    minutes = services.save_minutes(
        meeting=h.meeting("73.06", started=False), by=None, body="<p>A</p>"
    )
    with pytest.raises(DomainError):
        services.approve_minutes(minutes=minutes, by=personas.gowa_operator, expected_version=1)


def test_decisions_are_updated_in_place_and_renumbered(personas):
    meeting = h.meeting("73.06")
    minutes = services.save_minutes(
        meeting=meeting, by=None, body="", decisions=[{"text": "A"}, {"text": "B"}, {"text": "C"}]
    )
    a, b, c = minutes.decisions.all()
    item = h.item("73.06", meeting=meeting, decision=b)
    services.save_minutes(
        meeting=meeting, by=None, body="", expected_version=minutes.version,
        decisions=[{"id": b.pk, "text": "B2"}, {"id": "", "text": "  "}, {"text": "D"}],
    )  # fmt: skip
    assert [(d.number, d.text) for d in minutes.decisions.all()] == [(1, "B2"), (2, "D")]
    item.refresh_from_db()
    assert item.decision_id == b.pk


def test_action_item_can_only_be_assigned_within_the_region(personas):
    with pytest.raises(DomainError):
        h.item("73.06", assigned="73.71")
    with pytest.raises(DomainError):
        h.item("73", assigned="74.01")
    other = h.pokja("73.71").members.first()
    with pytest.raises(DomainError):
        h.item("73", assigned="73.06", member=other)
    assert not ActionItem.objects.exists()


def test_action_item_takes_the_members_region_when_none_is_given(personas):
    member = h.pokja("73.06").members.first()
    item = h.item("73", member=member)
    assert item.assigned_region.code == "73.06"


def test_closing_an_item_records_when_and_reopening_clears_it(personas):
    item = h.item("73", assigned="73.06")
    services.report_progress(
        item=item, by=personas.gowa_operator, text="Selesai", status="done", expected_version=1
    )
    item.refresh_from_db()
    assert item.status == "done" and item.closed_at is not None and not item.is_open
    services.report_progress(
        item=item, by=personas.sulsel_admin, text="Dibuka lagi", status="open", expected_version=2
    )
    item.refresh_from_db()
    assert item.closed_at is None and list(item.notes.values_list("status_to", flat=True)) == [
        "done",
        "open",
    ]


def test_progress_with_stale_version_changes_nothing(personas):
    item = h.item("73", assigned="73.06")
    with pytest.raises(ConflictError):
        services.report_progress(
            item=item, by=personas.gowa_operator, text="x", status="done", expected_version=7
        )
    item.refresh_from_db()
    assert item.status == "open" and not item.notes.exists()


def test_progress_needs_a_note(personas):
    item = h.item("73", assigned="73.06")
    with pytest.raises(DomainError):
        services.report_progress(item=item, by=None, text="  ", status="done", expected_version=1)
    assert ActionItem.objects.get(pk=item.pk).status == "open"


def test_evidence_is_checked_by_content(personas):
    item = h.item("73", assigned="73.06")
    fake = SimpleUploadedFile("bukti.pdf", b"this is not a pdf at all")
    with pytest.raises(ValidationError):
        services.report_progress(item=item, by=None, text="x", evidence=fake, expected_version=1)
    assert not item.notes.exists()


def test_material_accepts_pdf_xlsx_and_images_only(personas):
    meeting = h.meeting("73.06")
    for upload, kind in (
        (h.pdf_upload(), "pdf"),
        (h.xlsx_upload(), "xlsx"),
        (h.png_upload(), "png"),
    ):
        material = services.add_material(meeting=meeting, by=None, title="", upload=upload)
        assert material.file_type == kind and material.file.name.endswith("." + kind)
    with pytest.raises(ValidationError):
        services.add_material(
            meeting=meeting,
            by=None,
            title="x",
            upload=SimpleUploadedFile("x.pdf", b"MZ\x90\x00 executable"),
        )
    assert Material.objects.count() == 3


def test_announcement_goes_only_to_the_provinces_regencies(personas):
    with pytest.raises(DomainError):
        services.send_announcement(region=h.region("73.06"), by=None, title="x", body="y")
    with pytest.raises(DomainError):
        services.send_announcement(
            region=h.region("73"), by=None, title="x", body="y", recipients=[h.region("74.01")]
        )
    announcement = services.send_announcement(region=h.region("73"), by=None, title="x", body="y")
    assert announcement.recipients.count() == 24


def test_read_receipt_only_for_users_of_the_receiving_regency(personas):
    announcement = services.send_announcement(region=h.region("73"), by=None, title="x", body="y")
    gowa = h.region("73.06")
    assert (
        services.record_read(announcement=announcement, region=gowa, by=personas.sulsel_admin)
        is False
    )
    assert (
        services.record_read(announcement=announcement, region=gowa, by=personas.gowa_member)
        is True
    )
    assert (
        services.record_read(announcement=announcement, region=gowa, by=personas.gowa_member)
        is False
    )
    assert list(announcement.reads.values_list("region__code", "user__username")) == [
        ("73.06", "gowa_member")
    ]


def test_guest_needs_a_name_and_an_involved_region(personas):
    meeting = h.meeting("73.06")
    with pytest.raises(DomainError):
        services.add_guest(meeting=meeting, by=None, name=" ")
    with pytest.raises(DomainError):
        services.add_guest(meeting=meeting, by=None, name="Tamu", region=h.region("73.71"))
    assert not Participant.objects.exists()


def test_agenda_item_must_fall_within_the_meeting_days(personas):
    meeting = h.meeting("73.06")
    with pytest.raises(DomainError):
        services.add_agenda_item(meeting=meeting, by=None, title="Sesi", starts_at=h.when(5))
    item = services.add_agenda_item(
        meeting=meeting,
        by=None,
        title="Sesi",
        starts_at=meeting.starts_at + datetime.timedelta(hours=1),
    )
    assert item.order == 1


def test_letterhead_logo_must_be_an_image(personas):
    with pytest.raises(ValidationError):
        services.save_letterhead(
            region=h.region("73.06"), by=None, logo=h.pdf_upload(), header_line="x"
        )
    letterhead = h.letterhead("73.06")
    assert letterhead.logo_type == "png" and letterhead.logo.name.endswith(".png")


def test_every_meetings_model_is_audited():
    from django.apps import apps

    from audit.registry import _registry

    models = set(apps.get_app_config("meetings").get_models())
    assert models <= set(_registry)


def test_progress_on_an_item_is_audited_with_the_region(personas):
    item = h.item("73", assigned="73.06")
    services.report_progress(
        item=item, by=personas.gowa_operator, text="x", status="done", expected_version=1
    )
    update = AuditEvent.objects.get(model="meetings.ActionItem", action="update")
    assert update.region_code == "73" and update.changes["status"] == ["open", "done"]
    assert update.actor_username == "gowa_operator"


def test_moving_an_item_to_another_meeting_unlinks_the_old_decision(personas):
    first, second = h.meeting("73.06"), h.meeting("73.06", title="Rapat kedua")
    minutes = services.save_minutes(meeting=first, by=None, body="", decisions=[{"text": "A"}])
    item = h.item("73.06", meeting=first, decision=minutes.decisions.get())
    services.update_action_item(item=item, by=None, expected_version=1, meeting=second)
    item.refresh_from_db()
    assert item.meeting == second and item.decision is None
