"""Permission matrix rows for every indicator route and API operation."""

from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from indicators.models import Indicator, NationalTarget, Target, Value
from regions.models import Region
from tests.matrix import Row, api, edit_gowa, expect, view_gowa, view_sulsel


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


def _adoption_form(personas, kwargs):
    stunting = Indicator.objects.get(code="stunting")
    return {f"adopt_{stunting.pk}": "on", f"target_{stunting.pk}": "18", f"note_{stunting.pk}": ""}


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
    Row("indicators:indicator_create", "GET", "/indicators/new/", national()),
    Row(
        "indicators:indicator_create",
        "POST",
        "/indicators/new/",
        national(302),
        data=_indicator_form,
    ),
    Row("indicators:indicator_edit", "GET", "/indicators/tfr/edit/", national()),
    Row(
        "indicators:indicator_edit",
        "POST",
        "/indicators/tfr/edit/",
        national(302),
        data=_indicator_edit,
    ),
    Row(
        "indicators:national_target_create",
        "GET",
        "/indicators/tfr/national-targets/new/",
        national(),
    ),
    Row(
        "indicators:national_target_create",
        "POST",
        "/indicators/tfr/national-targets/new/",
        national(302),
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
        data={"version": "1"},
    ),
    # A region's indicators
    Row("indicators:region", "GET", "/r/{gowa}/indicators/", view_gowa()),
    Row("indicators:region", "GET", "/r/{sulsel}/indicators/?year=2024&source=ssgi", view_sulsel()),
    Row("indicators:detail", "GET", "/r/{gowa}/indicators/stunting/", view_gowa(), setup=_records),
    Row(
        "indicators:ranking",
        "GET",
        "/r/{sulsel}/indicators/stunting/ranking/?year=2024&source=ssgi",
        view_sulsel(),
    ),
    Row(
        "indicators:ranking",
        "GET",
        "/r/{gowa}/indicators/stunting/ranking/",
        view_gowa(404),
        note="kab/kota have no ranking",
    ),
    Row(
        "indicators:target_create", "GET", "/r/{gowa}/indicators/stunting/targets/new/", edit_gowa()
    ),
    Row(
        "indicators:target_create",
        "POST",
        "/r/{gowa}/indicators/stunting/targets/new/",
        edit_gowa(302),
        data=_target_form,
    ),
    Row(
        "indicators:target_edit",
        "GET",
        "/r/{gowa}/indicators/targets/{target}/",
        edit_gowa(),
        setup=_records,
    ),
    Row(
        "indicators:target_edit",
        "POST",
        "/r/{gowa}/indicators/targets/{target}/",
        edit_gowa(302),
        setup=_records,
        data=_target_edit,
    ),
    Row(
        "indicators:target_edit",
        "GET",
        "/r/{gowa}/indicators/targets/{other_target}/",
        expect(404, gowa_member=403, sulsel_viewer=403, anonymous=302),
        setup=_records,
        note="another region's target",
    ),
    Row(
        "indicators:target_delete",
        "POST",
        "/r/{gowa}/indicators/targets/{target}/delete/",
        edit_gowa(302),
        setup=_records,
        data={"version": "1"},
    ),
    Row("indicators:value_create", "GET", "/r/{gowa}/indicators/stunting/values/new/", edit_gowa()),
    Row(
        "indicators:value_create",
        "POST",
        "/r/{gowa}/indicators/stunting/values/new/",
        edit_gowa(302),
        data=_value_form,
    ),
    Row(
        "indicators:value_edit",
        "GET",
        "/r/{gowa}/indicators/values/{value}/",
        edit_gowa(),
        setup=_records,
    ),
    Row(
        "indicators:value_edit",
        "POST",
        "/r/{gowa}/indicators/values/{value}/",
        edit_gowa(302),
        setup=_records,
        data=_value_edit,
    ),
    Row(
        "indicators:value_edit",
        "GET",
        "/r/{gowa}/indicators/values/{other_value}/",
        expect(404, gowa_member=403, sulsel_viewer=403, anonymous=302),
        setup=_records,
        note="another region's value",
    ),
    Row(
        "indicators:value_delete",
        "POST",
        "/r/{gowa}/indicators/values/{value}/delete/",
        edit_gowa(302),
        setup=_records,
        data={"version": "1"},
    ),
    Row("indicators:import", "GET", "/r/{gowa}/indicators/import/", edit_gowa()),
    Row(
        "indicators:import",
        "POST",
        "/r/{gowa}/indicators/import/",
        edit_gowa(302),
        data=_csv,
        note="queues an import job and redirects to it",
    ),
    Row("indicators:template", "GET", "/r/{gowa}/indicators/template.xlsx", edit_gowa()),
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
    Row("indicators:export", "GET", "/r/{gowa}/indicators/export.csv", view_gowa(), setup=_records),
    Row(
        "indicators:export",
        "GET",
        "/r/{sulsel}/indicators/export.xlsx?area=children&indicator=stunting",
        view_sulsel(),
    ),
    Row(
        "indicators:adopted", "GET", "/r/{gowa}/indicators/adopted/", view_gowa(), setup=_workgroup
    ),
    Row(
        "indicators:adopted_edit",
        "GET",
        "/r/{gowa}/indicators/adopted/edit/?year=2025",
        edit_gowa(),
        setup=_workgroup,
    ),
    Row(
        "indicators:adopted_edit",
        "POST",
        "/r/{gowa}/indicators/adopted/edit/?year=2025",
        edit_gowa(302),
        setup=_workgroup,
        data=_adoption_form,
    ),
    # API: catalogue
    Row(
        "GET /api/v1/indicators", "GET", "/api/v1/indicators", expect(200, anonymous=401), api=True
    ),
    Row(
        "POST /api/v1/indicators",
        "POST",
        "/api/v1/indicators",
        api(national(201)),
        api=True,
        data=_api_indicator,
    ),
    Row(
        "GET /api/v1/indicators/{indicator_code}",
        "GET",
        "/api/v1/indicators/tfr",
        expect(200, anonymous=401),
        api=True,
    ),
    Row(
        "PUT /api/v1/indicators/{indicator_code}",
        "PUT",
        "/api/v1/indicators/tfr",
        api(national(200)),
        api=True,
        data=_api_indicator_edit,
    ),
    Row(
        "PUT /api/v1/indicators/{indicator_code}/national-targets/{year}",
        "PUT",
        "/api/v1/indicators/tfr/national-targets/2030",
        api(national(201)),
        api=True,
        data={"value": "2.05", "source": "Contoh"},
    ),
    Row(
        "DELETE /api/v1/indicators/{indicator_code}/national-targets/{year}",
        "DELETE",
        "/api/v1/indicators/tfr/national-targets/2022",
        api(national(204)),
        api=True,
    ),
    # API: a region's data
    Row(
        "GET /api/v1/regions/{code}/indicators/targets",
        "GET",
        "/api/v1/regions/{gowa}/indicators/targets",
        api(view_gowa()),
        api=True,
        setup=_records,
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/targets",
        "GET",
        "/api/v1/regions/{sulsel}/indicators/targets?children=true",
        api(view_sulsel()),
        api=True,
    ),
    Row(
        "POST /api/v1/regions/{code}/indicators/targets",
        "POST",
        "/api/v1/regions/{gowa}/indicators/targets",
        api(edit_gowa(201)),
        api=True,
        data={"indicator": "stunting", "year": 2025, "value": "18.5"},
    ),
    Row(
        "PUT /api/v1/regions/{code}/indicators/targets/{target_id}",
        "PUT",
        "/api/v1/regions/{gowa}/indicators/targets/{target}",
        api(edit_gowa(200)),
        api=True,
        setup=_records,
        data={"value": "19", "version": 1},
    ),
    Row(
        "PUT /api/v1/regions/{code}/indicators/targets/{target_id}",
        "PUT",
        "/api/v1/regions/{gowa}/indicators/targets/{other_target}",
        api(expect(404, gowa_member=403, sulsel_viewer=403)),
        api=True,
        setup=_records,
        data={"value": "19", "version": 1},
        note="another region's target",
    ),
    Row(
        "DELETE /api/v1/regions/{code}/indicators/targets/{target_id}",
        "DELETE",
        "/api/v1/regions/{gowa}/indicators/targets/{target}",
        api(edit_gowa(204)),
        api=True,
        setup=_records,
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/values",
        "GET",
        "/api/v1/regions/{gowa}/indicators/values?source=SSGI",
        api(view_gowa()),
        api=True,
        setup=_records,
    ),
    Row(
        "POST /api/v1/regions/{code}/indicators/values",
        "POST",
        "/api/v1/regions/{gowa}/indicators/values",
        api(edit_gowa(201)),
        api=True,
        data={"indicator": "stunting", "year": 2025, "source": "e-PPGBM", "value": "6.2"},
    ),
    Row(
        "PUT /api/v1/regions/{code}/indicators/values/{value_id}",
        "PUT",
        "/api/v1/regions/{gowa}/indicators/values/{value}",
        api(edit_gowa(200)),
        api=True,
        setup=_records,
        data={"value": "22", "version": 1},
    ),
    Row(
        "DELETE /api/v1/regions/{code}/indicators/values/{value_id}",
        "DELETE",
        "/api/v1/regions/{gowa}/indicators/values/{value}",
        api(edit_gowa(204)),
        api=True,
        setup=_records,
    ),
    Row(
        "DELETE /api/v1/regions/{code}/indicators/values/{value_id}",
        "DELETE",
        "/api/v1/regions/{gowa}/indicators/values/{other_value}",
        api(expect(404, gowa_member=403, sulsel_viewer=403)),
        api=True,
        setup=_records,
        note="another region's value",
    ),
    Row(
        "POST /api/v1/regions/{code}/indicators/import",
        "POST",
        "/api/v1/regions/{gowa}/indicators/import",
        api(edit_gowa(200)),
        api=True,
        data=_csv,
    ),
    Row(
        "GET /api/v1/jobs/{job_id}",
        "GET",
        "/api/v1/jobs/{job}",
        api(expect(404, gowa_operator=200, sulsel_admin=200, national_admin=200)),
        api=True,
        setup=_import_job,
        note="an indicator import job started by the Gowa operator",
    ),
    Row(
        "POST /api/v1/regions/{code}/indicators/import",
        "POST",
        "/api/v1/regions/{gowa}/indicators/import?background=1",
        api(edit_gowa(202)),
        api=True,
        data=_csv,
        note="as a background job",
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/adopted",
        "GET",
        "/api/v1/regions/{gowa}/indicators/adopted?year=2025",
        api(view_gowa()),
        api=True,
        setup=_workgroup,
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/{indicator_code}/achievement",
        "GET",
        "/api/v1/regions/{gowa}/indicators/stunting/achievement?year=2024&source=ssgi",
        api(view_gowa()),
        api=True,
        setup=_records,
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/{indicator_code}/achievement",
        "GET",
        "/api/v1/regions/{makassar}/indicators/stunting/achievement?year=2024&source=ssgi",
        api(expect(200, gowa_operator=404, gowa_member=404, sultra_admin=404)),
        api=True,
        setup=_records,
    ),
    Row(
        "GET /api/v1/regions/{code}/indicators/{indicator_code}/ranking",
        "GET",
        "/api/v1/regions/{sulsel}/indicators/stunting/ranking?year=2024&source=ssgi",
        api(view_sulsel()),
        api=True,
        setup=_records,
    ),
]
