"""Building dashboard test data: Pokjas (assessment/tests/factories.py), a previous year's
evidence, indicator values, meetings and action items, and a generated boundary GeoJSON."""

import datetime
import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from assessment.tests.factories import make_pokja
from budget.models import BudgetAllocation
from dashboards.maps import layout
from indicators.models import Indicator, Target, Value, WorkGroupIndicator
from meetings.models import ActionItem, Meeting
from planning.models import Activity, WorkPlan
from regions.models import Region

YEAR = 2025


def add_year(workgroup, year):
    """Give an existing Pokja an approved plan, an indicator and a budget for `year`."""
    plan = WorkPlan.objects.create(
        workgroup=workgroup, year=year, status="approved", approved_on=datetime.date(year, 2, 1),
        approver_name="Sekretaris Daerah",
    )  # fmt: skip
    Activity.objects.create(plan=plan, title="Kegiatan", start_month=2, end_month=11)
    WorkGroupIndicator.objects.create(
        workgroup=workgroup, indicator=Indicator.objects.order_by("order").first(), year=year,
        target=10,
    )  # fmt: skip
    BudgetAllocation.objects.create(
        workgroup=workgroup, year=year, source="apbd_regency", amount=7_000_000
    )


def known_setup():
    """2025 vs 2024 in Sulsel (see test_province for the expected tiles)."""
    make_pokja("73.06", YEAR)  # effective in 2025 only
    make_pokja("73.71", YEAR, budget=None)  # 2025: no budget
    add_year(make_pokja("73.08", YEAR), YEAR - 1)  # effective in both years
    make_pokja("73.09", YEAR - 1)  # effective in 2024 only
    make_pokja("73.10", YEAR - 1)  # effective in 2024 only
    make_pokja("73.16", YEAR, budget=None, indicators=0)  # 2025: SK and plan


def indicator_data(codes, year=YEAR, indicator=None):
    """A target and a PK realisation for each kab/kota code (achievement 80 + index)."""
    indicator = indicator or Indicator.objects.get(code="mcpr")
    for index, code in enumerate(codes):
        region = Region.objects.get(code=code)
        Target.objects.create(region=region, indicator=indicator, year=year, value=50)
        Value.objects.create(
            region=region, indicator=indicator, year=year, period="", source="pk",
            value=40 + index,
        )  # fmt: skip
    return indicator


def meeting(code, *, days=5, title="Forum Komunikasi Pokja"):
    start = timezone.now() + datetime.timedelta(days=days)
    return Meeting.objects.create(
        region=Region.objects.get(code=code), title=title, starts_at=start,
        ends_at=start + datetime.timedelta(hours=3), venue="Aula",
    )  # fmt: skip


def action_item(code, *, set_by="73", days=-3, title="Anggarkan operasional Pokja"):
    return ActionItem.objects.create(
        region=Region.objects.get(code=set_by), assigned_region=Region.objects.get(code=code),
        title=title, due_date=timezone.localdate() + datetime.timedelta(days=days),
    )  # fmt: skip


def square_geojson(province_code="73", codes=None, *, key="code", compact=False):
    """One square polygon per kab/kota, placed by the tile layout (about 0.5° each)."""
    if codes is None:
        codes = list(
            Region.objects.filter(parent__code=province_code).values_list("code", flat=True)
        )
    positions = layout(province_code, [c for c in codes if c.startswith(province_code + ".")])
    features = []
    for index, code in enumerate(codes):
        row, col = positions.get(code, (index // 6, index % 6))
        lon, lat = 119.0 + col * 0.5, -2.0 - row * 0.5
        ring = [
            [lon, lat],
            [lon + 0.45, lat],
            [lon + 0.45, lat - 0.45],
            [lon, lat - 0.45],
            [lon, lat],
        ]
        value = code.replace(".", "") if compact else code
        features.append(
            {
                "type": "Feature",
                "properties": {key: value, "nama": code},
                "geometry": {"type": "Polygon", "coordinates": [ring]},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def upload(data, name="kabkota.geojson"):
    content = data if isinstance(data, bytes) else json.dumps(data).encode()
    return SimpleUploadedFile(name, content, content_type="application/geo+json")
