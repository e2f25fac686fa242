import csv
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import AuditEvent
from indicators.models import Indicator, Target
from regions.models import Region

pytestmark = pytest.mark.django_db

URL = "/r/73.06/planning-exchange/"


def _targets():
    return sorted(
        Target.objects.filter(region__code="73.06").values_list(
            "indicator__code", "year", "value", "note", "plan_document"
        )
    )


@pytest.fixture
def gowa_targets(personas):
    gowa = Region.objects.get(code="73.06")
    stunting = Indicator.objects.get(code="stunting")
    tfr = Indicator.objects.get(code="tfr")
    Target.objects.create(
        region=gowa,
        indicator=stunting,
        year=2025,
        value=Decimal("18.5"),
        note="RPJMD 2025-2029, hal. 12",
        plan_document="RPJMD",
    )
    Target.objects.create(
        region=gowa, indicator=tfr, year=2025, value=Decimal("2.1234"), plan_document="RKPD"
    )
    return gowa


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_reimports_to_identical_targets(client, personas, gowa_targets, fmt):
    client.force_login(personas.users["gowa_operator"])
    exported = client.get(f"{URL}targets.{fmt}")
    assert exported.status_code == 200
    before = _targets()
    Target.objects.filter(region=gowa_targets).delete()
    response = client.post(
        f"{URL}import/", {"file": SimpleUploadedFile(f"sipd.{fmt}", exported.content)}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _targets() == before
    assert set(Target.objects.values_list("import_source", flat=True)) == {
        f"sipd.{fmt} (sipokja-sipd/1)"
    }
    assert AuditEvent.objects.filter(code="interop.targets_imported", region_code="73.06").exists()


def test_csv_columns_use_planning_terms(client, personas, gowa_targets):
    client.force_login(personas.users["gowa_member"])
    text = client.get(f"{URL}targets.csv").content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    stunting = next(r for r in rows if r["kode_indikator"] == "stunting")
    assert stunting["dokumen_perencanaan"] == "RPJMD"
    assert stunting["indikator_kinerja"] and stunting["target_kinerja"] == "18.5"
    assert client.get(f"{URL}activities.json").json()["layout"] == "sipokja-sipd/1"


def test_import_is_all_or_nothing_with_row_numbers(client, personas, gowa_targets):
    client.force_login(personas.users["gowa_operator"])
    content = (
        "kode_pemda,nama_pemda,dokumen_perencanaan,tahun,kode_indikator,indikator_kinerja,"
        "satuan,target_kinerja,keterangan\n"
        "73.06,Gowa,RKPD,2026,stunting,,,17,\n"
        "73.06,Gowa,RENSTRA,2026,tfr,,,2,\n"
        "73.71,Makassar,RKPD,2026,tfr,,,2,\n"
    )
    response = client.post(f"{URL}import/", {"file": SimpleUploadedFile("t.csv", content.encode())})
    page = response.content.decode()
    assert response.status_code == 200
    assert "dokumen_perencanaan" in page and "kode_pemda" in page
    assert not Target.objects.filter(year=2026).exists()
