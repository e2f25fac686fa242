"""Permission matrix of the Pokja registry: every route and API operation × every persona."""

from regions.models import Region
from tests.matrix import Row, api, edit_gowa, edit_sulsel, expect, view_gowa, view_sulsel


def _pokja(personas):
    """Gowa's Pokja with a decree (real PDF), two institutions (one without members) and a
    member; returns their ids as path keywords."""
    from workgroups import services
    from workgroups.models import SubGroup
    from workgroups.tests.helpers import pdf_upload

    region = Region.objects.get(code="73.06")
    tpps = SubGroup.objects.get(code="tpps")
    workgroup = services.create_workgroup(
        by=None, region=region, name="Pokja Bangga Kencana Kabupaten Gowa", subgroups=[tpps]
    )
    institution = services.create_institution(
        by=None, region=region, name="Bappeda Kabupaten Gowa", sector="regional_government"
    )
    free = services.create_institution(by=None, region=region, name="Harian Gowa", sector="media")
    member = services.create_member(
        by=None,
        workgroup=workgroup,
        name="Andi Makkasau",
        role="chair",
        institution=institution,
        subgroup=tpps,
        phone="081234567890",
        email="andi@gowakab.example",
    )
    decree = services.add_decree(
        by=None,
        workgroup=workgroup,
        number="188.45/76/KPTS/2023",
        title="Pembentukan Pokja Bangga Kencana Kabupaten Gowa",
        signed_on="2023-07-12",
        issuer="regent",
        valid_from="2023-07-12",
        valid_until="2027-12-31",
        file=pdf_upload(),
    )
    return {
        "decree": decree.pk,
        "member": member.pk,
        "institution": institution.pk,
        "free_institution": free.pk,
        "subgroup": tpps.pk,
    }


def _subgroup(personas):
    from workgroups.models import SubGroup

    return {"subgroup": SubGroup.objects.get(code="kie").pk}


def _tpps_id():
    from workgroups.models import SubGroup

    return SubGroup.objects.get(code="tpps").pk


_workgroup_form = lambda personas, kw: {  # noqa: E731
    "name": "Pokja Bangga Kencana Kabupaten Gowa",
    "formed_on": "2023-07-12",
    "status": "active",
    "secretariat_office": "DPPKB Kabupaten Gowa",
    "contact_name": "Sekretariat",
    "contact_phone": "0411 861234",
    "contact_email": "pokja@gowakab.example",
    "subgroups": [_tpps_id()],
    "version": "1",
}

_decree_form = {
    "number": "188.45/99/KPTS/2025",
    "title": "Perubahan Keputusan Pokja",
    "kind": "amendment",
    "signed_on": "2025-01-02",
    "issuer": "regent",
    "valid_from": "2025-01-02",
    "valid_until": "",
    "version": "1",
}


def _decree_upload(personas, kw):
    from workgroups.tests.helpers import pdf_upload

    return {**_decree_form, "upload": pdf_upload()}


def _member_form(personas, kw):
    return {
        "name": "Sitti Rahmawati",
        "position": "Kepala Bidang",
        "institution": str(kw["institution"]),
        "role": "secretary",
        "subgroup": str(kw["subgroup"]),
        "phone": "0813 5550 0011",
        "email": "sitti@gowakab.example",
        "active_from": "2024-01-01",
        "active_until": "",
        "version": "1",
    }


def _import_file(personas, kw):
    from workgroups.tests.helpers import build_xlsx, member_row

    return {"file": build_xlsx([member_row(1), member_row(2)])}


_institution_form = {
    "name": "Dinas Sosial Kabupaten Gowa",
    "sector": "regional_government",
    "government": "",
    "version": "1",
}
_subgroup_form = {
    "code": "remaja",
    "name": "Ketahanan Remaja",
    "description": "",
    "is_active": "on",
    "order": "70",
}


def _api_decree(personas, kw):
    from workgroups.tests.helpers import pdf_upload

    return {
        "_multipart": True,
        "number": "188.45/99/KPTS/2025",
        "title": "Perubahan Keputusan Pokja",
        "kind": "amendment",
        "issuer": "regent",
        "signed_on": "2025-01-02",
        "valid_from": "2025-01-02",
        "file": pdf_upload(),
    }


