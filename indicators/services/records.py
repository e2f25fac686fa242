"""Single targets and realisations, and the catalogue's national targets."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.concurrency import save_versioned, stored_version
from core.errors import ConflictError, DomainError
from indicators.models import NationalTarget, Target, Value
from indicators.services.checks import _domain_error, check_period, check_value


@transaction.atomic
def save_target(
    *, by, region, indicator, year, value, note="", target=None, expected_version=None
) -> Target:
    """Create the target of `region` for `indicator` and `year`, or change an existing one
    (`target` with `expected_version`). The year of an existing target does not change."""
    try:
        check_value(indicator, value)
    except ValueError as exc:
        raise _domain_error(exc, "value") from None
    if target is None:
        if Target.objects.filter(region=region, indicator=indicator, year=year).exists():
            raise ConflictError(
                _("%(region)s already has a target for %(indicator)s in %(year)d. Change that one.")
                % {"region": region.name, "indicator": indicator.code, "year": year}
            )
        return Target.objects.create(
            region=region,
            indicator=indicator,
            year=year,
            value=value,
            note=note,
            created_by=by,
            updated_by=by,
        )
    target.value, target.note, target.updated_by = value, note, by
    target.is_demo = False
    return save_versioned(target, expected_version=expected_version)


@transaction.atomic
def save_value(
    *,
    by,
    region,
    indicator,
    year,
    period="",
    source,
    value,
    note="",
    instance=None,
    expected_version=None,
) -> Value:
    """Create a realisation of `region` for `indicator`, period and data source, or change an
    existing one (`instance` with `expected_version`; its year, period and source stay)."""
    try:
        check_value(indicator, value)
        if instance is None:
            check_period(indicator, period)
    except ValueError as exc:
        raise _domain_error(exc, "value") from None
    if instance is None:
        key = {
            "region": region,
            "indicator": indicator,
            "year": year,
            "period": period,
            "source": source,
        }
        if Value.objects.filter(**key).exists():
            raise ConflictError(
                _(
                    "%(region)s already has a %(source)s value for %(indicator)s in this period. "
                    "Change that one."
                )
                % {"region": region.name, "source": source, "indicator": indicator.code}
            )
        return Value.objects.create(**key, value=value, note=note, created_by=by, updated_by=by)
    instance.value, instance.note, instance.updated_by = value, note, by
    instance.is_demo = False
    return save_versioned(instance, expected_version=expected_version)


@transaction.atomic
def delete_record(*, by, instance, expected_version=None) -> None:
    """Delete a target, realisation or national target. With `expected_version`, refuse when
    someone changed it in between."""
    current = stored_version(instance)
    if current is None:
        return
    if expected_version is not None and int(expected_version) != current:
        raise ConflictError(
            _("This record was changed by someone else. Reload the page and try again.")
        )
    instance.delete()


@transaction.atomic
def save_national_target(
    *, by, indicator, year, value, source, is_uncertain=False, expected_version=None
) -> tuple[NationalTarget, bool]:
    """Create or change the national target of `indicator` for `year`. Changing an existing one
    needs its version. Returns (target, created)."""
    try:
        check_value(indicator, value)
    except ValueError as exc:
        raise _domain_error(exc, "value") from None
    if not (source or "").strip():
        raise DomainError(
            _("Name the source of the national target."),
            errors=[{"field": "source", "message": _("This field is required.")}],
        )
    existing = NationalTarget.objects.filter(indicator=indicator, year=year).first()
    if existing is None:
        return (
            NationalTarget.objects.create(
                indicator=indicator,
                year=year,
                value=value,
                source=source,
                is_uncertain=is_uncertain,
            ),
            True,
        )
    existing.value, existing.source, existing.is_uncertain = value, source, is_uncertain
    return save_versioned(existing, expected_version=expected_version), False
