"""The issue's "done when": a provincial admin imports one indicator's values for all 24 Sulsel
kab/kota from a spreadsheet (through the UI) and sees the ranking and grades; values from two
sources for the same region and year stay apart (page and API)."""

import json
import re
from decimal import Decimal

import pytest

from audit.models import AuditEvent
from indicators.achievement import achievement
from indicators.models import Target, Value
from indicators.tests.helpers import SULSEL_KABKOTA, upload, xlsx_bytes
from regions.models import Region

pytestmark = pytest.mark.django_db


def _spreadsheet():
    """Stunting 2024 (SSGI) for the 24 kab/kota; targets for all but Palopo (73.73)."""
    rows = []
    for index, code in enumerate(SULSEL_KABKOTA):
        value = Decimal("15.0") + Decimal(index) / 2  # 15.0 … 26.5
        rows.append(
            [code, "stunting", 2024, "", "realisasi", str(value).replace(".", ","), "SSGI", ""]
        )
        if code != "73.73":
            rows.append([code, "stunting", 2024, "", "target", "18", "", "RPJMD"])
    return xlsx_bytes(rows)


def _ranking_rows(html):
    body = html.split('id="ranking"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'<tr data-region="([\d.]+)">(.*?)</tr>', body, re.S)


def test_provincial_admin_imports_24_kabkota_and_sees_ranking_and_grades(personas, page_import):
    client = personas.client("sulsel_admin")
    assert Region.objects.get(code="73").children.count() == 24

    response, job = page_import(
        client, "/r/73/indicators/import/", {"file": upload(_spreadsheet(), "stunting-2024.xlsx")}
    )

    assert response.status_code == 302 and job.state == "succeeded"
    assert job.done == job.total > 0 and job.messages[-1]["level"] == "info"
    page = client.get(response.url).content.decode()
    assert "47 baris diimpor" in page and 'href="/r/73/indicators/"' in page
    assert Value.objects.filter(indicator__code="stunting", year=2024, source="ssgi").count() == 24
    assert Target.objects.filter(indicator__code="stunting", year=2024).count() == 23
    assert AuditEvent.objects.filter(code="indicators.imported", region_code="73").count() == 1

    response = client.get("/r/73/indicators/stunting/ranking/?year=2024&source=ssgi")
    assert response.status_code == 200
    html = response.content.decode()
    rows = _ranking_rows(html)
    assert len(rows) == 24
    # Lower is better: the lowest prevalence (Selayar, 15.0 → 116.67%) ranks first.
    assert rows[0][0] == "73.01"
    assert ">1<" in rows[0][1] and "116,67%" in rows[0][1] and "Sangat Baik" in rows[0][1]
    # Palopo has no target: shown as missing, last, unranked.
    assert rows[-1][0] == "73.73"
    assert "116" not in rows[-1][1] and "belum ada data" in rows[-1][1]
    # Every grade is the formula's: Toraja Utara 25.0 vs 18 → 61.11% Kurang; Gowa 17.5 → 102.78%.
    toraja, gowa = dict(rows)["73.26"], dict(rows)["73.06"]
    assert str(achievement(Decimal("25.0"), Decimal("18"), "lower")) == "61.11"
    assert "61,11%" in toraja and "Kurang" in toraja
    assert "102,78%" in gowa and "Sangat Baik" in gowa
    # Baik and Cukup too: Wajo 21.0 → 83.33%, Luwu 23.0 → 72.22%.
    assert "83,33%" in dict(rows)["73.13"] and ">Baik</mark>" in dict(rows)["73.13"]
    assert "72,22%" in dict(rows)["73.17"] and ">Cukup</mark>" in dict(rows)["73.17"]
    # Grade summary and chart data
    assert 'id="grade-summary"' in html
    chart = json.loads(
        html.split('id="ranking-chart" type="application/json">', 1)[1].split("</script>", 1)[0]
    )
    assert len(chart["labels"]) == 24 and chart["values"][-1] is None


def test_ranking_against_the_province_target_is_explicit(personas, page_import):
    client = personas.client("sulsel_admin")
    page_import(client, "/r/73/indicators/import/", {"file": upload(_spreadsheet())})
    province = Region.objects.get(code="73")
    Target.objects.create(
        region=province,
        indicator_id=Target.objects.first().indicator_id,
        year=2024,
        value=Decimal("20"),
    )
    html = client.get(
        "/r/73/indicators/stunting/ranking/?year=2024&source=ssgi&against=province"
    ).content.decode()
    palopo = dict(_ranking_rows(html))["73.73"]
    # 26.5 against the province's 20 → (2 − 1.325) × 100 = 67.50
    assert "67,50%" in palopo


def _two_sources(personas):
    gowa = Region.objects.get(code="73.06")
    from indicators.models import Indicator

    stunting = Indicator.objects.get(code="stunting")
    Target.objects.create(region=gowa, indicator=stunting, year=2024, value=Decimal("20"))
    Value.objects.create(
        region=gowa, indicator=stunting, year=2024, source="ssgi", value=Decimal("23.4")
    )
    Value.objects.create(
        region=gowa, indicator=stunting, year=2024, source="eppgbm", value=Decimal("6.12")
    )


def test_two_sources_stay_apart_on_the_region_page(personas):
    _two_sources(personas)
    client = personas.client("gowa_member")
    html = client.get("/r/73.06/indicators/?year=2024").content.decode()
    ssgi = re.search(
        r'<tr data-indicator="stunting" data-source="ssgi">(.*?)</tr>', html, re.S
    ).group(1)
    eppgbm = re.search(
        r'<tr data-indicator="stunting" data-source="eppgbm">(.*?)</tr>', html, re.S
    ).group(1)
    assert "23,40" in ssgi and "83,00%" in ssgi and "Baik" in ssgi  # (2 − 23.4/20) × 100
    assert "6,12" in eppgbm and "169,40%" in eppgbm
    assert "6,12" not in ssgi and "23,40" not in eppgbm
    only = client.get("/r/73.06/indicators/?year=2024&source=eppgbm").content.decode()
    assert 'data-source="eppgbm"' in only and 'data-source="ssgi"' not in only
    # The trend keeps one series per source.
    trends = json.loads(
        html.split('id="indicator-trends" type="application/json">', 1)[1].split("</script>", 1)[0]
    )
    stunting = next(t for t in trends if t["code"] == "stunting")
    assert {s["source"]: s["values"] for s in stunting["series"]} == {
        "ssgi": [23.4],
        "eppgbm": [6.12],
    }


def test_two_sources_stay_apart_in_the_api(personas):
    _two_sources(personas)
    client = personas.api_client("gowa_member")
    ssgi = client.get(
        "/api/v1/regions/7306/indicators/stunting/achievement?year=2024&source=SSGI"
    ).json()
    eppgbm = client.get(
        "/api/v1/regions/7306/indicators/stunting/achievement?year=2024&source=e-PPGBM"
    ).json()
    assert (ssgi["value"], ssgi["achievement"], ssgi["grade"]) == ("23.4000", "83.00", "good")
    assert (eppgbm["value"], eppgbm["achievement"], eppgbm["grade"]) == (
        "6.1200",
        "169.40",
        "very_good",
    )
    values = client.get(
        "/api/v1/regions/73.06/indicators/values?indicator=stunting&year=2024"
    ).json()
    assert sorted((v["source"], v["value"]) for v in values["items"]) == [
        ("eppgbm", "6.1200"),
        ("ssgi", "23.4000"),
    ]