def _api_read_decree(personas, kw):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from workgroups.tests.decree_corpus import CORPUS

    data = (CORPUS / "01-gowa-tabel-nama.pdf").read_bytes()
    return {"_multipart": True, "file": SimpleUploadedFile("sk.pdf", data, "application/pdf")}


def _read_upload(personas, kw):
    return {"file": _api_read_decree(personas, kw)["file"]}


def _reading_job(personas):
    """Gowa's Pokja and a reading job (queued) started by the Gowa operator."""
    import io

    from jobs import engine
    from workgroups.decree_import import READ_KIND

    kw = _pokja(personas)
    job = engine.start(
        kind=READ_KIND,
        by=personas.gowa_operator,
        region=Region.objects.get(code="73.06"),
        input_file=io.BytesIO(b"%PDF-1.4"),
        input_name="sk.pdf",
    )
    return {**kw, "job": job.pk}


_national_only = expect(403, national_admin=200, anonymous=302)
_P = "/r/{gowa}/pokja"
_A = "/api/v1/regions/{gowa}"

ROWS = [
    # Profile, create, edit
    Row("workgroups:profile", "GET", f"{_P}/", view_gowa(), setup=_pokja),
    Row("workgroups:profile", "GET", f"{_P}/", view_gowa(), note="no Pokja yet"),
    Row("workgroups:profile", "GET", "/r/{sulsel}/pokja/", view_sulsel(), note="province overview"),
    Row("workgroups:create", "GET", f"{_P}/new/", edit_gowa()),
    Row("workgroups:create", "POST", f"{_P}/new/", edit_gowa(302), data=_workgroup_form),
    Row("workgroups:create", "POST", "/r/{sulsel}/pokja/new/", edit_sulsel(302), data=_workgroup_form),
    Row("workgroups:edit", "GET", f"{_P}/edit/", edit_gowa(), setup=_pokja),
    Row("workgroups:edit", "POST", f"{_P}/edit/", edit_gowa(302), setup=_pokja, data=_workgroup_form),
    # Decrees
    Row("workgroups:decrees", "GET", f"{_P}/decrees/", view_gowa(), setup=_pokja),
    Row("workgroups:decree_create", "GET", f"{_P}/decrees/new/", edit_gowa(), setup=_pokja),
    Row("workgroups:decree_create", "POST", f"{_P}/decrees/new/", edit_gowa(302), setup=_pokja, data=_decree_upload),
    Row("workgroups:decree_edit", "GET", f"{_P}/decrees/{{decree}}/edit/", edit_gowa(), setup=_pokja),
    Row("workgroups:decree_edit", "POST", f"{_P}/decrees/{{decree}}/edit/", edit_gowa(302), setup=_pokja, data=_decree_form),
    Row("workgroups:decree_delete", "GET", f"{_P}/decrees/{{decree}}/delete/", edit_gowa(), setup=_pokja),
    Row("workgroups:decree_delete", "POST", f"{_P}/decrees/{{decree}}/delete/", edit_gowa(302), setup=_pokja),
    Row("workgroups:decree_file", "GET", f"{_P}/decrees/{{decree}}/file/", view_gowa(), setup=_pokja),
    # Members
    Row("workgroups:members", "GET", f"{_P}/members/", view_gowa(), setup=_pokja),
    Row("workgroups:member_create", "GET", f"{_P}/members/new/", edit_gowa(), setup=_pokja),
    Row("workgroups:member_create", "POST", f"{_P}/members/new/", edit_gowa(302), setup=_pokja, data=_member_form),
    Row("workgroups:member_edit", "GET", f"{_P}/members/{{member}}/edit/", edit_gowa(), setup=_pokja),
    Row("workgroups:member_edit", "POST", f"{_P}/members/{{member}}/edit/", edit_gowa(302), setup=_pokja, data=_member_form),
    Row("workgroups:member_delete", "GET", f"{_P}/members/{{member}}/delete/", edit_gowa(), setup=_pokja),
    Row("workgroups:member_delete", "POST", f"{_P}/members/{{member}}/delete/", edit_gowa(302), setup=_pokja),
    Row("workgroups:member_login", "GET", f"{_P}/members/{{member}}/login/", edit_gowa(), setup=_pokja),
    Row("workgroups:member_login", "POST", f"{_P}/members/{{member}}/login/", edit_gowa(200), setup=_pokja, data={"method": "password"}, note="shows the password once"),
    Row("workgroups:members_template", "GET", f"{_P}/members/template/", edit_gowa(), setup=_pokja),
    Row("workgroups:members_import", "GET", f"{_P}/members/import/", edit_gowa(), setup=_pokja),
    Row("workgroups:members_import", "POST", f"{_P}/members/import/", edit_gowa(302), setup=_pokja, data=_import_file),
    Row("workgroups:members_export", "GET", f"{_P}/members/export/", view_gowa(), setup=_pokja),
    # Institutions
    Row("workgroups:institutions", "GET", "/r/{gowa}/institutions/", view_gowa(), setup=_pokja),
    Row("workgroups:institutions", "GET", "/r/{sulsel}/institutions/", view_sulsel()),
    Row("workgroups:institution_create", "GET", "/r/{gowa}/institutions/new/", edit_gowa()),
    Row("workgroups:institution_create", "POST", "/r/{gowa}/institutions/new/", edit_gowa(302), data=_institution_form),
    Row("workgroups:institution_edit", "GET", "/r/{gowa}/institutions/{institution}/edit/", edit_gowa(), setup=_pokja),
    Row("workgroups:institution_edit", "POST", "/r/{gowa}/institutions/{institution}/edit/", edit_gowa(302), setup=_pokja, data=_institution_form),
    Row("workgroups:institution_delete", "GET", "/r/{gowa}/institutions/{free_institution}/delete/", edit_gowa(), setup=_pokja),
    Row("workgroups:institution_delete", "POST", "/r/{gowa}/institutions/{free_institution}/delete/", edit_gowa(302), setup=_pokja),
    # National catalogue
    Row("workgroups:subgroups", "GET", "/catalogue/subgroups/", _national_only),
    Row("workgroups:subgroups", "POST", "/catalogue/subgroups/", expect(403, national_admin=302, anonymous=302), data=_subgroup_form),
    Row("workgroups:subgroup_edit", "GET", "/catalogue/subgroups/{subgroup}/edit/", _national_only, setup=_subgroup),
    Row("workgroups:subgroup_edit", "POST", "/catalogue/subgroups/{subgroup}/edit/", expect(403, national_admin=302, anonymous=302), setup=_subgroup, data={**_subgroup_form, "code": "kie"}),
    # API: sub-groups
    Row("GET /api/v1/subgroups", "GET", "/api/v1/subgroups", expect(200, anonymous=401), api=True),
    Row("POST /api/v1/subgroups", "POST", "/api/v1/subgroups", expect(403, national_admin=201, anonymous=401), api=True, data={"code": "remaja", "name": "Ketahanan Remaja"}),
    Row("PATCH /api/v1/subgroups/{subgroup_id}", "PATCH", "/api/v1/subgroups/{subgroup}", expect(403, national_admin=200, anonymous=401), api=True, setup=_subgroup, data={"order": 99}),
    # API: work group
    Row("GET /api/v1/regions/{code}/workgroup", "GET", f"{_A}/workgroup", api(view_gowa()), api=True, setup=_pokja),
    Row("GET /api/v1/regions/{code}/workgroup", "GET", f"{_A}/workgroup", expect(404, anonymous=401), api=True, note="no Pokja yet"),
    Row("POST /api/v1/regions/{code}/workgroup", "POST", f"{_A}/workgroup", api(edit_gowa(201)), api=True, data={"name": "Pokja Gowa", "subgroups": ["tpps"]}),
    Row("PATCH /api/v1/regions/{code}/workgroup", "PATCH", f"{_A}/workgroup", api(edit_gowa(200)), api=True, setup=_pokja, data={"version": 1, "secretariat_office": "DPPKB"}),
    # API: decrees
    Row("GET /api/v1/regions/{code}/workgroup/decrees", "GET", f"{_A}/workgroup/decrees", api(view_gowa()), api=True, setup=_pokja),
    Row("POST /api/v1/regions/{code}/workgroup/decrees", "POST", f"{_A}/workgroup/decrees", api(edit_gowa(201)), api=True, setup=_pokja, data=_api_decree),
    Row("GET /api/v1/regions/{code}/workgroup/decrees/{decree_id}", "GET", f"{_A}/workgroup/decrees/{{decree}}", api(view_gowa()), api=True, setup=_pokja),
    Row("PATCH /api/v1/regions/{code}/workgroup/decrees/{decree_id}", "PATCH", f"{_A}/workgroup/decrees/{{decree}}", api(edit_gowa(200)), api=True, setup=_pokja, data={"version": 1, "title": "Pembentukan Pokja"}),
    Row("DELETE /api/v1/regions/{code}/workgroup/decrees/{decree_id}", "DELETE", f"{_A}/workgroup/decrees/{{decree}}", api(edit_gowa(204)), api=True, setup=_pokja),
    Row("GET /api/v1/regions/{code}/workgroup/decrees/{decree_id}/file", "GET", f"{_A}/workgroup/decrees/{{decree}}/file", api(view_gowa()), api=True, setup=_pokja),
    # API: institutions
    Row("GET /api/v1/regions/{code}/institutions", "GET", f"{_A}/institutions", api(view_gowa()), api=True, setup=_pokja),
    Row("POST /api/v1/regions/{code}/institutions", "POST", f"{_A}/institutions", api(edit_gowa(201)), api=True, data={"name": "Dinas Sosial Kabupaten Gowa", "sector": "regional_government"}),
    Row("GET /api/v1/regions/{code}/institutions/{institution_id}", "GET", f"{_A}/institutions/{{institution}}", api(view_gowa()), api=True, setup=_pokja),
    Row("PATCH /api/v1/regions/{code}/institutions/{institution_id}", "PATCH", f"{_A}/institutions/{{institution}}", api(edit_gowa(200)), api=True, setup=_pokja, data={"version": 1, "name": "Bappelitbangda Kabupaten Gowa"}),
    Row("DELETE /api/v1/regions/{code}/institutions/{institution_id}", "DELETE", f"{_A}/institutions/{{free_institution}}", api(edit_gowa(204)), api=True, setup=_pokja),
    # API: members
    Row("GET /api/v1/regions/{code}/workgroup/members", "GET", f"{_A}/workgroup/members", api(view_gowa()), api=True, setup=_pokja),
    Row("POST /api/v1/regions/{code}/workgroup/members", "POST", f"{_A}/workgroup/members", api(edit_gowa(201)), api=True, setup=_pokja, data={"name": "Sitti Rahmawati", "role": "secretary", "subgroup": "tpps"}),
    Row("GET /api/v1/regions/{code}/workgroup/members/{member_id}", "GET", f"{_A}/workgroup/members/{{member}}", api(view_gowa()), api=True, setup=_pokja),
    Row("PATCH /api/v1/regions/{code}/workgroup/members/{member_id}", "PATCH", f"{_A}/workgroup/members/{{member}}", api(edit_gowa(200)), api=True, setup=_pokja, data={"version": 1, "position": "Kepala Bappeda"}),
    Row("DELETE /api/v1/regions/{code}/workgroup/members/{member_id}", "DELETE", f"{_A}/workgroup/members/{{member}}", api(edit_gowa(204)), api=True, setup=_pokja),
    # API: reading an SK (issue 26)
    Row("workgroups:decree_read", "GET", f"{_P}/decrees/read/", edit_gowa(), setup=_pokja),
    Row("workgroups:decree_read", "POST", f"{_P}/decrees/read/", edit_gowa(302), setup=_pokja, data=_read_upload),
    Row("workgroups:decree_read_progress", "GET", f"{_P}/decrees/read/{{job}}/", edit_gowa(), setup=_reading_job, note="still queued"),
    Row("workgroups:decree_read_review", "GET", f"{_P}/decrees/read/{{job}}/review/", edit_gowa(302), setup=_reading_job, note="not read yet: back to progress"),
    Row("POST /api/v1/regions/{code}/decrees/read", "POST", f"{_A}/decrees/read", api(edit_gowa(200)), api=True, data=_api_read_decree),
]  # fmt: skip
