"""Reading an SK into the registry (issue 26): the upload check, the OCR job, matching the
read members to the registry's institutions and members, and the confirmation that writes the
decree, its PDF and the members in one transaction with one audit record.

A text PDF is read in the request; a scan (pages without a text layer) is read by the job
`workgroups.read_decree`, whose result is the reading as JSON (`reading.json`)."""

import datetime
import difflib
import io
import json
import re
import time
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditEvent
from audit.registry import record
from core.errors import DomainError
from core.uploads import check_size, max_bytes
from jobs import engine
from jobs.models import Job
from jobs.registry import job_kind
from workgroups.decree_reader import DecreeReaderError, DecreeReading, read_decree, scan_pages
from workgroups.models import Decree, Institution, Member
from workgroups.services import DECREE_FIELDS
from workgroups.services.common import _acting, _full_clean, _set_fields
from workgroups.services.decrees import _attach_file
from workgroups.services.members import _check_member

READ_KIND = "workgroups.read_decree"
# The API waits this long for the OCR of a file of up to WAIT_PAGES pages, then answers 202.
WAIT_SECONDS = 120
WAIT_PAGES = 10
# A fuzzy match below this ratio is not proposed.
MATCH_CUTOFF = 0.72


class TooLarge(DomainError):
    status = 413


class NotReadable(DomainError):
    status = 422


def check_upload(uploaded) -> bytes:
    """The bytes of an uploaded SK: TooLarge (413) over the upload limit, NotReadable (422)
    when it is empty or not a PDF by content."""
    if uploaded is None:
        raise NotReadable(_("Choose the SK as a PDF file."))
    if uploaded.size is not None and uploaded.size > max_bytes():
        try:
            check_size(uploaded)
        except ValidationError as exc:
            raise TooLarge(exc.messages[0]) from None
    try:
        check_size(uploaded)
    except ValidationError as exc:
        raise NotReadable(exc.messages[0]) from None
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    if b"%PDF-" not in data[:1024]:
        raise NotReadable(
            _("The file is not a valid PDF document. Upload the signed document as a PDF.")
        )
    return data


def reading_json(reading: DecreeReading) -> dict:
    """The API answer (`reading.as_dict()`) plus what the review form needs."""
    out = reading.as_dict()
    out["issuer_kind"] = reading.issuer_kind
    out["warnings"] = [str(w) for w in reading.warnings]
    out["low_confidence"] = reading.low_confidence()
    out["pages"] = reading.pages
    for row, member in zip(out["members"], reading.members, strict=True):
        row.update(role=member.role, office=member.office, confidence=member.confidence)
    return out


def read_now(data: bytes) -> dict:
    """Read a text PDF in the request (DomainError 422 for an unreadable one)."""
    try:
        return reading_json(read_decree(data))
    except DecreeReaderError as exc:
        raise NotReadable(str(exc)) from None


def needs_ocr(data: bytes) -> list[int]:
    """The pages to OCR; NotReadable (422) for a broken PDF, and for a scan when Tesseract is
    not installed (the message names the packages)."""
    from workgroups.decree_reader import ocr

    try:
        pages = scan_pages(data)
        if pages:
            ocr.require_tesseract()
        return pages
    except DecreeReaderError as exc:
        raise NotReadable(str(exc)) from None


def page_count(data: bytes) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def start_reading(*, region, data: bytes, name: str, by) -> Job:
    """Start the OCR job for the SK `data` (kept with the job: the review form stores it with
    the decree on confirmation)."""
    return engine.start(
        kind=READ_KIND,
        by=by,
        region=region,
        title=_("Reading the SK %(name)s") % {"name": name},
        total=page_count(data),
        input_file=io.BytesIO(data),
        input_name=name or "SK.pdf",
    )


def wait_for(job: Job, seconds: float = WAIT_SECONDS, step: float = 0.5) -> Job:
    """The job once finished, or as it is after `seconds`."""
    deadline = time.monotonic() + seconds
    job.refresh_from_db()
    while not job.is_finished and time.monotonic() < deadline:
        time.sleep(step)
        job.refresh_from_db()
    return job


def job_reading(job: Job) -> dict | None:
    """The reading a succeeded job stored; None before."""
    if job.kind != READ_KIND or job.state != Job.State.SUCCEEDED or not job.result:
        return None
    with job.result.open("rb") as handle:
        return json.loads(handle.read().decode("utf-8"))


def job_pdf(job: Job) -> bytes:
    with job.input.open("rb") as handle:
        return handle.read()


@job_kind(READ_KIND, label=gettext_lazy("Reading an SK (OCR)"), max_attempts=2)
def read_decree_job(ctx) -> None:
    with ctx.open_input() as handle:
        data = handle.read()
    try:
        reading = read_decree(data, progress=lambda done, total: ctx.progress(done, total))
    except DecreeReaderError as exc:
        raise engine.JobFailed(str(exc)) from None
    for warning in reading.warnings:
        ctx.message(str(warning), level="warning")
    payload = json.dumps(reading_json(reading), ensure_ascii=False).encode("utf-8")
    ctx.save_result("reading.json", payload)


# --------------------------------------------------------------------------------------------
# Matching read members to the registry


def _key(text: str | None) -> str:
    text = re.sub(r"[^\w\s]", " ", (text or "").lower())
    return " ".join(text.split())


