from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from accounts import crud
from core.uploads import body_response, content_disposition, stored_body
from jobs.access import get_job, own_jobs

# Content types of the files jobs produce; anything else is an opaque download.
RESULT_TYPES = {
    "zip": "application/zip",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}
# htmx stops polling when a response has this status (the job has finished).
STOP_POLLING = 286


@login_required
@require_GET
def my_jobs(request):
    """Pekerjaan saya: the jobs the user started, newest first."""
    listing = crud.listing(request, own_jobs(request.user))
    return render(request, "jobs/list.html", {"page": listing.page, "listing": listing})


@login_required
@require_GET
def detail(request, pk):
    return render(request, "jobs/detail.html", {"job": get_job(request.user, pk)})


@login_required
@require_GET
def progress(request, pk):
    """The job's progress, for htmx polling: the inside of the job box; once the job has
    finished, with the status that ends the polling."""
    job = get_job(request.user, pk)
    html = render_to_string("jobs/_job_body.html", {"job": job}, request)
    response = HttpResponse(html)
    if job.is_finished and request.headers.get("HX-Request"):
        response.status_code = STOP_POLLING
    response["Cache-Control"] = "no-store"
    return response


def result_response(job) -> HttpResponse:
    """The job's result file as a download (the caller has checked who may see the job)."""
    if job.state != job.State.SUCCEEDED or not job.result:
        raise Http404("No result")
    content = stored_body(job.result)  # streamed when large
    extension = job.result.name.rsplit(".", 1)[-1].lower()
    if extension not in RESULT_TYPES:
        extension = ""
    response = body_response(content, RESULT_TYPES.get(extension, "application/octet-stream"))
    response["Content-Disposition"] = content_disposition(job.result_name or "hasil", extension)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def result(request, pk):
    return result_response(get_job(request.user, pk))
