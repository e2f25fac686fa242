"""Schemas of the indicators API (what goes in and comes out)."""

from datetime import datetime
from decimal import Decimal

from ninja import Schema

from indicators.models import Indicator


class Error(Schema):
    detail: str
    errors: list[dict] = []


class NationalTargetOut(Schema):
    year: int
    value: Decimal
    source: str
    is_uncertain: bool
    version: int


class IndicatorOut(Schema):
    code: str
    name: str
    definition: str
    unit: str
    direction: str
    decimals: int
    usual_source: str
    periodicity: str
    reference: str
    max_value: Decimal | None
    is_active: bool
    order: int
    version: int
    national_targets: list[NationalTargetOut]

    @staticmethod
    def resolve_national_targets(obj):
        return sorted(obj.national_targets.all(), key=lambda t: t.year)


class IndicatorFields(Schema):
    name: str
    definition: str = ""
    unit: str
    direction: Indicator.Direction
    decimals: int = 2
    usual_source: str = ""
    periodicity: Indicator.Periodicity = Indicator.Periodicity.YEARLY
    reference: str = ""
    max_value: Decimal | None = None
    is_active: bool = True
    order: int = 0


class IndicatorIn(IndicatorFields):
    code: str


class IndicatorUpdate(IndicatorFields):
    version: int


class NationalTargetIn(Schema):
    value: Decimal
    source: str
    is_uncertain: bool = False
    version: int | None = None


class TargetOut(Schema):
    id: int
    region: str
    indicator: str
    year: int
    value: Decimal
    note: str
    is_demo: bool
    version: int
    updated_at: datetime

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_indicator(obj):
        return obj.indicator.code


class TargetIn(Schema):
    indicator: str
    year: int
    value: Decimal
    note: str = ""


class RecordUpdate(Schema):
    value: Decimal
    note: str = ""
    version: int


class ValueOut(TargetOut):
    period: str
    period_label: str
    source: str
    source_label: str

    @staticmethod
    def resolve_source_label(obj):
        return str(obj.get_source_display())


class ValueIn(Schema):
    indicator: str
    year: int
    period: str = ""
    source: str
    value: Decimal
    note: str = ""


class RecordFilter(Schema):
    indicator: str | None = None
    year: int | None = None
    children: bool = False


class ValueFilter(RecordFilter):
    source: str | None = None
    period: str | None = None


class AchievementOut(Schema):
    region: str
    indicator: str
    year: int
    source: str
    source_label: str
    direction: str
    target: Decimal | None  # the region's target (target daerah), the reference of capaian
    value: Decimal | None
    achievement: Decimal | None
    grade: str | None
    grade_label: str | None


class RankingOut(Schema):
    rank: int | None
    region: str
    region_name: str
    target: Decimal | None
    value: Decimal | None
    achievement: Decimal | None
    grade: str | None
    source: str  # every row's realisation is from this one source
    source_label: str


class AdoptionOut(Schema):
    indicator: str
    year: int
    target: Decimal | None
    note: str
    version: int


class AdoptedOut(Schema):
    workgroup: int | None
    year: int
    indicators: list[AdoptionOut]


class ImportOut(Schema):
    rows: int
    targets_created: int
    targets_updated: int
    values_created: int
    values_updated: int
    unchanged: int
    summary: str
