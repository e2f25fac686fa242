"""Indicator API: the national catalogue (national admins write), a region's targets and
realisations (read with `region.view`, write with `indicator.edit`, in scope), achievement,
ranking, adopted indicators and spreadsheet import.

Numbers are decimals and travel as JSON strings (`"2.18"`) so that no precision is lost; they are
accepted as strings or numbers. Realisations of different data sources are never combined.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status, UploadedFile
from ninja.pagination import paginate

from accounts.access import NATIONAL, get_region, require
from accounts.permissions import Permission
from core.concurrency import save_versioned
from core.errors import DomainError
from indicators import import_jobs, selectors
from indicators.api_schemas import (
    AchievementOut,
    AdoptedOut,
    Error,
    ImportOut,
    IndicatorIn,
    IndicatorOut,
    IndicatorUpdate,
    NationalTargetIn,
    NationalTargetOut,
    RankingOut,
    RecordFilter,
    RecordUpdate,
    TargetIn,
    TargetOut,
    ValueFilter,
    ValueIn,
    ValueOut,
)
from indicators.models import (
    RESERVED_CODES,
    VALUE_DECIMALS,
    YEAR_MAX,
    YEAR_MIN,
    DataSource,
    Indicator,
    NationalTarget,
    Target,
    Value,
    WorkGroupIndicator,
)
from indicators.parsing import parse_number, parse_period, parse_source
from indicators.services import (
    delete_record,
    import_file,
    save_national_target,
    save_target,
    save_value,
)
from jobs.api import JobOut, accepted
from jobs.imports import background_bytes

router = Router(tags=["indicators"])


# ---------------------------------------------------------------------------------------------
# Helpers


def _bad(field_name, message):
    return DomainError(message, errors=[{"field": field_name, "message": str(message)}])


def _number(value: Decimal, field_name="value") -> Decimal:
    try:
        return parse_number(value)
    except ValueError as exc:
        raise _bad(field_name, str(exc)) from None


def _year(year: int) -> int:
    if not YEAR_MIN <= year <= YEAR_MAX:
        raise _bad(
            "year",
            _("The year must be between %(min)d and %(max)d.") % {"min": YEAR_MIN, "max": YEAR_MAX},
        )
    return year


def _source(raw: str) -> str:
    try:
        return parse_source(raw)
    except ValueError as exc:
        raise _bad("source", str(exc)) from None


def _period(raw: str, year: int) -> str:
    text = (raw or "").strip().upper()
    if text in Value.Period.values:
        return text
    try:
        return parse_period(text, year)[1]
    except ValueError as exc:
        raise _bad("period", str(exc)) from None


def _indicator(code: str, *, active_only=False) -> Indicator:
    qs = Indicator.objects.filter(is_active=True) if active_only else Indicator.objects.all()
    indicator = qs.filter(code=(code or "").strip().lower()).first()
    if indicator is None:
        raise _bad("indicator", _("Unknown indicator code %(code)s.") % {"code": code})
    return indicator


def _regions(region, children: bool):
    if children and region.is_province:
        return Q(region=region) | Q(region__parent=region)
    return Q(region=region)


def _editable(request, code, model, pk):
    """The region (the user needs INDICATOR_EDIT there) and its target or realisation `pk`."""
    region = get_region(request.user, code, Permission.INDICATOR_EDIT)
    record = get_object_or_404(
        model.objects.select_related("region", "indicator"), pk=pk, region=region
    )
    return region, record


def _records(request, code, model, filters):
    """The region's targets or realisations (`children`: and its kab/kota's), filtered by
    `indicator` and `year`."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    qs = model.objects.filter(_regions(region, filters.children)).select_related(
        "region", "indicator"
    )
    if filters.indicator:
        qs = qs.filter(indicator__code=filters.indicator)
    if filters.year:
        qs = qs.filter(year=filters.year)
    return qs


def _update(request, code, model, pk, payload, save_fn, fixed, instance_arg):
    """Change the value and note of a target or realisation; the `fixed` fields stay."""
    region, record = _editable(request, code, model, pk)
    return save_fn(
        by=request.user,
        region=region,
        indicator=record.indicator,
        value=_number(payload.value),
        note=payload.note[:500],
        expected_version=payload.version,
        **{name: getattr(record, name) for name in fixed},
        **{instance_arg: record},
    )


