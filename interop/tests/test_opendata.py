"""Harvesting the open-data catalogue as a CKAN harvester does: package_list → package_show →
download every resource, and no personal data anywhere."""

import csv
import io
import json
from decimal import Decimal

import pytest

from assessment.models import Snapshot
from budget.models import BudgetAllocation
from indicators.models import Indicator, Value
from regions.models import Region
from workgroups.models import Member, WorkGroup

pytestmark = pytest.mark.django_db

PERSONAL = ["Siti Rahmawati", "siti.rahma@example.id", "+6281234567890", "081234567890"]


@pytest.fixture
def published(personas):
    gowa = Region.objects.get(code="73.06")
    workgroup = WorkGroup.objects.create(region=gowa, name="Pokja Bangga Kencana Kabupaten Gowa")
    Member.objects.create(
        workgroup=workgroup,
        name=PERSONAL[0],
        email=PERSONAL[1],
        phone=PERSONAL[2],
        role=Member.Role.CHAIR,
    )
    user = personas.users["gowa_operator"]
    user.first_name, user.email = "Siti", PERSONAL[1]
    user.save()
    Value.objects.create(
        region=gowa,
        indicator=Indicator.objects.get(code="stunting"),
        year=2024,
        source="ssgi",
        value=Decimal("23.4"),
        is_demo=True,
        updated_by=user,
    )
    BudgetAllocation.objects.create(
        workgroup=workgroup, year=2024, source="apbd_regency", amount=50_000_000, realised=1000
    )
    Snapshot.objects.create(
        region=gowa, year=2024, effective=True, computed_effective=True, taken_by=user
    )
    return gowa


def harvest(client):
    """What a CKAN harvester does (ckanext-harvest's CKAN harvester): list, show, download."""
    listing = client.get("/api/3/action/package_list").json()
    assert listing["success"] is True
    downloads = {}
    for name in listing["result"]:
        shown = client.get("/api/3/action/package_show", {"id": name}).json()
        assert shown["success"] is True
        package = shown["result"]
        assert package["name"] == name and package["license_id"] and package["metadata_modified"]
        assert {r["format"] for r in package["resources"]} == {"CSV", "JSON"}
        for resource in package["resources"]:
            response = client.get(resource["url"])
            assert response.status_code == 200, resource["url"]
            assert response["ETag"] and response["Last-Modified"]
            downloads[resource["url"]] = response.content.decode()
    return listing["result"], downloads


def test_harvest_finds_every_dataset_and_no_personal_data(client, published):
    names, downloads = harvest(client)
    assert names == ["anggaran-pokja", "nilai-indikator", "pemenuhan-kriteria", "pokja-efektif"]
    assert len(downloads) == 8
    everything = "\n".join(downloads.values()) + client.get("/data.json").content.decode()
    for text in [*PERSONAL, "gowa_operator"]:
        assert text not in everything
    values = next(v for k, v in downloads.items() if k.endswith("nilai-indikator.csv"))
    rows = list(csv.DictReader(io.StringIO(values)))
    assert rows[0]["kode_wilayah"] == "73.06" and rows[0]["nilai"] == "23.4"
    assert rows[0]["data_demo"] == "True" and rows[0]["sumber"]
    budget = json.loads(next(v for k, v in downloads.items() if k.endswith("anggaran-pokja.json")))
    assert budget["rows"][0]["total_anggaran_rp"] == 50_000_000
    effective = next(v for k, v in downloads.items() if k.endswith("pokja-efektif.csv"))
    assert "73,Sulawesi Selatan,2024,1,1" in effective


def test_conditional_requests_answer_304(client, published):
    first = client.get("/data/datasets/nilai-indikator.csv")
    again = client.get("/data/datasets/nilai-indikator.csv", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again["ETag"] == first["ETag"]
    since = client.get("/data.json", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code in (200, 304)
    Value.objects.update(value=Decimal("20.1"))
    changed = client.get("/data/datasets/nilai-indikator.csv", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]


def test_dcat_catalogue(client, published):
    catalogue = client.get("/data.json").json()
    assert catalogue["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema"
    assert len(catalogue["dataset"]) == 4
    for dataset in catalogue["dataset"]:
        assert dataset["license"] and dataset["modified"] and len(dataset["distribution"]) == 2
    assert client.get("/api/3/action/package_show", {"id": "nope"}).status_code == 404
