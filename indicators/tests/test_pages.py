import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from audit.models import AuditEvent
from indicators.models import Indicator, NationalTarget, Target, Value, WorkGroupIndicator
from indicators.tests.helpers import upload, xlsx_bytes
from indicators.tests.matrix import _indicator_form as INDICATOR_FORM
from regions.models import Region
from workgroups.models import WorkGroup

pytestmark = pytest.mark.django_db


def test_region_page_shows_missing_as_a_dash_never_zero(personas):
    html = personas.client("gowa_member").get("/r/73.06/indicators/?year=2025").content.decode()
    assert "Angka Kelahiran Total" in html
    row = html.split('data-indicator="tfr"', 1)[1].split("</tr>", 1)[0]
    assert "belum ada data" in row
    assert "0,00" not in row
    assert 'id="indicator-trends"' in html
    assert "<script>" not in html and "style=" not in html


def test_region_page_shows_target_achievement_and_national_target(personas):
    gowa = Region.objects.get(code="73.06")
    tfr = Indicator.objects.get(code="tfr")
    Target.objects.create(region=gowa, indicator=tfr, year=2022, value=Decimal("2.21"))
    Value.objects.create(region=gowa, indicator=tfr, year=2022, source="pk", value=Decimal("2.18"))
    html = personas.client("gowa_member").get("/r/73.06/indicators/?year=2022").content.decode()
    row = html.split('data-indicator="tfr" data-source="pk"', 1)[1].split("</tr>", 1)[0]
    assert "2,21" in row and "2,18" in row and "101,36%" in row and "Sangat Baik" in row
    assert row.count("2,21") == 2  # the region's target and the national 2022 target


def test_target_entry_edit_and_delete_through_the_pages(personas):
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/7306/indicators/stunting/targets/new/",
        {"year": "2025", "value": "18,5", "note": "RPJMD"},
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.region.code, target.value, target.created_by) == (
        "73.06",
        Decimal("18.5"),
        personas.gowa_operator,
    )
    response = client.post(
        "/r/7306/indicators/stunting/targets/new/", {"year": "2025", "value": "17"}
    )
    assert response.status_code == 200 and "sudah" in response.content.decode()
    response = client.post(
        f"/r/73.06/indicators/targets/{target.pk}/",
        {"year": "2030", "value": "17,25", "version": "1"},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.year, target.value, target.version) == (
        2025,
        Decimal("17.25"),
        2,
    )  # the year stays
    stale = client.post(
        f"/r/73.06/indicators/targets/{target.pk}/", {"value": "16", "version": "1"}
    )
    assert stale.status_code == 200
    target.refresh_from_db()
    assert target.value == Decimal("17.25")
    client.post(f"/r/73.06/indicators/targets/{target.pk}/delete/", {"version": "2"})
    assert not Target.objects.exists()
    actions = list(
        AuditEvent.objects.filter(model="indicators.Target").values_list("action", flat=True)
    )
    assert sorted(actions) == ["create", "delete", "update"]


def test_value_form_refuses_a_month_for_a_yearly_indicator(personas):
    client = personas.client("gowa_operator")
    response = client.post(
        "/r/73.06/indicators/tfr/values/new/",
        {"year": "2025", "period": "M03", "source": "pk", "value": "2,1"},
    )
    assert response.status_code == 200
    assert not Value.objects.exists()
    response = client.post(
        "/r/73.06/indicators/stunting/values/new/",
        {"year": "2025", "period": "M03", "source": "eppgbm", "value": "6,1"},
    )
    assert response.status_code == 302
    assert Value.objects.get().period == "M03"


def _gowa_stunting_2024(eppgbm_period=""):
    """Gowa's 2024 stunting: 23.4 from SSGI (yearly) and 6.1 from e-PPGBM."""
    gowa = Region.objects.get(code="73.06")
    stunting = Indicator.objects.get(code="stunting")
    Value.objects.create(
        region=gowa, indicator=stunting, year=2024, source="ssgi", value=Decimal("23.4")
    )
    Value.objects.create(
        region=gowa,
        indicator=stunting,
        year=2024,
        period=eppgbm_period,
        source="eppgbm",
        value=Decimal("6.1"),
    )


def test_detail_page_lists_every_source_and_period(personas):
    _gowa_stunting_2024(eppgbm_period="M08")
    html = personas.client("gowa_member").get("/r/73.06/indicators/stunting/").content.decode()
    assert "Agustus 2024" in html and "23,40" in html and "6,10" in html
    assert "/indicators/values/" not in html  # a member sees no edit or delete links


def test_ranking_is_only_for_provinces(personas):
    assert (
        personas.client("sulsel_admin").get("/r/73.06/indicators/stunting/ranking/").status_code
        == 404
    )


def test_import_page_lists_errors_and_saves_nothing(personas, page_import):
    content = xlsx_bytes([["73.06", "stunting", 2024, "", "realisasi", "banyak", "SSGI", ""]])
    client = personas.client("gowa_operator")
    response, job = page_import(client, "/r/73.06/indicators/import/", {"file": upload(content)})
    assert response.status_code == 302 and job.state == "failed"
    errors = [m for m in job.messages if m.get("row")]
    assert [(m["row"], m["column"]) for m in errors] == [(2, "F")]
    html = client.get(response.url).content.decode()
    assert "Baris 2, kolom F:" in html and "tidak ada yang disimpan" in html
    assert not Value.objects.exists()
    assert not job.input  # the uploaded file is deleted once the job has finished