def _delete(request, code, model, pk, version):
    _, record = _editable(request, code, model, pk)
    delete_record(by=request.user, instance=record, expected_version=version)
    return Status(204, None)


def _check_indicator_fields(payload):
    if payload.decimals < 0 or payload.decimals > VALUE_DECIMALS:
        raise _bad(
            "decimals", _("Decimals must be between 0 and %(max)d.") % {"max": VALUE_DECIMALS}
        )
    if payload.max_value is not None:
        _number(payload.max_value, "max_value")


# ---------------------------------------------------------------------------------------------
# Catalogue


@router.get("/indicators", response=list[IndicatorOut])
def list_indicators(request, active: bool | None = None):
    """The national indicator catalogue with national targets; `active=true` for those in use."""
    qs = Indicator.objects.prefetch_related("national_targets")
    if active is not None:
        qs = qs.filter(is_active=active)
    return list(qs)


@router.post("/indicators", response={201: IndicatorOut, 400: Error, 403: Error})
def create_indicator(request, payload: IndicatorIn):
    """Add an indicator to the catalogue (national admins)."""
    require(request.user, Permission.CATALOGUE_MANAGE, NATIONAL)
    _check_indicator_fields(payload)
    code = payload.code.strip().lower()
    data = payload.dict(exclude={"code"})
    indicator = Indicator(code=code, **data)
    if code in RESERVED_CODES:
        raise _bad("code", _("This code is reserved; choose another."))
    try:
        indicator.full_clean()
    except ValidationError as exc:
        raise DomainError(
            " ".join(exc.messages),
            errors=[{"field": k, "message": " ".join(v)} for k, v in exc.message_dict.items()],
        ) from None
    indicator.save()
    return Status(201, indicator)


@router.get("/indicators/{indicator_code}", response=IndicatorOut)
def get_indicator(request, indicator_code: str):
    """One indicator of the catalogue, with its national targets."""
    return get_object_or_404(
        Indicator.objects.prefetch_related("national_targets"), code=indicator_code
    )


@router.put(
    "/indicators/{indicator_code}", response={200: IndicatorOut, 400: Error, 403: Error, 409: Error}
)
def update_indicator(request, indicator_code: str, payload: IndicatorUpdate):
    """Change an indicator (national admins). The code does not change; send the `version`
    you read (409 when someone saved in between)."""
    require(request.user, Permission.CATALOGUE_MANAGE, NATIONAL)
    indicator = get_object_or_404(Indicator, code=indicator_code)
    _check_indicator_fields(payload)
    for name, value in payload.dict(exclude={"version"}).items():
        setattr(indicator, name, value)
    try:
        indicator.full_clean()
    except ValidationError as exc:
        raise DomainError(" ".join(exc.messages)) from None
    save_versioned(indicator, expected_version=payload.version)
    return Indicator.objects.prefetch_related("national_targets").get(pk=indicator.pk)


@router.put(
    "/indicators/{indicator_code}/national-targets/{year}",
    response={200: NationalTargetOut, 201: NationalTargetOut, 400: Error, 403: Error, 409: Error},
)
def put_national_target(request, indicator_code: str, year: int, payload: NationalTargetIn):
    """Create or change the national target of a year (national admins). Changing an existing
    one needs its `version`."""
    require(request.user, Permission.CATALOGUE_MANAGE, NATIONAL)
    indicator = get_object_or_404(Indicator, code=indicator_code)
    target, created = save_national_target(
        by=request.user,
        indicator=indicator,
        year=_year(year),
        value=_number(payload.value),
        source=payload.source,
        is_uncertain=payload.is_uncertain,
        expected_version=payload.version,
    )
    return Status(201 if created else 200, target)


