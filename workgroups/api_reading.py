"""`POST /api/v1/regions/{code}/decrees/read` (issue 26): read an SK from its PDF (multipart
field `file`) without writing anything to the registry. A text PDF is answered at once; a scan
is read by a background job the request waits for (up to 120 s for up to 10 pages), else 202
with the job and `Location: /api/v1/jobs/{id}`; its `result_url` gives the same JSON."""

import datetime

from django.http import HttpResponse
from ninja import File, Router, Schema, Status
from ninja.files import UploadedFile

from accounts.access import get_region
from accounts.permissions import Permission
from jobs.api import JobOut, accepted
from workgroups import decree_import

router = Router(tags=["workgroups"])


class ReadMemberOut(Schema):
    name: str | None
    position: str
    institution: str


class DecreeReadingOut(Schema):
    number: str | None
    date: datetime.date | None
    title: str | None
    issuer: str | None
    signatory: str | None
    valid_from: datetime.date | None
    valid_until: datetime.date | None
    members: list[ReadMemberOut]
    text_source: str
    confidence: dict[str, float]


class Error(Schema):
    detail: str


ANSWER_FIELDS = tuple(DecreeReadingOut.model_fields)


@router.post(
    "/regions/{code}/decrees/read",
    response={200: DecreeReadingOut, 202: JobOut, 400: Error, 413: Error, 422: Error},
)
def read_decree(request, code: str, response: HttpResponse, file: File[UploadedFile]):
    """Read an SK (PDF, multipart field `file`): number, date, title, issuer, signatory,
    validity and members, with `text_source` ("text" or "ocr") and a confidence per field.
    Writes nothing. Not a PDF → 422; over the upload limit → 413. Needs the right to edit the
    region's Pokja registry."""
    region = get_region(request.user, code, Permission.WORKGROUP_EDIT)
    data = decree_import.check_upload(file)
    if not decree_import.needs_ocr(data):
        return _answer(decree_import.read_now(data))
    job = decree_import.start_reading(region=region, data=data, name=file.name, by=request.user)
    if job.total <= decree_import.WAIT_PAGES:
        job = decree_import.wait_for(job)
        reading = decree_import.job_reading(job)
        if reading is not None:
            return _answer(reading)
        if job.state == job.State.FAILED:
            detail = "; ".join(m.get("message", "") for m in job.messages) or job.title
            return Status(422, {"detail": detail})
    return accepted(job, response)


def _answer(reading: dict) -> dict:
    return {name: reading.get(name) for name in ANSWER_FIELDS}
