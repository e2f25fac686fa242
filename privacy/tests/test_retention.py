import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import ApiToken
from audit.models import AuditEvent
from meetings.models import ReminderLog
from privacy.retention import expired, purge
from workgroups.models import Member

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


def test_the_purge_removes_exactly_what_passed_its_retention_and_is_idempotent(personas):
    from meetings.tests import helpers as h

    now = timezone.now().replace(microsecond=0)  # the frozen clock of both purges
    pokja = h.pokja("73.06", members=1)
    current = pokja.members.get()
    old_token, _ = ApiToken.issue(user=personas.gowa_member, name="lama")
    new_token, _ = ApiToken.issue(user=personas.gowa_member, name="baru")
    ApiToken.objects.filter(pk=old_token.pk).update(revoked_at=now - 91 * DAY)
    ApiToken.objects.filter(pk=new_token.pk).update(revoked_at=now - 89 * DAY)
    for pk, age in ((1, 366), (2, 364)):
        log = ReminderLog.objects.create(
            kind="action_item", object_id=pk, recipient=f"r{pk}@example.org",
            due_date=now.date(),
        )  # fmt: skip
        ReminderLog.objects.filter(pk=log.pk).update(sent_at=now - age * DAY)
    old_event = AuditEvent.objects.create(actor_username="system", action="other", model="x.Y")
    AuditEvent.objects.filter(pk=old_event.pk).update(created_at=now - (5 * 365 + 1) * DAY)
    former = Member.objects.create(
        workgroup=pokja, name="Mantan Anggota", phone="081211112222", email="m@example.org",
        active_until=(now - (2 * 365 + 2) * DAY).date(),
    )  # fmt: skip

    out = io.StringIO()
    call_command("purge_expired", "--dry-run", stdout=out)
    assert "tokens: would remove 1" in out.getvalue()
    assert ApiToken.objects.filter(pk=old_token.pk).exists()  # a dry run removes nothing

    counts = purge(now)
    assert counts["tokens"] == counts["reminders"] == counts["former_members"] == 1
    assert counts["audit"] == 1
    assert not ApiToken.objects.filter(pk=old_token.pk).exists()
    assert ApiToken.objects.filter(pk=new_token.pk).exists()
    assert list(ReminderLog.objects.values_list("object_id", flat=True)) == [2]
    assert not AuditEvent.objects.filter(pk=old_event.pk).exists()
    former.refresh_from_db()
    assert former.phone == former.email == "" and former.name == "Mantan Anggota"
    current.refresh_from_db()
    assert current.email  # a sitting member keeps their contact data
    event = AuditEvent.objects.get(code="privacy.purged")
    assert event.changes["removed"] == {
        "audit": 1, "tokens": 1, "reminders": 1, "former_members": 1,
    }  # fmt: skip
    assert "081211112222" not in str(event.changes)

    # Again: nothing more goes, nothing more is recorded.
    assert sum(purge(now).values()) == 0
    assert sum(expired(now).values()) == 0
    assert AuditEvent.objects.filter(code="privacy.purged").count() == 1


def test_the_purge_is_scheduled_daily_as_a_job(django_capture_on_commit_callbacks):
    from jobs.models import Job
    from jobs.schedule import entries, tick

    assert any(e.kind == "privacy.purge_expired" and e.every.days == 1 for e in entries())
    with django_capture_on_commit_callbacks(execute=True):
        tick()
    job = Job.objects.get(kind="privacy.purge_expired")
    assert job.state == "succeeded", job.messages