def best_match(text: str | None, candidates: dict[int, str]) -> tuple[int | None, float]:
    """The candidate id whose name is closest to `text` (difflib ratio), when ≥ MATCH_CUTOFF."""
    wanted = _key(text)
    if not wanted:
        return None, 0.0
    best, score = None, 0.0
    for pk, name in candidates.items():
        ratio = difflib.SequenceMatcher(None, wanted, _key(name)).ratio()
        if ratio > score:
            best, score = pk, ratio
    return (best, score) if score >= MATCH_CUTOFF else (None, score)


@dataclass
class ProposedRow:
    name: str
    position: str
    role: str
    institution_text: str
    institution_id: int | None
    institution_score: float
    member_id: int | None
    confidence: float
    low: bool = False
    extra: dict = field(default_factory=dict)


def propose(reading: dict, workgroup) -> list[ProposedRow]:
    """One row per read member: the institution matched fuzzily among the region's, and the
    existing member with the same (or a very close) name, which the row then updates."""
    institutions = dict(workgroup.region.institutions.values_list("pk", "name"))
    members = dict(workgroup.members.values_list("pk", "name"))
    rows, taken = [], set()
    for read in reading.get("members", []):
        name = read.get("name") or read.get("office") or read.get("institution") or ""
        institution_id, score = best_match(read.get("institution"), institutions)
        member_id = None
        if read.get("name"):
            candidates = {pk: n for pk, n in members.items() if pk not in taken}
            member_id, _ratio = best_match(read["name"], candidates)
            if member_id is not None and _ratio < 0.9:
                member_id = None
            if member_id is not None:
                taken.add(member_id)
        confidence = float(read.get("confidence", 1.0))
        rows.append(
            ProposedRow(
                name=name[:150],
                position=(read.get("office") or read.get("position") or "")[:200],
                role=read.get("role") or Member.Role.MEMBER,
                institution_text=read.get("institution") or "",
                institution_id=institution_id,
                institution_score=score,
                member_id=member_id,
                confidence=confidence,
                low=confidence < 0.75 or not read.get("name"),
            )
        )
    return rows


# --------------------------------------------------------------------------------------------
# Confirmation


@dataclass
class ConfirmedRow:
    name: str
    position: str
    role: str
    institution: Institution | None
    new_institution: str  # a name: create this institution (sector "other")
    member: Member | None  # update this member, or add one when None


def _institution_sector() -> str:
    # Most institutions of an SK's lampiran are regional government offices (OPD); the
    # operator can change the sector on the institution's page.
    return Institution.Sector.REGIONAL_GOVERNMENT


def confirm(*, by, workgroup, decree_fields: dict, pdf: bytes, filename: str, rows) -> Decree:
    """Write the decree with its PDF and the reviewed members, all or nothing, with one audit
    record (`decree.imported`)."""
    with _acting(by), transaction.atomic():
        decree = Decree(workgroup=workgroup, created_by=by)
        _set_fields(decree, decree_fields, DECREE_FIELDS)
        upload = SimpleUploadedFile(filename or "SK.pdf", pdf, content_type="application/pdf")
        _attach_file(decree, upload)
        _full_clean(decree, exclude=["file"])
        # Bulk writes: no per-row audit records; the one record below lists them all.
        (decree,) = Decree.objects.bulk_create([decree])
        new_institutions = {}
        for row in rows:
            key = _key(row.new_institution)
            if row.institution is None and key and key not in new_institutions:
                new_institutions[key] = Institution(
                    region=workgroup.region,
                    name=" ".join(row.new_institution.split())[:200],
                    sector=_institution_sector(),
                    is_government=True,
                )
        Institution.objects.bulk_create(list(new_institutions.values()))
        added, updated, errors = [], [], []
        for index, row in enumerate(rows, start=1):
            institution = row.institution or new_institutions.get(_key(row.new_institution))
            member = row.member or Member(workgroup=workgroup, active_from=decree.valid_from)
            member.name, member.position, member.role = row.name, row.position, row.role
            member.institution = institution
            try:
                _check_member(member)
                member.full_clean(exclude=["workgroup", "institution", "subgroup", "user"])
            except ValidationError as exc:
                errors.append(
                    _("Row %(row)d: %(message)s")
                    % {"row": index, "message": "; ".join(exc.messages)}
                )
                continue
            if row.member is None:
                added.append(member)
            else:
                member.version += 1
                updated.append(member)
        if errors:
            raise DomainError(" ".join(errors), errors=errors)
        Member.objects.bulk_create(added)
        Member.objects.bulk_update(updated, ["name", "position", "role", "institution", "version"])
        record(
            action=AuditEvent.Action.CREATE,
            code="decree.imported",
            instance=decree,
            region_code=workgroup.region.code,
            changes={
                **{k: [None, _plain(v)] for k, v in decree_fields.items() if v not in (None, "")},
                "file": [None, decree.original_filename],
                "members_added": [None, [m.name for m in added]],
                "members_updated": [None, [m.name for m in updated]],
                "institutions_added": [None, [i.name for i in new_institutions.values()]],
            },
        )
        return decree


def _plain(value):
    if isinstance(value, Decree):
        return value.number
    return value.isoformat() if isinstance(value, datetime.date) else value
