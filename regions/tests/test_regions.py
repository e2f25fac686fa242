import pytest
from django.core.management import call_command

from regions.codes import normalize_code
from regions.models import Region
from regions.services import load_regions

# The office form of a region still at its first version, without the office's name and address.
OFFICE_V1 = {"office_phone": "", "office_email": "", "version": "1"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("73", "73"), ("73.71", "73.71"), ("7371", "73.71"), (" 7306 ", "73.06")],
)
def test_normalize_code_accepts_dotted_and_plain(raw, expected):
    assert normalize_code(raw) == expected


@pytest.mark.parametrize("raw", ["", "7", "737", "73.7", "73.71.01", "ab", "73-71"])
def test_normalize_code_refuses_other_shapes(raw):
    with pytest.raises(ValueError):
        normalize_code(raw)


def test_regions_hold_all_provinces_and_regencies(regions):
    assert Region.objects.filter(level="province").count() == 38
    assert Region.objects.filter(level="regency").count() == 514


def test_sulsel_has_its_24_regencies_with_official_names(regions):
    sulsel = Region.objects.get(code="73")
    children = list(sulsel.children.values_list("code", "name"))
    assert len(children) == 24
    assert ("73.71", "Kota Makassar") in children
    assert ("73.06", "Kabupaten Gowa") in children
    assert ("73.26", "Kabupaten Toraja Utara") in children
    assert sulsel.name == "Sulawesi Selatan"


def test_load_regions_is_idempotent(regions):
    result = load_regions()
    assert result == {"created": 0, "updated": 0, "total": 552}


def test_load_regions_restores_a_changed_name(regions):
    Region.objects.filter(code="73.06").update(name="Gowa (salah)")
    result = load_regions()
    assert result["updated"] == 1
    assert Region.objects.get(code="73.06").name == "Kabupaten Gowa"


def test_load_regions_command_reports_counts(regions, capsys):
    call_command("load_regions")
    assert "552 in total" in capsys.readouterr().out


def test_region_page_lists_children(personas):
    response = personas.client("sulsel_admin").get("/r/73/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Kota Makassar" in content and "Kabupaten Kepulauan Selayar" in content
    assert len(response.context["children"]) == 24


def test_region_page_accepts_plain_code(personas):
    response = personas.client("gowa_operator").get("/r/7306/")
    assert response.status_code == 200
    assert response.context["region"].code == "73.06"


def test_office_edit_is_audited_and_shown_on_audit_page(personas):
    client = personas.client("gowa_operator")
    office = {
        "office_name": "DP2KB Kabupaten Gowa",
        "office_address": "Jl. Masjid Raya, Sungguminasa",
    }
    response = client.post("/r/73.06/office/", OFFICE_V1 | office)
    assert response.status_code == 302
    region = Region.objects.get(code="73.06")
    assert region.office_name == "DP2KB Kabupaten Gowa"
    assert region.version == 2
    page = client.get("/r/73.06/audit/").content.decode()
    assert "DP2KB Kabupaten Gowa" in page
    assert "gowa_operator" in page
    # The province admin sees the kab/kota's change on the province audit page too.
    assert (
        "DP2KB Kabupaten Gowa"
        in personas.client("sulsel_admin").get("/r/73/audit/").content.decode()
    )


def test_office_edit_with_stale_version_is_refused(personas):
    first = personas.client("gowa_operator")
    second = personas.client("sulsel_admin")
    data = OFFICE_V1 | {"office_address": ""}
    assert first.post("/r/73.06/office/", {**data, "office_name": "Pertama"}).status_code == 302
    response = second.post("/r/73.06/office/", {**data, "office_name": "Kedua"})
    assert response.status_code == 200
    assert "Muat ulang" in response.content.decode() or "Reload" in response.content.decode()
    assert Region.objects.get(code="73.06").office_name == "Pertama"
