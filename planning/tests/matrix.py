"""Permission matrix of the work plan pages and API (see tests/matrix.py)."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from planning.tests import helpers as h
from tests.matrix import Row, action, api_rows, edit_gowa, edit_sulsel, form, view_gowa, view_sulsel

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
_approve_json = {"approved_on": "2025-01-20", "approver_name": "Sekda"}
_status_json = {"version": 1, "status": "ongoing"}
_activity_json = {
    "title": "Rapat koordinasi",
    "start_month": 1,
    "end_month": 3,
    "planned_cost": 15000000,
    "cost_source": "apbd_regency",
}

P = "/r/{gowa}/plans/2025"
PA = P + "/activities"
op = api_rows("/api/v1/regions/{code}", code="{gowa}", year=2025, activity_id="{activity}")
_version = {"version": "1"}

ROWS = [
    # HTML
    Row("planning:list", "GET", "/r/{gowa}/plans/", view_gowa(), setup=_workgroup),
    Row("planning:list", "GET", "/r/{sulsel}/plans/", view_sulsel(), note="province without Pokja"),
    *form(
        "planning:create",
        "/r/{gowa}/plans/new/",
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
    *form("planning:edit", P + "/edit/", setup=_plan, data=_plan_form),
    *form("planning:approve", P + "/approve/", setup=_plan, data=_approve_form),
    action("planning:reopen", P + "/reopen/", _approved, _version),
    *form("planning:delete", P + "/delete/", setup=_plan, data=_version),
    Row("planning:document", "GET", P + "/document/", view_gowa(), setup=_with_document),
    *form("planning:activity_create", PA + "/new/", setup=_plan, data=_activity_form),
    *form("planning:activity_edit", PA + "/{activity}/edit/", setup=_plan, data=_activity_form),
    *form("planning:activity_delete", PA + "/{activity}/delete/", setup=_plan, data=_version),
    Row(
        "planning:activity_evidence",
        "GET",
        PA + "/{activity}/evidence/",
        view_gowa(),
        setup=_with_evidence,
    ),
    Row("planning:activity_template", "GET", PA + "/template.xlsx", edit_gowa(), setup=_plan),
    *form("planning:activity_import", PA + "/import/", setup=_plan, data=_import_data),
    Row("planning:activity_export", "GET", PA + "/export.xlsx", view_gowa(), setup=_plan),
    # API
    op("GET /plans", view_gowa(), _plan),
    op("GET /plans", view_sulsel(), code="{sulsel}"),
    op("POST /plans", edit_gowa(201), _workgroup, {"year": 2025}),
    *op.record("/plans/{year}", _plan, {"version": 1, "title": "Baru"}),
    op("POST /plans/{year}/approve", edit_gowa(), _plan, {"version": 1, **_approve_json}),
    op("POST /plans/{year}/reopen", edit_gowa(), _approved, {"version": 1}),
    op("GET /plans/{year}/document", view_gowa(), _with_document),
    op("POST /plans/{year}/document", edit_gowa(), _plan, h.pdf_data),
    op("GET /plans/{year}/activities", view_gowa(), _plan),
    op("POST /plans/{year}/activities", edit_gowa(201), _plan, _activity_json),
    *op.record("/plans/{year}/activities/{activity_id}", _plan, _status_json),
    op("GET /plans/{year}/activities/{activity_id}/evidence", view_gowa(), _with_evidence),
    op("POST /plans/{year}/activities/{activity_id}/evidence", edit_gowa(), _plan, _evidence_data),
]
