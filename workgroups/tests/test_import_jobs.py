"""The member import as a job: a retried job does not import twice, and a job whose Pokja was
deleted before it ran fails cleanly (the import page itself: test_views.py)."""

import pytest

from jobs import engine
from jobs.models import Job
from workgroups.models import Member
from workgroups.tests.helpers import build_xlsx, member_row

pytestmark = pytest.mark.django_db

URL = "/r/73.06/pokja/members/import/"


def test_a_retried_member_import_does_not_import_twice(personas, gowa_pokja, page_import):
    before = Member.objects.count()
    rows = [member_row(i) for i in range(1, 4)]
    _response, job = page_import(personas.client("gowa_operator"), URL, {"file": build_xlsx(rows)})
    assert job.state == "succeeded" and job.done == job.total == 1
    assert job.kind == "workgroups.members_import" and job.region.code == "73.06"
    assert Member.objects.count() == before + 3
    assert engine.run(job.pk, 1) == "skipped" and engine.run(job.pk, 2) == "skipped"
    assert Member.objects.count() == before + 3


def test_a_job_whose_pokja_was_deleted_fails_cleanly(personas, gowa_pokja, committed):
    client = personas.client("gowa_operator")
    response = client.post(URL, {"file": build_xlsx([member_row(1)])})  # queued, not yet run
    job = Job.objects.get(pk=int(response.url.split("/")[2]))
    job.params["workgroup"] = 0  # as if the Pokja had been deleted since
    job.save(update_fields=["params"])
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "Pokja sudah tidak ada" in job.messages[0]["message"]
    assert not job.input
