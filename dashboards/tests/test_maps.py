import csv
import json
import re
from pathlib import Path

import pytest

from audit.models import AuditEvent
from dashboards import maps
from dashboards.models import BoundaryMap, BoundaryShape
from dashboards.tests.helpers import YEAR, square_geojson, upload
from regions.models import Region

REGENCIES = Path(__file__).resolve().parents[2] / "regions" / "data" / "regencies.csv"


def _kab_kota(province_code):
    with REGENCIES.open(newline="", encoding="utf-8") as handle:
        return {
            row["code"] for row in csv.DictReader(handle) if row["province_code"] == province_code
        }


@pytest.mark.parametrize("path", sorted(maps.LAYOUT_DIR.glob("*.json")), ids=lambda p: p.name)
def test_every_layout_file_places_exactly_its_provinces_kab_kota_once(path):
    data = json.loads(path.read_text())
    positions = [tuple(position) for position in data.values()]

    assert set(data) == _kab_kota(path.stem)
    assert len(positions) == len(set(positions)), "two kab/kota on the same tile"
    assert all(len(p) == 2 and min(p) >= 0 for p in positions)


def test_sulsel_layout_has_24_tiles():
    assert len(maps.layout_file("73")) == 24


def test_provinces_without_a_layout_get_rows_of_six_in_code_order():
    codes = [f"74.{n:02d}" for n in range(1, 10)]
    placed = maps.layout("74", codes)
    assert placed["74.01"] == (0, 0)
    assert placed["74.06"] == (0, 5)
    assert placed["74.07"] == (1, 0)


def test_short_labels():
    assert maps.short_name("Kabupaten Gowa") == "Gowa"
    assert maps.short_name("Kota Makassar") == "Makassar"
    assert maps.label_lines("Pangkajene dan Kepulauan") == ["Pangkajene", "dan", "Kepulauan"]


def test_tile_map_of_a_province_without_layout_file(personas):
    response = personas.client("sultra_admin").get(f"/r/74/dashboard/?year={YEAR}")
    html = response.content.decode()
    n = Region.objects.filter(parent__code="74").count()
    assert html.count('class="area status-no_workgroup"') == n


# --- GeoJSON upload ----------------------------------------------------------------------------


def _post(personas, data, who="sulsel_admin", name="kabkota.geojson"):
    return personas.client(who).post("/r/73/dashboard/map/", {"upload": upload(data, name)})


def test_valid_geojson_is_stored_and_drawn_instead_of_the_tiles(personas):
    response = _post(personas, square_geojson(compact=True))  # codes as "7306"

    assert response.status_code == 302
    stored = BoundaryMap.objects.get(province__code="73")
    assert stored.feature_count == 24 and stored.uploaded_by == personas.sulsel_admin
    assert BoundaryShape.objects.filter(boundary_map=stored).count() == 24
    assert AuditEvent.objects.filter(model="dashboards.BoundaryMap", region_code="73").exists()

    html = personas.client("sulsel_viewer").get(f"/r/73/dashboard/?year={YEAR}").content.decode()
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'class="region-map boundaries"' in svg
    assert svg.count('<path d="M') == 24
    assert "<rect" not in svg
    assert re.search(r'data-region="73.06" data-status="no_workgroup">\s*<title>', svg)
    view_box = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg)
    assert max(int(view_box.group(1)), int(view_box.group(2))) == 1000


@pytest.mark.parametrize("key", ["kode", "kode_kab", "kemendagri"])
def test_other_code_property_names_are_accepted(personas, key):
    assert _post(personas, square_geojson(key=key)).status_code == 302
    assert BoundaryMap.objects.filter(province__code="73").exists()


def _rejected(response, *fragments):
    assert response.status_code == 200
    html = response.content.decode()
    for fragment in fragments:
        assert fragment in html, fragment
    assert not BoundaryMap.objects.exists()
    assert not BoundaryShape.objects.exists()
    return html


def test_geojson_with_missing_unknown_foreign_and_duplicate_codes_is_rejected(personas):
    data = square_geojson()
    codes = [f["properties"]["code"] for f in data["features"]]
    data["features"] = [
        f for f in data["features"] if f["properties"]["code"] not in ("73.01", "73.02")
    ]
    extra = square_geojson(codes=["73.06", "73.99", "74.01"])["features"]
    data["features"].extend(extra)
    assert "73.01" in codes

    _rejected(
        _post(personas, data),
        "tidak cocok dengan kab/kota Provinsi Sulawesi Selatan",
        "Kab/kota yang tidak ada: 73.01, 73.02.",
        "Kode tidak dikenal, bukan kab/kota provinsi ini: 73.99.",
        "Kode milik provinsi lain: 74.01.",
        "Kode yang muncul lebih dari sekali: 73.06.",
    )


def test_geojson_of_another_province_is_rejected(personas):
    _rejected(_post(personas, square_geojson("74")), "Kode milik provinsi lain: 74.01")


def test_not_json_is_rejected(personas):
    _rejected(_post(personas, b"\x89PNG\r\n\x1a\n not json"), "tidak dapat dibaca sebagai JSON")


def test_wrong_type_is_rejected(personas):
    feature = square_geojson()["features"][0]
    _rejected(_post(personas, feature), "bukan GeoJSON FeatureCollection")


def test_point_geometry_and_text_coordinates_are_rejected(personas):
    data = square_geojson()
    data["features"][0]["geometry"] = {"type": "Point", "coordinates": [119.4, -5.1]}
    ring = data["features"][1]["geometry"]["coordinates"][0]
    ring[1] = ["119.5", "-5.1"]
    _rejected(_post(personas, data), "bukan Polygon atau MultiPolygon")


def test_feature_without_code_is_rejected(personas):
    data = square_geojson()
    data["features"][0]["properties"] = {"nama": "Selayar"}
    _rejected(_post(personas, data), "tidak memiliki kode Kemendagri")


def test_too_large_file_is_rejected(personas, settings):
    settings.SIPOKJA_UPLOAD_MAX_MB = 0
    _rejected(_post(personas, square_geojson()), "batasnya 0 MB")


def test_removing_the_map_goes_back_to_the_tile_grid(personas):
    _post(personas, square_geojson())
    response = personas.client("sulsel_admin").post("/r/73/dashboard/map/remove/")
    assert response.status_code == 302
    assert not BoundaryMap.objects.exists() and not BoundaryShape.objects.exists()
    html = personas.client("sulsel_admin").get(f"/r/73/dashboard/?year={YEAR}").content.decode()
    assert html.count("<rect") == 24


def test_replacing_the_map_bumps_its_version(personas):
    _post(personas, square_geojson())
    _post(personas, square_geojson(key="kode"))
    stored = BoundaryMap.objects.get()
    assert stored.version == 2
    assert BoundaryShape.objects.count() == 24


def test_only_the_provincial_admin_sees_the_manage_link(personas):
    url = f"/r/73/dashboard/?year={YEAR}"
    assert "/r/73/dashboard/map/" in personas.client("sulsel_admin").get(url).content.decode()
    assert "/r/73/dashboard/map/" not in personas.client("sulsel_viewer").get(url).content.decode()


def test_a_rejected_replacement_keeps_the_map_in_use(personas):
    _post(personas, square_geojson())
    response = _post(personas, square_geojson(codes=["73.06"]))
    assert "Kab/kota yang tidak ada" in response.content.decode()
    stored = BoundaryMap.objects.get()
    assert stored.version == 1 and BoundaryShape.objects.count() == 24
