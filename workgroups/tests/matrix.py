"""Permission matrix of the Pokja registry: every route and API operation × every persona."""

from regions.models import Region
from tests.matrix import Row, api_rows, edit_gowa, edit_sulsel, expect, form, view_gowa, view_sulsel


def _pokja(personas):
    """Gowa's Pokja with a decree (real PDF), two institutions (one without members) and a
    member; returns their ids as path keywords."""
    from workgroups import services
    from workgroups.models import SubGroup
    from workgroups.tests.helpers import decree_fields, pdf_upload

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
    decree = services.add_decree(by=None, workgroup=workgroup, file=pdf_upload(), **decree_fields())
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
_national_write = expect(403, national_admin=302, anonymous=302)
_P = "/r/{gowa}/pokja"
_D = _P + "/decrees/{decree}"
_M = _P + "/members/{member}"
_I = "/r/{gowa}/institutions"
op = api_rows(
    "/api/v1",
    code="{gowa}",
    subgroup_id="{subgroup}",
    decree_id="{decree}",
    institution_id="{institution}",
    member_id="{member}",
)
_R = "/regions/{code}"

ROWS = [
    # Profile, create, edit
    Row("workgroups:profile", "GET", f"{_P}/", view_gowa(), setup=_pokja),
    Row("workgroups:profile", "GET", f"{_P}/", view_gowa(), note="no Pokja yet"),
    Row("workgroups:profile", "GET", "/r/{sulsel}/pokja/", view_sulsel(), note="province overview"),
    *form("workgroups:create", f"{_P}/new/", data=_workgroup_form),
    Row("workgroups:create", "POST", "/r/{sulsel}/pokja/new/", edit_sulsel(302), data=_workgroup_form),
    *form("workgroups:edit", f"{_P}/edit/", setup=_pokja, data=_workgroup_form),
    # Decrees
    Row("workgroups:decrees", "GET", f"{_P}/decrees/", view_gowa(), setup=_pokja),
    *form("workgroups:decree_create", f"{_P}/decrees/new/", setup=_pokja, data=_decree_upload),
    *form("workgroups:decree_edit", f"{_D}/edit/", setup=_pokja, data=_decree_form),
    *form("workgroups:decree_delete", f"{_D}/delete/", setup=_pokja),
    Row("workgroups:decree_file", "GET", f"{_D}/file/", view_gowa(), setup=_pokja),
    # Members
    Row("workgroups:members", "GET", f"{_P}/members/", view_gowa(), setup=_pokja),
    *form("workgroups:member_create", f"{_P}/members/new/", setup=_pokja, data=_member_form),
    *form("workgroups:member_edit", f"{_M}/edit/", setup=_pokja, data=_member_form),
    *form("workgroups:member_delete", f"{_M}/delete/", setup=_pokja),
    Row("workgroups:member_login", "GET", f"{_M}/login/", edit_gowa(), setup=_pokja),
    Row("workgroups:member_login", "POST", f"{_M}/login/", edit_gowa(200), setup=_pokja, data={"method": "password"}, note="shows the password once"),
    Row("workgroups:members_template", "GET", f"{_P}/members/template/", edit_gowa(), setup=_pokja),
    *form("workgroups:members_import", f"{_P}/members/import/", setup=_pokja, data=_import_file),
    Row("workgroups:members_export", "GET", f"{_P}/members/export/", view_gowa(), setup=_pokja),
    # Institutions
    Row("workgroups:institutions", "GET", f"{_I}/", view_gowa(), setup=_pokja),
    Row("workgroups:institutions", "GET", "/r/{sulsel}/institutions/", view_sulsel()),
    *form("workgroups:institution_create", f"{_I}/new/", data=_institution_form),
    *form("workgroups:institution_edit", f"{_I}/{{institution}}/edit/", setup=_pokja, data=_institution_form),
    *form("workgroups:institution_delete", f"{_I}/{{free_institution}}/delete/", setup=_pokja),
    # National catalogue
    Row("workgroups:subgroups", "GET", "/catalogue/subgroups/", _national_only),
    Row("workgroups:subgroups", "POST", "/catalogue/subgroups/", _national_write, data=_subgroup_form),
    Row("workgroups:subgroup_edit", "GET", "/catalogue/subgroups/{subgroup}/edit/", _national_only, setup=_subgroup),
    Row("workgroups:subgroup_edit", "POST", "/catalogue/subgroups/{subgroup}/edit/", _national_write, setup=_subgroup, data={**_subgroup_form, "code": "kie"}),
    # API: sub-groups
    op("GET /subgroups", expect(200)),
    op("POST /subgroups", expect(403, national_admin=201), data={"code": "remaja", "name": "Ketahanan Remaja"}),
    op("PATCH /subgroups/{subgroup_id}", expect(403, national_admin=200), _subgroup, {"order": 99}),
    # API: work group
    op(f"GET {_R}/workgroup", view_gowa(), _pokja),
    op(f"GET {_R}/workgroup", expect(404), note="no Pokja yet"),
    op(f"POST {_R}/workgroup", edit_gowa(201), data={"name": "Pokja Gowa", "subgroups": ["tpps"]}),
    op(f"PATCH {_R}/workgroup", edit_gowa(200), _pokja, {"version": 1, "secretariat_office": "DPPKB"}),
    # API: decrees
    op(f"GET {_R}/workgroup/decrees", view_gowa(), _pokja),
    op(f"POST {_R}/workgroup/decrees", edit_gowa(201), _pokja, _api_decree),
    op(f"GET {_R}/workgroup/decrees/{{decree_id}}", view_gowa(), _pokja),
    op(f"PATCH {_R}/workgroup/decrees/{{decree_id}}", edit_gowa(200), _pokja, {"version": 1, "title": "Pembentukan Pokja"}),
    op(f"DELETE {_R}/workgroup/decrees/{{decree_id}}", edit_gowa(204), _pokja),
    op(f"GET {_R}/workgroup/decrees/{{decree_id}}/file", view_gowa(), _pokja),
    # API: institutions
    op(f"GET {_R}/institutions", view_gowa(), _pokja),
    op(f"POST {_R}/institutions", edit_gowa(201), data={"name": "Dinas Sosial Kabupaten Gowa", "sector": "regional_government"}),
    op(f"GET {_R}/institutions/{{institution_id}}", view_gowa(), _pokja),
    op(f"PATCH {_R}/institutions/{{institution_id}}", edit_gowa(200), _pokja, {"version": 1, "name": "Bappelitbangda Kabupaten Gowa"}),
    op(f"DELETE {_R}/institutions/{{institution_id}}", edit_gowa(204), _pokja, institution_id="{free_institution}"),
    # API: members
    op(f"GET {_R}/workgroup/members", view_gowa(), _pokja),
    op(f"POST {_R}/workgroup/members", edit_gowa(201), _pokja, {"name": "Sitti Rahmawati", "role": "secretary", "subgroup": "tpps"}),
    op(f"GET {_R}/workgroup/members/{{member_id}}", view_gowa(), _pokja),
    op(f"PATCH {_R}/workgroup/members/{{member_id}}", edit_gowa(200), _pokja, {"version": 1, "position": "Kepala Bappeda"}),
    op(f"DELETE {_R}/workgroup/members/{{member_id}}", edit_gowa(204), _pokja),
    # API: reading an SK (issue 26)
    *form("workgroups:decree_read", f"{_P}/decrees/read/", setup=_pokja, data=_read_upload),
    Row("workgroups:decree_read_progress", "GET", f"{_P}/decrees/read/{{job}}/", edit_gowa(), setup=_reading_job, note="still queued"),
    Row("workgroups:decree_read_review", "GET", f"{_P}/decrees/read/{{job}}/review/", edit_gowa(302), setup=_reading_job, note="not read yet: back to progress"),
    op(f"POST {_R}/decrees/read", edit_gowa(200), data=_api_read_decree),
]  # fmt: skip
