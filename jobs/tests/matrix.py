from django.core.files.base import ContentFile
from django.utils import timezone

from tests.matrix import Row, api_rows, expect

# A job follows its starter, not the region's readers: the Gowa operator started it; the admins
# whose scope covers Gowa (national, Sulsel) may follow it; everybody else gets 404.
FOLLOW = expect(404, gowa_operator=200, sulsel_admin=200, national_admin=200, anonymous=302)
SIGNED_IN = expect(200, anonymous=302)


def _job(personas, *, region="73.06", by="gowa_operator"):
    from jobs.models import Job
    from regions.models import Region

    job = Job(
        kind="reports.profiles_zip",
        title="Profil",
        state=Job.State.SUCCEEDED,
        done=1,
        total=1,
        created_by=personas.users[by],
        region=Region.objects.get(code=region),
        finished_at=timezone.now(),
        result_name="profil.zip",
    )
    job.result.save("jobs/result/matrix.zip", ContentFile(b"PK\x05\x06" + b"\0" * 18), save=False)
    job.save()
    return {"job": job.pk}


def _regionless(personas):
    """A system job (a scheduled one): nobody's, in no region; only national admins follow it."""
    from jobs.models import Job

    return {"job": Job.objects.create(kind="meetings.reminders", state="succeeded").pk}


op = api_rows("/api/v1/jobs", job_id="{job}")
_SYSTEM_JOB = expect(404, national_admin=200, anonymous=302)

ROWS = [
    Row("jobs:list", "GET", "/jobs/", SIGNED_IN),
    Row("jobs:list", "GET", "/jobs/?page=2", SIGNED_IN, setup=_job),
    Row("jobs:detail", "GET", "/jobs/{job}/", FOLLOW, setup=_job),
    Row("jobs:detail", "GET", "/jobs/{job}/", _SYSTEM_JOB, setup=_regionless, note="a system job"),
    Row("jobs:detail", "GET", "/jobs/999999/", expect(404, anonymous=302), note="no such job"),
    Row("jobs:progress", "GET", "/jobs/{job}/progress/", FOLLOW, setup=_job),
    Row("jobs:result", "GET", "/jobs/{job}/result/", FOLLOW, setup=_job),
    op("GET ", SIGNED_IN, _job),
    op("GET /{job_id}", FOLLOW, _job),
    op("GET /{job_id}", _SYSTEM_JOB, _regionless, note="a system job"),
    op("GET /{job_id}/result", FOLLOW, _job),
]
