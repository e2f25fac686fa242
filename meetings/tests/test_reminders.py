import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from django.utils import timezone

from meetings import services
from meetings.models import ReminderLog
from meetings.tests import helpers as h


def _run(**options):
    out = io.StringIO()
    # The reminders leave by mail jobs once their transaction commits (here: the test's
    # savepoints; the callbacks are run at the end of the block).
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("send_reminders", stdout=out, **options)
    return out.getvalue()


@pytest.fixture
def gowa(personas):
    personas.gowa_operator.email = "operator.gowa@example.org"
    personas.gowa_operator.save()
    return h.pokja("73.06", members=2)


def test_reminders_for_due_soon_overdue_and_tomorrow_are_sent_once(gowa):
    member = gowa.members.order_by("pk").first()
    h.item("73.06", member=member, due_in=3, title="Laporan triwulan")
    h.item("73", assigned="73.06", due_in=-4, title="Anggaran Pokja")
    h.item("73.06", due_in=20, title="Jauh")
    done = h.item("73.06", due_in=1, title="Sudah")
    services.report_progress(item=done, by=None, text="ok", status="done", expected_version=1)
    h.meeting_tomorrow("73.06", gowa)

    output = _run()
    sent = {(m.subject, m.to[0]) for m in mail.outbox}
    assert sent == {
        ("Segera jatuh tempo: Laporan triwulan", member.email),
        ("Terlambat: Anggaran Pokja", "operator.gowa@example.org"),
        ("Pengingat: Rapat besok besok", gowa.members.order_by("pk")[0].email),
        ("Pengingat: Rapat besok besok", gowa.members.order_by("pk")[1].email),
    }
    assert "Reminders sent: 4" in output
    reminder = next(m for m in mail.outbox if m.subject.startswith("Pengingat"))
    assert icalendar.Calendar.from_ical(reminder.attachments[0][1])
    assert ReminderLog.objects.count() == 4

    _run()
    _run()
    assert len(mail.outbox) == 4


def test_changing_the_due_date_earns_a_new_reminder(gowa):
    item = h.item("73.06", due_in=2)
    _run()
    assert len(mail.outbox) == 1
    services.update_action_item(
        item=item,
        by=None,
        expected_version=1,
        due_date=timezone.localdate() + datetime.timedelta(days=4),
    )
    _run()
    assert len(mail.outbox) == 2


def test_overdue_item_of_a_regency_without_contacts_reminds_the_province(personas):
    personas.sulsel_admin.email = "admin@example.org"
    personas.sulsel_admin.save()
    h.item("73", assigned="73.03", due_in=-1, title="Bentuk Pokja")
    _run()
    assert [(m.subject, m.to) for m in mail.outbox] == [
        ("Terlambat: Bentuk Pokja", ["admin@example.org"])
    ]


def test_cancelled_meeting_sends_no_reminder(gowa):
    meeting = h.meeting("73.06", started=False)
    start = h.when(1)
    services.update_meeting(
        meeting=meeting, by=None, expected_version=1, starts_at=start,
        ends_at=start + datetime.timedelta(hours=2), status="cancelled",
    )  # fmt: skip
    h.invite_pokja(meeting, gowa)
    _run()
    assert mail.outbox == []


def test_date_option_acts_as_another_day(gowa):
    h.item("73.06", due_in=30)
    _run(date=(timezone.localdate() + datetime.timedelta(days=25)).isoformat())
    assert len(mail.outbox) == 1
    with pytest.raises(CommandError):
        _run(date="25/07/2023")
