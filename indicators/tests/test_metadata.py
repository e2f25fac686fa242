import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from audit.models import AuditEvent
from indicators import metadata
from indicators.models import Indicator

pytestmark = pytest.mark.django_db


def test_metadata_round_trips_through_export_and_import(client, personas):
    tfr = Indicator.objects.get(code="tfr")
    tfr.concept = "Fertilitas"
    tfr.formula = "TFR = 5 × Σ ASFR"
    tfr.producer = "BPS"
    tfr.save()
    exported = client.get("/data/indicators/metadata.json").content
    before = json.loads(exported)["indicators"]
    # Change the catalogue, then import the export: everything is back as exported.
    Indicator.objects.filter(code="tfr").update(concept="", formula="x", producer="")
    client.force_login(personas.users["national_admin"])
    response = client.post(
        "/indicators/metadata/import/",
        {"file": SimpleUploadedFile("m.json", exported, content_type="application/json")},
    )
    assert response.status_code == 302
    after = json.loads(client.get("/data/indicators/metadata.json").content)["indicators"]
    assert after == before
    assert AuditEvent.objects.filter(code="indicators.metadata_imported").exists()


def test_import_is_all_or_nothing_with_row_numbers(client, personas):
    document = json.loads(metadata.as_json())
    document["indicators"][0]["producer"] = "BKKBN"
    document["indicators"].append({"code": "no-such", "producer": "x"})
    client.force_login(personas.users["national_admin"])
    response = client.post(
        "/indicators/metadata/import/",
        {"file": SimpleUploadedFile("m.json", json.dumps(document).encode())},
    )
    assert response.status_code == 200
    assert f"{len(document['indicators'])}" in response.content.decode()
    assert not Indicator.objects.filter(producer="BKKBN").exists()


def test_public_page_and_xlsx_show_ms_ind_fields(client):
    Indicator.objects.filter(code="tfr").update(producer="Badan Pusat Statistik")
    page = client.get("/data/indicators/tfr/").content.decode()
    assert "Produsen Data" in page and "Badan Pusat Statistik" in page
    wb = load_workbook(io.BytesIO(client.get("/data/indicators/metadata.xlsx").content))
    header = [c.value for c in wb.active[1]]
    assert header[:4] == ["Kode", "Nama Indikator", "Konsep", "Definisi"]
