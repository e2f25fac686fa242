import pytest

from audit.models import AuditEvent
from tests.api import JSON
from workgroups import services
from workgroups.models import Decree, Institution, Member, WorkGroup
from workgroups.tests.helpers import decree_fields


def test_api_records_a_pokja_and_refuses_a_second(personas, regions):
    client = personas.api_client("gowa_operator")
    response = client.post(
        "/api/v1/regions/7306/workgroup",
        {"name": "Pokja Gowa", "subgroups": ["advokasi", "tpps"]},
        content_type=JSON,
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["region"], body["subgroups"], body["current_decree"], body["version"]) == (
        "73.06",
        ["advokasi", "tpps"],
        None,
        1,
    )
    assert AuditEvent.objects.filter(
        model="workgroups.WorkGroup", actor_username="gowa_operator"
    ).exists()

    again = client.post(
        "/api/v1/regions/73.06/workgroup", {"name": "Pokja kedua"}, content_type=JSON
    )
    assert again.status_code == 409
    assert again.json()["detail"] == "Wilayah ini sudah memiliki Pokja yang aktif."
    assert WorkGroup.objects.count() == 1


def test_api_unknown_subgroup_code_is_refused(personas, regions):
    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/workgroup", {"name": "P", "subgroups": ["nope"]}, content_type=JSON
    )
    assert response.status_code == 400 and "nope" in response.json()["detail"]
    assert not WorkGroup.objects.exists()


def test_api_update_with_stale_version_answers_409(personas, gowa_pokja):
    client = personas.api_client("gowa_operator")
    first = client.patch(
        "/api/v1/regions/73.06/workgroup", {"version": 1, "name": "Nama A"}, content_type=JSON
    )
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = client.patch(
        "/api/v1/regions/73.06/workgroup", {"version": 1, "name": "Nama B"}, content_type=JSON
    )
    assert stale.status_code == 409
    gowa_pokja.refresh_from_db()
    assert (gowa_pokja.name, gowa_pokja.version) == ("Nama A", 2)


