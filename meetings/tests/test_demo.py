import io

import pytest
from django.core.management import call_command

from meetings.models import ActionItem, Announcement, Meeting, Minutes


@pytest.mark.slow
def test_load_demo_twice_creates_the_forum_data_once(regions):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    counts = (Meeting.objects.count(), ActionItem.objects.count(), Announcement.objects.count())
    call_command("load_demo", stdout=out)
    assert (
        Meeting.objects.count(),
        ActionItem.objects.count(),
        Announcement.objects.count(),
    ) == counts
    forum = Meeting.objects.get(title__startswith="Pengelolaan Forum Komunikasi")
    assert forum.title.endswith("(demo)")
    assert forum.venue == "Hotel Ramcy Panakukang, Makassar"
    assert forum.local_start().date().isoformat() == "2023-07-24"
    assert forum.local_end().date().isoformat() == "2023-07-25"
    assert forum.invited_regions.count() == 24
    assert forum.participants.exclude(attendance="unknown").exists()
    minutes = Minutes.objects.get(meeting=forum)
    assert minutes.is_approved and minutes.decisions.count() >= 3
    statuses = set(ActionItem.objects.filter(meeting=forum).values_list("status", flat=True))
    assert {"done", "open"} <= statuses
    assert any(item.is_overdue() for item in ActionItem.objects.all())
    assert all(m.title.endswith("(demo)") for m in Meeting.objects.all())
    assert Announcement.objects.filter(reads__region__code="73.06").exists()