def test_import_page_refuses_a_file_that_is_not_a_spreadsheet(personas):
    response = personas.client("gowa_operator").post(
        "/r/73.06/indicators/import/", {"file": upload(b"%PDF-1.4 not a sheet", "x.pdf")}
    )
    assert response.status_code == 200
    assert not Value.objects.exists()
    assert "Excel" in response.content.decode()


def test_template_has_a_row_per_kabkota_for_the_province(personas):
    response = personas.client("sulsel_admin").get(
        "/r/73/indicators/template.xlsx?indicator=stunting&year=2025&source=ssgi"
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content), read_only=True)["Data"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:8] == (
        "kode_wilayah",
        "kode_indikator",
        "tahun",
        "periode",
        "jenis",
        "nilai",
        "sumber",
        "catatan",
    )
    assert len(rows) == 1 + 25  # the province and its 24 kab/kota
    assert rows[1][:7] == ("73", "stunting", 2025, "2025", "realisasi", None, "SSGI")


def test_export_filters_by_source(personas):
    _gowa_stunting_2024()
    text = (
        personas.client("gowa_member")
        .get("/r/73.06/indicators/export.csv?source=eppgbm")
        .content.decode("utf-8-sig")
    )
    lines = text.strip().splitlines()
    assert len(lines) == 2
    assert lines[1].startswith("73.06,stunting,2024,2024,realisasi,6.1,e-PPGBM")


def test_pokja_adopts_indicators_with_its_targets(personas):
    WorkGroup.objects.create(region=Region.objects.get(code="73.06"), name="Pokja Gowa")
    tfr, stunting = Indicator.objects.get(code="tfr"), Indicator.objects.get(code="stunting")
    client = personas.client("gowa_operator")
    form = client.get("/r/73.06/indicators/adopted/edit/?year=2025").content.decode()
    assert f'name="adopt_{tfr.pk}"' in form
    response = client.post(
        "/r/73.06/indicators/adopted/edit/?year=2025",
        {
            f"adopt_{tfr.pk}": "on",
            f"target_{tfr.pk}": "2,15",
            f"adopt_{stunting.pk}": "on",
            f"target_{stunting.pk}": "",
            f"note_{stunting.pk}": "menunggu RPJMD",
        },
    )
    assert response.status_code == 302 and response["Location"].endswith("?year=2025")
    adoptions = {
        a.indicator.code: a for a in WorkGroupIndicator.objects.select_related("indicator")
    }
    assert adoptions["tfr"].target == Decimal("2.15") and adoptions["stunting"].target is None
    html = (
        personas.client("gowa_member")
        .get("/r/73.06/indicators/adopted/?year=2025")
        .content.decode()
    )
    assert "2,15" in html and "belum ada target" in html
    assert AuditEvent.objects.filter(model="indicators.WorkGroupIndicator").count() == 2


def test_adopted_page_without_a_pokja_says_so(personas):
    html = personas.client("gowa_operator").get("/r/73.06/indicators/adopted/").content.decode()
    assert "belum memiliki Pokja" in html


def test_national_admin_edits_the_catalogue_and_national_targets(personas):
    client = personas.client("national_admin")
    response = client.post(
        "/indicators/tfr/edit/",
        {
            **INDICATOR_FORM,
            "code": "other",
            "name": "Angka Kelahiran Total",
            "unit": "anak per perempuan",
            "direction": "lower",
            "order": "10",
            "version": "1",
        },
    )
    assert response.status_code == 302
    tfr = Indicator.objects.get(code="tfr")  # the code did not change
    assert (tfr.name, tfr.version) == ("Angka Kelahiran Total", 2)
    response = client.post(
        "/indicators/tfr/national-targets/new/", {"year": "2022", "value": "2,3", "source": "x"}
    )
    assert response.status_code == 200  # 2022 exists already
    assert NationalTarget.objects.get(indicator=tfr, year=2022).value == Decimal("2.21")
    response = client.post(
        "/indicators/new/",
        {
            "code": "import",
            "name": "x",
            "unit": "x",
            "direction": "higher",
            "decimals": "2",
            "periodicity": "yearly",
            "order": "1",
        },
    )
    assert response.status_code == 200 and not Indicator.objects.filter(code="import").exists()
    assert personas.client("sulsel_admin").get("/indicators/tfr/edit/").status_code == 403


def test_ranking_defaults_to_the_survey_source_on_a_tie(personas):
    stunting = Indicator.objects.get(code="stunting")
    for code in ("73.06", "73.71"):
        region = Region.objects.get(code=code)
        Value.objects.create(
            region=region, indicator=stunting, year=2024, source="eppgbm", value=Decimal("6")
        )
        Value.objects.create(
            region=region, indicator=stunting, year=2024, source="ssgi", value=Decimal("20")
        )
    response = personas.client("sulsel_viewer").get("/r/73/indicators/stunting/ranking/?year=2024")
    assert response.context["source"] == "ssgi"
    assert response.context["available"] == ["ssgi", "eppgbm"]