@router.delete(
    "/indicators/{indicator_code}/national-targets/{year}",
    response={204: None, 403: Error, 409: Error},
)
def delete_national_target(request, indicator_code: str, year: int, version: int | None = None):
    """Delete the national target of a year (national admins)."""
    require(request.user, Permission.CATALOGUE_MANAGE, NATIONAL)
    target = get_object_or_404(NationalTarget, indicator__code=indicator_code, year=year)
    delete_record(by=request.user, instance=target, expected_version=version)
    return Status(204, None)


# ---------------------------------------------------------------------------------------------
# Targets


@router.get("/regions/{code}/indicators/targets", response=list[TargetOut])
@paginate
def list_targets(request, code: str, filters: Query[RecordFilter]):
    """Targets of the region (`children=true`: and of its kab/kota), filtered by `indicator`
    and `year`."""
    qs = _records(request, code, Target, filters)
    return qs.order_by("region__code", "indicator__order", "year", "pk")


@router.post(
    "/regions/{code}/indicators/targets", response={201: TargetOut, 400: Error, 409: Error}
)
def create_target(request, code: str, payload: TargetIn):
    """Set the region's target for an indicator and year (409 when one exists: change it with PUT)."""
    region = get_region(request.user, code, Permission.INDICATOR_EDIT)
    target = save_target(
        by=request.user,
        region=region,
        indicator=_indicator(payload.indicator, active_only=True),
        year=_year(payload.year),
        value=_number(payload.value),
        note=payload.note[:500],
    )
    return Status(201, target)


@router.put(
    "/regions/{code}/indicators/targets/{target_id}",
    response={200: TargetOut, 400: Error, 409: Error},
)
def update_target(request, code: str, target_id: int, payload: RecordUpdate):
    """Change a target's value and note; send the `version` you read."""
    return _update(request, code, Target, target_id, payload, save_target, ("year",), "target")


@router.delete("/regions/{code}/indicators/targets/{target_id}", response={204: None, 409: Error})
def delete_target(request, code: str, target_id: int, version: int | None = None):
    """Delete a target (with `version`, refused when it changed since you read it)."""
    return _delete(request, code, Target, target_id, version)


# ---------------------------------------------------------------------------------------------
# Realisations


@router.get("/regions/{code}/indicators/values", response=list[ValueOut])
@paginate
def list_values(request, code: str, filters: Query[ValueFilter]):
    """Realisations of the region (`children=true`: and of its kab/kota), filtered by
    `indicator`, `year`, `source` and `period` (`""` = yearly, `M03`, `Q1`). Each has its data
    source; sources are never combined."""
    qs = _records(request, code, Value, filters)
    if filters.source:
        qs = qs.filter(source=_source(filters.source))
    if filters.period is not None:
        qs = qs.filter(period=filters.period.strip().upper())
    return qs.order_by("region__code", "indicator__order", "year", "period", "source", "pk")


@router.post("/regions/{code}/indicators/values", response={201: ValueOut, 400: Error, 409: Error})
def create_value(request, code: str, payload: ValueIn):
    """Record a realisation for a period (`""` or the year, `M03` or `2025-03`, `Q1` or
    `2025-Q1`) and data source (409 when one exists: change it with PUT)."""
    region = get_region(request.user, code, Permission.INDICATOR_EDIT)
    year = _year(payload.year)
    value = save_value(
        by=request.user,
        region=region,
        indicator=_indicator(payload.indicator, active_only=True),
        year=year,
        period=_period(payload.period, year),
        source=_source(payload.source),
        value=_number(payload.value),
        note=payload.note[:500],
    )
    return Status(201, value)


@router.put(
    "/regions/{code}/indicators/values/{value_id}", response={200: ValueOut, 400: Error, 409: Error}
)
def update_value(request, code: str, value_id: int, payload: RecordUpdate):
    """Change a realisation's value and note; send the `version` you read."""
    fixed = ("year", "period", "source")
    return _update(request, code, Value, value_id, payload, save_value, fixed, "instance")


@router.delete("/regions/{code}/indicators/values/{value_id}", response={204: None, 409: Error})
def delete_value(request, code: str, value_id: int, version: int | None = None):
    """Delete a realisation (with `version`, refused when it changed since you read it)."""
    return _delete(request, code, Value, value_id, version)


