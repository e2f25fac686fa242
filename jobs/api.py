"""Jobs in the API: `GET /api/v1/jobs` (the caller's own, newest first), `GET /api/v1/jobs/{id}`
(to the person who started it and the admins of its region; 404 to everybody else) and its
result file. Operations that start a job answer `accepted(job, response)`: 202 with the job and
`Location: /api/v1/jobs/{id}`."""

from datetime import datetime

from django.http import HttpResponse
from django.urls import reverse
from ninja import Field, Query, Router, Schema, Status

from jobs.access import get_job, own_jobs
from jobs.models import Job
from jobs.views import RESULT_TYPES, result_response

router = Router(tags=["jobs"])


class JobOut(Schema):
    id: int
    kind: str
    state: str = Field(description="queued, running, succeeded or failed")
    done: int
    total: int
    messages: list[dict] = Field(
        description='[{"level": "error", "message": "…", "row": 5, "column": "C"}, …]; '
        "row-numbered for imports"
    )
    result_url: str | None = Field(description="Download of the result file, once succeeded")
    created_at: datetime
    finished_at: datetime | None


def job_out(job: Job) -> dict:
    has_result = job.state == Job.State.SUCCEEDED and bool(job.result)
    return {
        "id": job.pk,
        "kind": job.kind,
        "state": job.state,
        "done": job.done,
        "total": job.total,
        "messages": job.messages,
        "result_url": reverse("api-v1:job_result", args=[job.pk]) if has_result else None,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def accepted(job: Job, response: HttpResponse) -> Status:
    """The answer of an operation that started `job`: 202, the job, and where to follow it."""
    response["Location"] = reverse("api-v1:job", args=[job.pk])
    return Status(202, job_out(job))


class Page(Schema):
    limit: int = Field(100, ge=1, le=500)
    offset: int = Field(0, ge=0, le=10**9)


@router.get("/jobs", response=list[JobOut])
def list_jobs(request, page: Query[Page]):
    """The jobs the caller started, newest first (`limit`, `offset` page through them)."""
    jobs = own_jobs(request.user)[page.offset : page.offset + page.limit]
    return [job_out(job) for job in jobs]


@router.get("/jobs/{job_id}", response=JobOut, url_name="job")
def job_detail(request, job_id: int):
    """One job: to the person who started it and the admins of its region; 404 otherwise."""
    return job_out(get_job(request.user, job_id))


_FILE = {"schema": {"type": "string", "format": "binary"}}


@router.get(
    "/jobs/{job_id}/result",
    url_name="job_result",
    openapi_extra={
        "responses": {
            200: {
                "description": "The result file (a ZIP of PDFs, a PDF, a spreadsheet).",
                "content": {
                    **{value.split(";")[0]: _FILE for value in RESULT_TYPES.values()},
                    "application/octet-stream": _FILE,
                },
            }
        }
    },
)
def job_result(request, job_id: int):
    """The result file of a succeeded job (same visibility as the job)."""
    return result_response(get_job(request.user, job_id))
