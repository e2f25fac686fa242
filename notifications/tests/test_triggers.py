"""The other senders: meetings (invitation, change, cancellation, action items assigned and
overdue) and the daily SK expiry notices (once per decree and threshold)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from jobs import schedule
from jobs.models import Job
from meetings import services as meetings
from meetings.models import ActionItem
from meetings.reminders import run_reminders
from meetings.tests import helpers as h
from notifications import kinds
from notifications.models import Notification
from workgroups.models import Decree
from workgroups.notify import DECREE_EXPIRY, check_decrees

pytestmark = pytest.mark.django_db


def _kinds_of(user):
    return list(Notification.objects.filter(user=user).values_list("kind", flat=True))


@pytest.fixture
def gowa(personas):
    personas.gowa_member.email = "member.login@example.org"
    personas.gowa_member.save()
    return h.pokja("73.06", members=2, user=personas.gowa_member)


def test_invitees_who_are_users_are_notified_and_the_others_e_mailed(
    personas, gowa, django_capture_on_commit_callbacks
):
    meeting = h.meeting("73.06", started=False, title="Rapat koordinasi")
    meetings.set_invitees(meeting=meeting, by=None, members=gowa.members.all(), institutions=[])
    meetings.add_guest(meeting=meeting, by=None, name="Tamu", email="tamu@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        assert meetings.send_invitations(meeting=meeting, by=personas.gowa_operator) == 3
    (notification,) = Notification.objects.filter(user=personas.gowa_member)
    assert notification.kind == kinds.MEETING_INVITATION
    assert notification.title == "Undangan: Rapat koordinasi"
    assert notification.url == f"/r/73.06/meetings/{meeting.pk}/"
    by_address = {m.to[0]: m for m in mail.outbox}
    # The user by their account's address (their choice), the others by theirs; all with .ics.
    assert set(by_address) == {"member.login@example.org", "anggota2.7306@example.org",
                               "tamu@example.org"}  # fmt: skip
    assert all(m.attachments[0][0] == "undangan.ics" for m in mail.outbox)
    assert by_address["member.login@example.org"].subject == "[Sipokja] Undangan: Rapat koordinasi"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.update_meeting(
            meeting=meeting,
            by=personas.gowa_operator,
            expected_version=meeting.version,
            starts_at=meeting.starts_at + datetime.timedelta(hours=1),
        )
    assert _kinds_of(personas.gowa_member)[0] == kinds.MEETING_CHANGED
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anggota2.7306@example.org", "member.login@example.org", "tamu@example.org"
    ]  # fmt: skip

    mail.outbox.clear()
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.update_meeting(
            meeting=meeting, by=None, expected_version=meeting.version, status="cancelled"
        )
    assert _kinds_of(personas.gowa_member)[0] == kinds.MEETING_CANCELLED
    assert len(mail.outbox) == 3
    ics = mail.outbox[0].attachments[0][1]
    assert "STATUS:CANCELLED" in (ics.decode() if isinstance(ics, bytes) else ics)


def test_an_action_item_tells_its_owner_when_assigned_and_once_when_overdue(personas, gowa):
    member = gowa.members.get(user=personas.gowa_member)
    item = h.item("73.06", by=personas.gowa_operator, member=member, title="Kirim data")
    assert _kinds_of(personas.gowa_member) == [kinds.ACTION_ITEM_ASSIGNED]
    # Without an assigned member, the operators of the assigned region own it.
    h.item("73", by=personas.sulsel_admin, assigned="73.06", title="Laporan triwulan")
    assert _kinds_of(personas.gowa_operator) == [kinds.ACTION_ITEM_ASSIGNED]

    # Handed to the Gowa operator (no member): they are told; editing it again tells nobody.
    item = meetings.update_action_item(
        item=item, by=None, expected_version=item.version, assigned_member=None
    )
    assert _kinds_of(personas.gowa_operator) == [kinds.ACTION_ITEM_ASSIGNED] * 2
    item = meetings.update_action_item(
        item=item, by=None, expected_version=item.version, title="Kirim"
    )
    assert _kinds_of(personas.gowa_operator) == [kinds.ACTION_ITEM_ASSIGNED] * 2
    item = meetings.update_action_item(
        item=item, by=None, expected_version=item.version, assigned_member=member,
        title="Kirim data",
    )  # fmt: skip

    ActionItem.objects.filter(pk=item.pk).update(
        due_date=timezone.localdate() - datetime.timedelta(days=2)
    )
    run_reminders()
    run_reminders()
    overdue = Notification.objects.filter(user=personas.gowa_member, kind=kinds.ACTION_ITEM_OVERDUE)
    assert [n.title for n in overdue] == ["Terlambat: Kirim data"]


def _decree(gowa, valid_until, number="188/1/2024", valid_from=datetime.date(2024, 1, 2)):
    return Decree.objects.create(
        workgroup=gowa, number=number, title="Pembentukan Pokja", signed_on=datetime.date(2024, 1, 2),
        issuer="regent", valid_from=valid_from, valid_until=valid_until,
    )  # fmt: skip


def test_sk_expiry_notices_go_once_per_decree_and_threshold(personas, gowa):
    today = datetime.date(2026, 12, 5)
    decree = _decree(gowa, today + datetime.timedelta(days=80))
    told = [personas.gowa_operator, personas.sulsel_admin]

    assert check_decrees(today=today) == 2
    assert check_decrees(today=today + datetime.timedelta(days=1)) == 0  # the 90-day notice: once
    assert check_decrees(today=today + datetime.timedelta(days=55)) == 2  # 25 days left
    assert check_decrees(today=today + datetime.timedelta(days=56)) == 0
    assert check_decrees(today=today + datetime.timedelta(days=81)) == 2  # expired
    assert check_decrees(today=today + datetime.timedelta(days=82)) == 0
    for user in told:
        assert _kinds_of(user) == [kinds.DECREE_EXPIRED, kinds.DECREE_EXPIRING,
                                   kinds.DECREE_EXPIRING]  # fmt: skip
    for user in (personas.gowa_member, personas.sultra_admin, personas.sulsel_viewer):
        assert _kinds_of(user) == []
    latest = Notification.objects.filter(user=personas.gowa_operator).first()
    assert decree.number in latest.title and latest.url == "/r/73.06/pokja/decrees/"


def test_a_renewed_decree_brings_no_notice(personas, gowa):
    today = datetime.date(2026, 12, 5)
    old = _decree(gowa, today + datetime.timedelta(days=20))
    _decree(gowa, None, number="188/2/2026", valid_from=old.valid_until)
    assert check_decrees(today=today) == 0


def test_the_sk_check_is_a_daily_scheduled_job_started_once(personas, gowa):
    now = timezone.now()
    started = [job.kind for job in schedule.tick(now) + schedule.tick(now)]
    assert started.count(DECREE_EXPIRY) == 1
    assert Job.objects.filter(kind=DECREE_EXPIRY).count() == 1


def test_a_stale_verification_tells_the_province(personas):
    from assessment import notify as assessment_notify
    from regions.models import Region

    gowa = Region.objects.get(code="73.06")
    assessment_notify.stale(gowa, 2025, why="Berkas SK dihapus.")
    (notification,) = Notification.objects.filter(kind=kinds.VERIFICATION_STALE)
    assert notification.user == personas.sulsel_admin
    assert notification.title == "Verifikasi 2025 Kabupaten Gowa perlu diulang"
    assert notification.body == "Berkas SK dihapus."
    assert notification.url == "/r/73.06/assessment/?year=2025"