@router.post(
    "/regions/{code}/indicators/import",
    response={200: ImportOut, 202: JobOut, 400: Error},
)
def import_spreadsheet(
    request, code: str, file: File[UploadedFile], response: HttpResponse, background: bool = False
):
    """Import a workbook (.xlsx, .xls, .ods) or CSV file in the template format for the region (and its kab/kota).
    All or nothing: on any error, 400 with `errors` by row and column, and nothing is saved.

    With `background=1`, and always for a file larger than `SIPOKJA_IMPORT_BACKGROUND_KB`
    (256 KB unless configured), the file is checked and imported by a job: 202 with the job and
    `Location: /api/v1/jobs/{id}`; follow it there until `state` is `succeeded` (its `messages`
    hold the summary) or `failed` (its `messages` hold the errors by row and column)."""
    region = get_region(request.user, code, Permission.INDICATOR_EDIT)
    uploaded = import_jobs.checked_upload(file)
    if background or (uploaded.size or 0) > background_bytes():
        return accepted(
            import_jobs.start(by=request.user, region=region, uploaded=uploaded), response
        )
    result = import_file(
        by=request.user, fileobj=uploaded, filename=uploaded.name or "", scope_region=region
    )
    return {
        **{k: getattr(result, k) for k in ImportOut.model_fields if k != "summary"},
        "summary": result.summary(),
    }


# ---------------------------------------------------------------------------------------------
# Achievement, ranking, adoptions


@router.get("/regions/{code}/indicators/adopted", response=AdoptedOut)
def adopted(request, code: str, year: int):
    """The indicators the region's active Pokja adopted for `year`, with the Pokja's targets."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    workgroup = selectors.active_workgroup(region)
    items = []
    if workgroup is not None:
        items = [
            {
                "indicator": a.indicator.code,
                "year": a.year,
                "target": a.target,
                "note": a.note,
                "version": a.version,
            }
            for a in WorkGroupIndicator.objects.filter(workgroup=workgroup, year=year)
            .select_related("indicator")
            .order_by("indicator__order")
        ]
    return {"workgroup": workgroup.pk if workgroup else None, "year": year, "indicators": items}


@router.get(
    "/regions/{code}/indicators/{indicator_code}/achievement",
    response={200: AchievementOut, 400: Error},
)
def achievement(request, code: str, indicator_code: str, year: int, source: str):
    """Target, yearly realisation from `source`, achievement (capaian, %) and grade of the region.
    Missing target or realisation → `null` achievement and grade (never zero)."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    indicator = get_object_or_404(Indicator, code=indicator_code)
    source = _source(source)
    result = selectors.region_achievement(region, indicator, year=year, source=source)
    return {
        "region": region.code,
        "indicator": indicator.code,
        "year": year,
        "source": source,
        "source_label": str(DataSource(source).label),
        "direction": indicator.direction,
        **result,
    }


@router.get(
    "/regions/{code}/indicators/{indicator_code}/ranking",
    response={200: list[RankingOut], 400: Error},
)
def ranking(
    request,
    code: str,
    indicator_code: str,
    year: int,
    source: str,
    against: str = selectors.AGAINST_OWN,
):
    """A province's kab/kota ranked by achievement for one indicator, year and data source
    (missing last, `rank` null). `against`: `own` targets, the `province` target or `national`."""
    region = get_region(request.user, code, Permission.REGION_VIEW)
    if not region.is_province:
        raise Http404("Rankings are for provinces")
    indicator = get_object_or_404(Indicator, code=indicator_code)
    if against not in (
        selectors.AGAINST_OWN,
        selectors.AGAINST_PROVINCE,
        selectors.AGAINST_NATIONAL,
    ):
        raise _bad("against", _("Use own, province or national."))
    source = _source(source)
    lines = selectors.ranking(region, indicator, year=year, source=source, against=against)
    label = str(DataSource(source).label)
    return [
        {
            "rank": line.rank,
            "region": line.region.code,
            "region_name": line.region.name,
            "target": line.target,
            "value": line.value,
            "achievement": line.achievement,
            "grade": line.grade.value if line.grade else None,
            "source": source,
            "source_label": label,
        }
        for line in lines
    ]
