"""Permission matrix of the work plan pages and API (see tests/matrix.py)."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from planning.tests import helpers as h
from tests.matrix import Row, api, edit_gowa, edit_sulsel, view_gowa, view_sulsel

NEW_YEAR = timezone.localdate().year  # offered by the "new plan" form


def _workgroup(personas):
    h.workgroup("73.06")
    return {}


def _plan(personas):
    p = h.plan("73.06", activities=1)
    return {"activity": p.activities.get().pk}


def _sulsel_plan(personas):
    h.plan("73", activities=1)
    return {}


def _approved(personas):
    h.plan("73.06", approved=True)
    return {}


def _with_document(personas):
    h.plan("73.06", document=True)
    return {}


def _with_evidence(personas):
    p = h.plan("73.06", activities=1)
    activity = p.activities.get()
    activity.evidence.save("evidence.pdf", ContentFile(h.pdf_bytes()), save=False)
    type(activity).objects.filter(pk=activity.pk).update(
        evidence=activity.evidence.name, evidence_filename="bukti.pdf"
    )
    return {"activity": activity.pk}


def _import_data(personas, kwargs):
    from planning.models import WorkPlan

    h.institution("73.06", "Dinas Kesehatan")
    h.indicator("tfr")
    h.subgroup()
    plan = WorkPlan.objects.get(workgroup__region__code="73.06", year=2025)
    return {"file": h.filled_template(h.template_for(plan), [h.activity_row("Kegiatan impor")])}


def _pdf_data(personas, kwargs):
    return {"_multipart": True, "version": "1", "file": h.pdf_upload()}


def _evidence_data(personas, kwargs):
    return {
        "_multipart": True,
        "version": "1",
        "file": SimpleUploadedFile("foto.png", h.png_bytes(), content_type="image/png"),
    }


_plan_form = {"title": "Rencana Kerja Pokja 2025", "notes": "", "version": "1"}
_activity_form = {
    "title": "Rapat koordinasi",
    "start_month": "1",
    "end_month": "3",
    "planned_cost": "15.000.000",
    "cost_source": "apbd_regency",
    "status": "planned",
    "expected_output": "",
    "progress_note": "",
    "version": "1",
}
_approve_form = {
    "approved_on": "2025-01-20",
    "approver_name": "Sekda Gowa",
    "approver_position": "Ketua Pokja",
    "version": "1",
}
_activity_json = {
    "title": "Rapat koordinasi",
    "start_month": 1,
    "end_month": 3,
    "planned_cost": 15000000,
    "cost_source": "apbd_regency",
}

P = "/r/{gowa}/plans/2025"
A = "/api/v1/regions/{gowa}/plans"

ROWS = [
    # HTML
    Row("planning:list", "GET", "/r/{gowa}/plans/", view_gowa(), setup=_workgroup),
    Row("planning:list", "GET", "/r/{sulsel}/plans/", view_sulsel(), note="province without Pokja"),
    Row("planning:create", "GET", "/r/{gowa}/plans/new/", edit_gowa(), setup=_workgroup),
    Row(
        "planning:create",
        "POST",
        "/r/{gowa}/plans/new/",
        edit_gowa(302),
        setup=_workgroup,
        data={"year": str(NEW_YEAR), "title": "", "notes": ""},
    ),
    Row(
        "planning:create",
        "POST",
        "/r/{sulsel}/plans/new/",
        edit_sulsel(200),
        data={"year": str(NEW_YEAR)},
        note="no Pokja: notice, nothing created",
    ),
    Row("planning:detail", "GET", P + "/", view_gowa(), setup=_plan),
    Row("planning:detail", "GET", "/r/{sulsel}/plans/2025/", view_sulsel(), setup=_sulsel_plan),
    Row(
        "planning:detail",
        "GET",
        "/r/{gowa}/plans/2019/",
        view_gowa(404),
        setup=_plan,
        note="no plan that year",
    ),
    Row("planning:edit", "GET", P + "/edit/", edit_gowa(), setup=_plan),
    Row("planning:edit", "POST", P + "/edit/", edit_gowa(302), setup=_plan, data=_plan_form),
    Row("planning:approve", "GET", P + "/approve/", edit_gowa(), setup=_plan),
    Row(
        "planning:approve", "POST", P + "/approve/", edit_gowa(302), setup=_plan, data=_approve_form
    ),
    Row(
        "planning:reopen",
        "POST",
        P + "/reopen/",
        edit_gowa(302),
        setup=_approved,
        data={"version": "1"},
    ),
    Row("planning:delete", "GET", P + "/delete/", edit_gowa(), setup=_plan),
    Row(
        "planning:delete",
        "POST",
        P + "/delete/",
        edit_gowa(302),
        setup=_plan,
        data={"version": "1"},
    ),
    Row("planning:document", "GET", P + "/document/", view_gowa(), setup=_with_document),
    Row("planning:activity_create", "GET", P + "/activities/new/", edit_gowa(), setup=_plan),
    Row(
        "planning:activity_create",
        "POST",
        P + "/activities/new/",
        edit_gowa(302),
        setup=_plan,
        data=_activity_form,
    ),
    Row(
        "planning:activity_edit",
        "GET",
        P + "/activities/{activity}/edit/",
        edit_gowa(),
        setup=_plan,
    ),
    Row(
        "planning:activity_edit",
        "POST",
        P + "/activities/{activity}/edit/",
        edit_gowa(302),
        setup=_plan,
        data=_activity_form,
    ),
    Row(
        "planning:activity_delete",
        "GET",
        P + "/activities/{activity}/delete/",
        edit_gowa(),
        setup=_plan,
    ),
    Row(
        "planning:activity_delete",
        "POST",
        P + "/activities/{activity}/delete/",
        edit_gowa(302),
        setup=_plan,
        data={"version": "1"},
    ),
    Row(
        "planning:activity_evidence",
        "GET",
        P + "/activities/{activity}/evidence/",
        view_gowa(),
        setup=_with_evidence,
    ),
    Row(
        "planning:activity_template",
        "GET",
        P + "/activities/template.xlsx",
        edit_gowa(),
        setup=_plan,
    ),
    Row("planning:activity_import", "GET", P + "/activities/import/", edit_gowa(), setup=_plan),
    Row(
        "planning:activity_import",
        "POST",
        P + "/activities/import/",
        edit_gowa(302),
        setup=_plan,
        data=_import_data,
    ),
    Row("planning:activity_export", "GET", P + "/activities/export.xlsx", view_gowa(), setup=_plan),
    # API
    Row("GET /api/v1/regions/{code}/plans", "GET", A, api(view_gowa()), api=True, setup=_plan),
    Row(
        "GET /api/v1/regions/{code}/plans",
        "GET",
        "/api/v1/regions/{sulsel}/plans",
        api(view_sulsel()),
        api=True,
    ),
    Row(
        "POST /api/v1/regions/{code}/plans",
        "POST",
        A,
        api(edit_gowa(201)),
        api=True,
        setup=_workgroup,
        data={"year": 2025},
    ),
    Row(
        "GET /api/v1/regions/{code}/plans/{year}",
        "GET",
        A + "/2025",
        api(view_gowa()),
        api=True,
        setup=_plan,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/plans/{year}",
        "PATCH",
        A + "/2025",
        api(edit_gowa()),
        api=True,
        setup=_plan,
        data={"version": 1, "title": "Baru"},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/plans/{year}",
        "DELETE",
        A + "/2025?version=1",
        api(edit_gowa(204)),
        api=True,
        setup=_plan,
    ),
    Row(
        "POST /api/v1/regions/{code}/plans/{year}/approve",
        "POST",
        A + "/2025/approve",
        api(edit_gowa()),
        api=True,
        setup=_plan,
        data={"version": 1, "approved_on": "2025-01-20", "approver_name": "Sekda"},
    ),
    Row(
        "POST /api/v1/regions/{code}/plans/{year}/reopen",
        "POST",
        A + "/2025/reopen",
        api(edit_gowa()),
        api=True,
        setup=_approved,
        data={"version": 1},
    ),
    Row(
        "GET /api/v1/regions/{code}/plans/{year}/document",
        "GET",
        A + "/2025/document",
        api(view_gowa()),
        api=True,
        setup=_with_document,
    ),
    Row(
        "POST /api/v1/regions/{code}/plans/{year}/document",
        "POST",
        A + "/2025/document",
        api(edit_gowa()),
        api=True,
        setup=_plan,
        data=_pdf_data,
    ),
    Row(
        "GET /api/v1/regions/{code}/plans/{year}/activities",
        "GET",
        A + "/2025/activities",
        api(view_gowa()),
        api=True,
        setup=_plan,
    ),
    Row(
        "POST /api/v1/regions/{code}/plans/{year}/activities",
        "POST",
        A + "/2025/activities",
        api(edit_gowa(201)),
        api=True,
        setup=_plan,
        data=_activity_json,
    ),
    Row(
        "GET /api/v1/regions/{code}/plans/{year}/activities/{activity_id}",
        "GET",
        A + "/2025/activities/{activity}",
        api(view_gowa()),
        api=True,
        setup=_plan,
    ),
    Row(
        "PATCH /api/v1/regions/{code}/plans/{year}/activities/{activity_id}",
        "PATCH",
        A + "/2025/activities/{activity}",
        api(edit_gowa()),
        api=True,
        setup=_plan,
        data={"version": 1, "status": "ongoing"},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/plans/{year}/activities/{activity_id}",
        "DELETE",
        A + "/2025/activities/{activity}?version=1",
        api(edit_gowa(204)),
        api=True,
        setup=_plan,
    ),
    Row(
        "GET /api/v1/regions/{code}/plans/{year}/activities/{activity_id}/evidence",
        "GET",
        A + "/2025/activities/{activity}/evidence",
        api(view_gowa()),
        api=True,
        setup=_with_evidence,
    ),
    Row(
        "POST /api/v1/regions/{code}/plans/{year}/activities/{activity_id}/evidence",
        "POST",
        A + "/2025/activities/{activity}/evidence",
        api(edit_gowa()),
        api=True,
        setup=_plan,
        data=_evidence_data,
    ),
]
