"""The one task the engine runs: an attempt of a job. Every kind of job goes through it, so the
engine's queue holds only (job id, attempt) and the Job row holds everything else."""

try:  # Django 6 ships the Tasks API; on 5.2 the django-tasks backport provides it.
    from django.tasks import task
except ImportError:  # pragma: no cover - depends on the Django version
    from django_tasks import task


@task()
def run_job(job_id: int, attempt: int) -> str:
    from jobs.engine import run

    return run(job_id, attempt)
