"""The schedule: each periodic job starts once per period, however often and however many
workers tick (two real workers on PostgreSQL: test_worker.py)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError

from jobs import schedule
from jobs.models import Job

pytestmark = pytest.mark.django_db

WITA = ZoneInfo("Asia/Makassar")


def at(hour, minute=0, day=5):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=WITA)


def test_periods_are_aligned_to_local_midnight():
    hourly = schedule.Periodic("x", datetime.timedelta(hours=1))
    daily = schedule.Periodic("x", datetime.timedelta(days=1))
    assert hourly.period_start(at(10, 42)) == at(10)
    assert hourly.key(at(10, 42)) == "schedule:x:2026-03-05T10:00+08:00"
    assert daily.period_start(at(23, 59)) == at(0)
    # 01:30 WITA is the evening before in UTC: still the local day.
    assert daily.period_start(at(1, 30).astimezone(datetime.UTC)) == at(0)
    with pytest.raises(ValueError):
        schedule.periodic("x", every=datetime.timedelta(minutes=7))


def test_the_project_schedules_reminders_hourly_and_housekeeping_daily():
    every = {entry.kind: entry.every for entry in schedule.entries()}
    assert every["meetings.reminders"] == datetime.timedelta(hours=1)
    assert every["jobs.prune"] == datetime.timedelta(days=1)
    assert every["assessment.stale_decrees"] == datetime.timedelta(days=1)


def test_each_period_starts_once_however_often_it_is_ticked(committed):
    first = committed(schedule.tick, at(10, 1))
    # The hourly reminders and the daily jobs (housekeeping, SK expiry notices, …).
    assert {
        "meetings.reminders",
        "jobs.prune",
        "workgroups.decree_expiry",
        "assessment.stale_decrees",
    } <= {job.kind for job in first}
    assert committed(schedule.tick, at(10, 2)) == []
    assert committed(schedule.tick, at(10, 59)) == []
    next_hour = committed(schedule.tick, at(11, 0))
    hourly = {e.kind for e in schedule.entries() if e.every == datetime.timedelta(hours=1)}
    assert "meetings.reminders" in hourly
    assert sorted(job.kind for job in next_hour) == sorted(hourly)  # the daily ones wait
    assert Job.objects.filter(kind="meetings.reminders").count() == 2
    assert all(job.state == Job.State.SUCCEEDED for job in Job.objects.all())


def test_the_period_key_is_unique_in_the_database(db):
    Job.objects.create(
        kind="meetings.reminders", key="schedule:meetings.reminders:2026-03-05T10:00"
    )
    with pytest.raises(IntegrityError):
        Job.objects.create(
            kind="meetings.reminders", key="schedule:meetings.reminders:2026-03-05T10:00"
        )
