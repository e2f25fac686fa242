"""Permission matrix rows for every indicator route and API operation."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import Indicator, NationalTarget, Target, Value
from regions.models import Region
from tests.matrix import Row, action, api_rows, edit_gowa, expect, form, view_gowa, view_sulsel


def national(ok=200):
    """Catalogue writes: national admins only; everyone else 403 (nothing regional to hide)."""
    return expect(403, national_admin=ok, anonymous=302)


def _records(personas):
    gowa = Region.objects.get(code="73.06")
    makassar = Region.objects.get(code="73.71")
    stunting = Indicator.objects.get(code="stunting")
    target = Target.objects.create(region=gowa, indicator=stunting, year=2024, value=Decimal("20"))
    value = Value.objects.create(
        region=gowa, indicator=stunting, year=2024, source="ssgi", value=Decimal("23.4")
    )
    other_target = Target.objects.create(
        region=makassar, indicator=stunting, year=2024, value=Decimal("15")
    )
    other_value = Value.objects.create(
        region=makassar, indicator=stunting, year=2024, source="ssgi", value=Decimal("18.4")
    )
    return {
        "target": target.pk,
        "value": value.pk,
        "other_target": other_target.pk,
        "other_value": other_value.pk,
    }


def _national_target(personas):
    return {"nt": NationalTarget.objects.get(indicator__code="tfr", year=2022).pk}


def _workgroup(personas):
    from workgroups.models import WorkGroup

    WorkGroup.objects.create(
        region=Region.objects.get(code="73.06"), name="Pokja Bangga Kencana Kabupaten Gowa"
    )
    return {}


def _csv(personas, kwargs):
    content = 'kode_wilayah,kode_indikator,tahun,periode,jenis,nilai,sumber,catatan\n7306,stunting,2024,,realisasi,"23,4",SSGI,\n'
    return {
        "file": SimpleUploadedFile("nilai.csv", content.encode(), content_type="text/csv"),
        "_multipart": True,
    }


def _import_job(personas):
    from indicators import import_jobs

    region = Region.objects.get(code="73.06")
    data = _csv(personas, {})
    job = import_jobs.start(
        by=personas.users["gowa_operator"], region=region, uploaded=data["file"]
    )
    return {"job": job.pk}


_indicator_form = {
    "code": "indeks-baru",
    "name": "Indeks Baru",
    "definition": "",
    "unit": "indeks",
    "direction": "higher",
    "decimals": "2",
    "usual_source": "",
    "periodicity": "yearly",
    "max_value": "",
    "reference": "",
    "is_active": "on",
    "order": "200",
}
_indicator_edit = {
    **_indicator_form,
    "code": "tfr",
    "name": "Angka Kelahiran Total (TFR)",
    "unit": "anak per perempuan",
    "direction": "lower",
    "version": "1",
}
_national_target_form = {"year": "2030", "value": "2,05", "source": "Contoh sumber", "version": ""}
_target_form = {"year": "2025", "value": "18,5", "note": "RPJMD", "version": ""}
_target_edit = {"year": "2024", "value": "19", "note": "", "version": "1"}
_value_form = {
    "year": "2025",
    "period": "",
    "source": "ssgi",
    "value": "21,7",
    "note": "",
    "version": "",
}
_value_edit = {
    "year": "2024",
    "period": "",
    "source": "ssgi",
    "value": "22",
    "note": "",
    "version": "1",
}
_api_indicator = {
    "code": "indeks-baru",
    "name": "Indeks Baru",
    "unit": "indeks",
    "direction": "higher",
}
_api_indicator_edit = {
    "name": "Angka Kelahiran Total",
    "unit": "anak per perempuan",
    "direction": "lower",
    "version": 1,
}

_api_target = {"indicator": "stunting", "year": 2025, "value": "18.5"}
_api_target_edit = {"value": "19", "version": 1}
_api_value = {"indicator": "stunting", "year": 2025, "source": "e-PPGBM", "value": "6.2"}


def _adoption_form(personas, kwargs):
    stunting = Indicator.objects.get(code="stunting")
    return {f"adopt_{stunting.pk}": "on", f"target_{stunting.pk}": "18", f"note_{stunting.pk}": ""}


G = "/r/{gowa}/indicators/"
op = api_rows(
    "/api/v1",
    code="{gowa}",
    indicator_code="stunting",
    target_id="{target}",
    value_id="{value}",
    job_id="{job}",
)
_version = {"version": "1"}
_other_region = expect(404, gowa_member=403, sulsel_viewer=403, anonymous=302)
_SSGI_2024 = "?year=2024&source=ssgi"


def _records_of(kind, new_form, edit_form):
    """The rows of one kind of Gowa record ("target", "value"): create, edit, another region's
    record by id, delete."""
    edit = G + kind + "s/{" + kind + "}/"
    return [
        *form(f"indicators:{kind}_create", f"{G}stunting/{kind}s/new/", data=new_form),
        *form(f"indicators:{kind}_edit", edit, setup=_records, data=edit_form),
        Row(
            f"indicators:{kind}_edit",
            "GET",
            G + kind + "s/{other_" + kind + "}/",
            _other_region,
            setup=_records,
            note=f"another region's {kind}",
        ),
        action(f"indicators:{kind}_delete", edit + "delete/", _records, _version),
    ]


ROWS = [
    # Satu Data metadata: public page and exports, the import for national admins
    Row("indicators:public_indicator", "GET", "/data/indicators/tfr/", expect(200)),
    Row("indicators:metadata_export", "GET", "/data/indicators/metadata.json", expect(200)),
    Row("indicators:metadata_export", "GET", "/data/indicators/metadata.xlsx", expect(200)),
    Row("indicators:metadata_import", "GET", "/indicators/metadata/import/", national()),
    # National catalogue
    Row("indicators:catalogue", "GET", "/indicators/", expect(200, anonymous=302)),
    Row("indicators:indicator_info", "GET", "/indicators/tfr/", expect(200, anonymous=302)),
    Row(
        "indicators:indicator_info",
        "GET",
        "/indicators/no-such-code/",
        expect(404, anonymous=302),
        note="unknown indicator",
    ),
    *form("indicators:indicator_create", "/indicators/new/", national, data=_indicator_form),
    *form("indicators:indicator_edit", "/indicators/tfr/edit/", national, data=_indicator_edit),
    *form(
        "indicators:national_target_create",
        "/indicators/tfr/national-targets/new/",
        national,
        data=_national_target_form,
    ),
    Row(
        "indicators:national_target_edit",
        "GET",
        "/indicators/national-targets/{nt}/",
        national(),
        setup=_national_target,
    ),
    Row(
        "indicators:national_target_delete",
        "POST",
        "/indicators/national-targets/{nt}/delete/",
        national(302),
        setup=_national_target,
        data=_version,
    ),
    # A region's indicators
    Row("indicators:region", "GET", G, view_gowa()),
    Row("indicators:region", "GET", "/r/{sulsel}/indicators/?year=2024&source=ssgi", view_sulsel()),
    Row("indicators:detail", "GET", G + "stunting/", view_gowa(), setup=_records),
    Row(
        "indicators:ranking",
        "GET",
        "/r/{sulsel}/indicators/stunting/ranking/" + _SSGI_2024,
        view_sulsel(),
    ),
    Row(
        "indicators:ranking",
        "GET",
        G + "stunting/ranking/",
        view_gowa(404),
        note="kab/kota have no ranking",
    ),
    *_records_of("target", _target_form, _target_edit),
    *_records_of("value", _value_form, _value_edit),
    Row("indicators:import", "GET", G + "import/", edit_gowa()),
    Row(
        "indicators:import",
        "POST",
        G + "import/",
        edit_gowa(302),
        data=_csv,
        note="queues an import job and redirects to it",
    ),
    Row("indicators:template", "GET", G + "template.xlsx", edit_gowa()),
    Row(
        "indicators:template",
        "GET",
        "/r/{sulsel}/indicators/template.csv?indicator=stunting",
        expect(
            200,
            gowa_operator=404,
            gowa_member=404,
            sulsel_viewer=403,
            sultra_admin=404,
            anonymous=302,
        ),
    ),
    Row("indicators:export", "GET", G + "export.csv", view_gowa(), setup=_records),
    Row(
        "indicators:export",
        "GET",
        "/r/{sulsel}/indicators/export.xlsx?area=children&indicator=stunting",
        view_sulsel(),
    ),
    Row("indicators:adopted", "GET", G + "adopted/", view_gowa(), setup=_workgroup),
    *form(
        "indicators:adopted_edit",
        G + "adopted/edit/?year=2025",
        setup=_workgroup,
        data=_adoption_form,
    ),
    # API: catalogue
    op("GET /indicators", expect(200)),
    op("POST /indicators", national(201), data=_api_indicator),
    op("GET /indicators/{indicator_code}", expect(200), indicator_code="tfr"),
    op(
        "PUT /indicators/{indicator_code}",
        national(200),
        data=_api_indicator_edit,
        indicator_code="tfr",
    ),
    op(
        "PUT /indicators/{indicator_code}/national-targets/{year}",
        national(201),
        data={"value": "2.05", "source": "Contoh"},
        indicator_code="tfr",
        year=2030,
    ),
    op(
        "DELETE /indicators/{indicator_code}/national-targets/{year}",
        national(204),
        indicator_code="tfr",
        year=2022,
    ),
    # API: a region's data
    op("GET /regions/{code}/indicators/targets", view_gowa(), _records),
    op(
        "GET /regions/{code}/indicators/targets",
        view_sulsel(),
        query="?children=true",
        code="{sulsel}",
    ),
    op("POST /regions/{code}/indicators/targets", edit_gowa(201), data=_api_target),
    op(
        "PUT /regions/{code}/indicators/targets/{target_id}",
        edit_gowa(200),
        _records,
        _api_target_edit,
    ),
    op(
        "PUT /regions/{code}/indicators/targets/{target_id}",
        expect(404, gowa_member=403, sulsel_viewer=403),
        _records,
        _api_target_edit,
        note="another region's target",
        target_id="{other_target}",
    ),
    op("DELETE /regions/{code}/indicators/targets/{target_id}", edit_gowa(204), _records),
    op("GET /regions/{code}/indicators/values", view_gowa(), _records, query="?source=SSGI"),
    op("POST /regions/{code}/indicators/values", edit_gowa(201), data=_api_value),
    op(
        "PUT /regions/{code}/indicators/values/{value_id}",
        edit_gowa(200),
        _records,
        {"value": "22", "version": 1},
    ),
    op("DELETE /regions/{code}/indicators/values/{value_id}", edit_gowa(204), _records),
    op(
        "DELETE /regions/{code}/indicators/values/{value_id}",
        expect(404, gowa_member=403, sulsel_viewer=403),
        _records,
        note="another region's value",
        value_id="{other_value}",
    ),
    op("POST /regions/{code}/indicators/import", edit_gowa(200), data=_csv),
    op(
        "GET /jobs/{job_id}",
        expect(404, gowa_operator=200, sulsel_admin=200, national_admin=200),
        _import_job,
        note="an indicator import job started by the Gowa operator",
    ),
    op(
        "POST /regions/{code}/indicators/import",
        edit_gowa(202),
        data=_csv,
        query="?background=1",
        note="as a background job",
    ),
    op("GET /regions/{code}/indicators/adopted", view_gowa(), _workgroup, query="?year=2025"),
    op(
        "GET /regions/{code}/indicators/{indicator_code}/achievement",
        view_gowa(),
        _records,
        query=_SSGI_2024,
    ),
    op(
        "GET /regions/{code}/indicators/{indicator_code}/achievement",
        expect(200, gowa_operator=404, gowa_member=404, sultra_admin=404),
        _records,
        query=_SSGI_2024,
        code="{makassar}",
    ),
    op(
        "GET /regions/{code}/indicators/{indicator_code}/ranking",
        view_sulsel(),
        _records,
        query=_SSGI_2024,
        code="{sulsel}",
    ),
]