def test_api_uploads_a_decree_as_multipart(personas, gowa_pokja, sk_pdf):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = personas.api_client("gowa_operator")
    response = client.post(
        "/api/v1/regions/73.06/workgroup/decrees",
        data={
            **decree_fields(),
            "file": SimpleUploadedFile("sk.pdf", sk_pdf, content_type="application/pdf"),
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["in_force"] is True and body["has_file"] is True
    decree = Decree.objects.get()
    assert body["file_url"] == f"/api/v1/regions/73.06/workgroup/decrees/{decree.pk}/file"

    download = client.get(body["file_url"])
    assert download.status_code == 200 and download.content.startswith(b"%PDF-")
    assert client.get("/api/v1/regions/73.06/workgroup").json()["current_decree"]["id"] == decree.pk


def test_api_refuses_a_docx_renamed_to_pdf(personas, gowa_pokja, docx_bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = personas.api_client("gowa_operator").post(
        "/api/v1/regions/73.06/workgroup/decrees",
        data={
            **decree_fields(),
            "file": SimpleUploadedFile("sk.pdf", docx_bytes, content_type="application/pdf"),
        },
    )
    assert response.status_code == 400
    assert "bukan dokumen PDF" in response.json()["detail"]
    assert not Decree.objects.exists()


def test_api_decree_update_with_stale_version_answers_409(personas, gowa_decree):
    client = personas.api_client("gowa_operator")
    path = f"/api/v1/regions/73.06/workgroup/decrees/{gowa_decree.pk}"
    assert (
        client.patch(path, {"version": 1, "valid_until": None}, content_type=JSON).json()[
            "valid_until"
        ]
        is None
    )
    assert client.patch(path, {"version": 1, "title": "x"}, content_type=JSON).status_code == 409
    gowa_decree.refresh_from_db()
    assert gowa_decree.valid_until is None and gowa_decree.title != "x"


def test_api_decree_validity_end_before_start_is_refused(personas, gowa_decree):
    response = personas.api_client("gowa_operator").patch(
        f"/api/v1/regions/73.06/workgroup/decrees/{gowa_decree.pk}",
        {"version": 1, "valid_until": "2020-01-01"},
        content_type=JSON,
    )
    assert response.status_code == 400
    gowa_decree.refresh_from_db()
    assert str(gowa_decree.valid_until) == "2027-12-31"


@pytest.mark.parametrize("persona", ["sulsel_viewer", "gowa_member"])
def test_api_hides_contact_without_the_right(personas, gowa_pokja, persona):
    client = personas.api_client(persona)
    members = client.get("/api/v1/regions/73.06/workgroup/members")
    member_id = members.json()[0]["id"]
    one = client.get(f"/api/v1/regions/73.06/workgroup/members/{member_id}")
    workgroup = client.get("/api/v1/regions/73.06/workgroup")
    for response in (members, one, workgroup):
        assert response.status_code == 200
        text = response.content.decode()
        assert "@" not in text
        assert not any(
            phone in text
            for phone in ("+6281234567890", "+6281355500011", "+6285299912345", "+62411861234")
        )
    assert one.json()["phone"] is None and one.json()["email"] is None
    assert workgroup.json()["contact_phone"] is None


def test_api_shows_contact_with_the_right(personas, gowa_pokja):
    members = (
        personas.api_client("gowa_operator").get("/api/v1/regions/73.06/workgroup/members").json()
    )
    chair = next(m for m in members if m["name"] == "Andi Makkasau")
    assert (chair["phone"], chair["email"], chair["role"], chair["subgroup"]) == (
        "+6281234567890",
        "andi@gowakab.example",
        "chair",
        "tpps",
    )


def test_api_member_write_checks_institution_region_and_version(personas, gowa_pokja, regions):
    client = personas.api_client("sulsel_admin")
    foreign = services.create_institution(
        by=None, region=regions["73.71"], name="Bappeda Makassar", sector="regional_government"
    )
    refused = client.post(
        "/api/v1/regions/73.06/workgroup/members",
        {"name": "X", "institution": foreign.pk},
        content_type=JSON,
    )
    assert refused.status_code == 400
    assert not Member.objects.filter(name="X").exists()

    created = client.post(
        "/api/v1/regions/73.06/workgroup/members",
        {"name": "Nur Aisyah", "role": "member", "phone": "0812 1111 2222"},
        content_type=JSON,
    )
    assert created.status_code == 201 and created.json()["phone"] == "+6281211112222"
    member_id = created.json()["id"]
    path = f"/api/v1/regions/73.06/workgroup/members/{member_id}"
    assert (
        client.patch(path, {"version": 1, "role": "secretary"}, content_type=JSON).status_code
        == 200
    )
    assert client.patch(path, {"version": 1, "role": "chair"}, content_type=JSON).status_code == 409
    assert Member.objects.get(pk=member_id).role == "secretary"
    assert client.delete(path).status_code == 204
    assert not Member.objects.filter(pk=member_id).exists()


def test_api_member_of_another_region_is_not_found(personas, gowa_pokja, regions):
    services.create_workgroup(by=None, region=regions["73.71"], name="Pokja Makassar")
    member = Member.objects.first()
    response = personas.api_client("sulsel_admin").get(
        f"/api/v1/regions/73.71/workgroup/members/{member.pk}"
    )
    assert response.status_code == 404


def test_api_institutions(personas, gowa_pokja):
    client = personas.api_client("gowa_operator")
    created = client.post(
        "/api/v1/regions/73.06/institutions",
        {"name": "Universitas Hasanuddin", "sector": "academia"},
        content_type=JSON,
    )
    assert created.status_code == 201 and created.json()["is_government"] is False
    duplicate = client.post(
        "/api/v1/regions/73.06/institutions",
        {"name": "Universitas Hasanuddin", "sector": "academia"},
        content_type=JSON,
    )
    assert duplicate.status_code == 400
    names = [i["name"] for i in client.get("/api/v1/regions/73.06/institutions").json()]
    assert names == ["Bappeda Kabupaten Gowa", "TP-PKK Kabupaten Gowa", "Universitas Hasanuddin"]
    in_use = Institution.objects.get(name="Bappeda Kabupaten Gowa")
    assert client.delete(f"/api/v1/regions/73.06/institutions/{in_use.pk}").status_code == 400


def test_api_subgroups_are_listed_and_maintained_nationally(personas):
    listed = personas.api_client("gowa_member").get("/api/v1/subgroups").json()
    assert [s["code"] for s in listed] == [
        "advokasi",
        "kampung-kb",
        "gdpk",
        "tpps",
        "kie",
        "data-informasi",
    ]
    response = personas.api_client("national_admin").post(
        "/api/v1/subgroups", {"code": "kie", "name": "Duplikat"}, content_type=JSON
    )
    assert response.status_code == 400
