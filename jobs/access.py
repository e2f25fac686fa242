"""Who may follow a job: the person who started it, and the admins of its region (those holding
`job.view` for it: national admins everywhere, provincial admins in their province and its
kab/kota). Everybody else is told it does not exist (404)."""

from django.http import Http404

from accounts.access import has_permission
from accounts.permissions import Permission
from jobs.models import Job


def can_view(user, job: Job) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if job.created_by_id == user.pk:
        return True
    return has_permission(user, Permission.JOB_VIEW, job.region)


def get_job(user, pk) -> Job:
    job = Job.objects.select_related("region", "created_by").filter(pk=pk).first()
    if job is None or not can_view(user, job):
        raise Http404("Unknown job")
    return job


def own_jobs(user):
    """The user's own jobs, newest first."""
    return (
        Job.objects.filter(created_by=user).select_related("region").order_by("-created_at", "-pk")
    )
