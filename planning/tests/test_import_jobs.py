"""The activity import as a job: a retried job does not import twice, and a job whose work plan
was deleted before it ran fails cleanly (the import page itself: test_plans.py)."""

import pytest

from jobs import engine
from jobs.models import Job
from planning.tests import helpers as h

pytestmark = pytest.mark.django_db

URL = "/r/73.06/plans/2025/activities/import/"


@pytest.fixture
def gowa(personas):
    """Gowa's Pokja with what the template rows name (as in test_plans.py)."""
    h.workgroup("73.06")
    h.institution("73.06", "Dinas Kesehatan")
    h.indicator("tfr")
    h.subgroup()


def test_a_retried_activity_import_does_not_import_twice(personas, gowa, page_import):
    plan = h.plan("73.06", activities=0)
    upload = h.filled_template(
        h.template_for(plan), [h.activity_row("Rapat"), h.activity_row("Audit")]
    )
    _response, job = page_import(personas.client("gowa_operator"), URL, {"file": upload})
    assert job.state == "succeeded" and job.kind == "planning.activities_import"
    assert "2 kegiatan" in job.messages[-1]["message"]
    assert engine.run(job.pk, 1) == "skipped" and engine.run(job.pk, 2) == "skipped"
    assert plan.activities.count() == 2


def test_a_job_whose_work_plan_was_deleted_fails_cleanly(personas, gowa, committed):
    plan = h.plan("73.06", activities=0)
    upload = h.filled_template(h.template_for(plan), [h.activity_row("Rapat")])
    response = personas.client("gowa_operator").post(URL, {"file": upload})  # queued, not run
    job = Job.objects.get(pk=int(response.url.split("/")[2]))
    plan.delete()
    committed(engine.hand_over, job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and "Rencana kerja sudah tidak ada" in job.messages[0]["message"]
    assert not job.input
