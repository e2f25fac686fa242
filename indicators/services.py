"""Writes to indicator data: single targets and realisations, spreadsheet imports (all or
nothing), the indicators a Pokja adopts, and the catalogue's national targets.

Every function is keyword-only, takes the acting user as `by` and runs in one transaction.
Single-record writes are audited by the model signals (apps.py); an import writes one audit
record that summarises it.
"""

import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.access import has_permission
from accounts.permissions import Permission
from audit.registry import record
from core.concurrency import save_versioned
from core.errors import ConflictError, DomainError
from indicators.models import (
    Indicator,
    NationalTarget,
    Target,
    Value,
    WorkGroupIndicator,
    period_kind,
)
from indicators.parsing import (
    TARGET,
    parse_kind,
    parse_number,
    parse_period,
    parse_region_code,
    parse_source,
    parse_year,
)
from indicators.spreadsheets import read_table
from regions.models import Region

# Errors listed in an import result at most (the total is always counted).
MAX_LISTED_ERRORS = 500
BATCH_SIZE = 2000
NOTE_MAX = 500


# ---------------------------------------------------------------------------------------------
# Checks shared by forms, the API and imports


def check_value(indicator: Indicator, value: Decimal) -> None:
    """Raise ValueError when `value` cannot be a value of `indicator` (above its maximum)."""
    if indicator.max_value is not None and value > indicator.max_value:
        raise ValueError(
            _("%(value)s is above the largest possible value of %(indicator)s (%(max)s).")
            % {
                "value": _plain(value),
                "indicator": indicator.code,
                "max": _plain(indicator.max_value),
            }
        )


def check_period(indicator: Indicator, period: str) -> None:
    kind = period_kind(period)
    if kind not in indicator.allowed_period_kinds():
        raise ValueError(
            _("%(indicator)s is recorded %(periodicity)s; a %(kind)s value is not possible.")
            % {
                "indicator": indicator.code,
                "periodicity": indicator.get_periodicity_display().lower(),
                "kind": {"month": _("monthly"), "quarter": _("quarterly"), "year": _("yearly")}[
                    kind
                ],
            }
        )


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _domain_error(exc: ValueError, field_name: str) -> DomainError:
    return DomainError(str(exc), errors=[{"field": field_name, "message": str(exc)}])


# ---------------------------------------------------------------------------------------------
# Single targets and realisations


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
    model = type(instance)
    current = (
        model.objects.select_for_update()
        .filter(pk=instance.pk)
        .values_list("version", flat=True)
        .first()
    )
    if current is None:
        return
    if expected_version is not None and int(expected_version) != current:
        raise ConflictError(
            _("This record was changed by someone else. Reload the page and try again.")
        )
    instance.delete()


# ---------------------------------------------------------------------------------------------
# National targets (catalogue)


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


# ---------------------------------------------------------------------------------------------
# Import


@dataclass
class ImportResult:
    rows: int = 0
    targets_created: int = 0
    targets_updated: int = 0
    values_created: int = 0
    values_updated: int = 0
    unchanged: int = 0
    regions: int = 0
    seconds: float = 0.0
    errors: list = field(default_factory=list)

    @property
    def created(self) -> int:
        return self.targets_created + self.values_created

    @property
    def updated(self) -> int:
        return self.targets_updated + self.values_updated

    def summary(self) -> str:
        """One sentence for the page and the command line."""
        return _(
            "%(rows)d rows imported: %(created)d created, %(updated)d updated (existing rows are "
            "replaced by the file), %(unchanged)d unchanged. Targets: %(tc)d created, %(tu)d "
            "updated; realisations: %(vc)d created, %(vu)d updated."
        ) % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "tc": self.targets_created,
            "tu": self.targets_updated,
            "vc": self.values_created,
            "vu": self.values_updated,
        }


def importable_regions(user, scope_region=None) -> dict[str, int]:
    """Region code → id of the regions whose indicator data `user` may write: the scope region
    and (for a province) its kab/kota, or everywhere the user holds `indicator.edit`."""
    if scope_region is not None:
        candidates = [scope_region]
        if scope_region.is_province:
            candidates += list(Region.objects.filter(parent=scope_region))
    else:
        candidates = list(
            Region.objects.select_related(None).only("id", "code", "level", "parent_id")
        )
    return {r.code: r.pk for r in candidates if has_permission(user, Permission.INDICATOR_EDIT, r)}


class _Parser:
    """Turns table rows into target and realisation records, collecting errors by row and
    column. Lookups are cached by raw cell value, so 100,000 rows cost a few dict look-ups each."""

    def __init__(self, *, letters, region_ids, all_region_codes, indicators):
        self.letters = letters
        self.region_ids = region_ids
        self.all_region_codes = all_region_codes
        self.indicators = indicators
        self.errors: list[dict] = []
        self.error_count = 0
        self.error_rows = 0
        self.targets: list[tuple] = []  # (region_id, indicator_id, year, value, note)
        self.values: list[
            tuple
        ] = []  # (region_id, indicator_id, year, period, source, value, note)
        self.seen: dict[tuple, int] = {}
        self._region_cache: dict = {}
        self._indicator_cache: dict = {}
        self._source_cache: dict = {}
        self._kind_cache: dict = {}
        self._year_cache: dict = {}
        self._period_cache: dict = {}

    def error(self, row, key, message):
        self.error_count += 1
        if len(self.errors) < MAX_LISTED_ERRORS:
            self.errors.append(
                {
                    "row": row,
                    "column": self.letters.get(key, ""),
                    "field": key,
                    "message": str(message),
                }
            )

    def _region(self, raw):
        try:
            return self._region_cache[raw]
        except KeyError:
            pass
        except TypeError:  # unhashable cell value
            raw = str(raw)
        try:
            code = parse_region_code(raw)
        except ValueError as exc:
            result = (None, str(exc))
        else:
            region_id = self.region_ids.get(code)
            if region_id is not None:
                result = (region_id, None)
            elif code in self.all_region_codes:
                result = (
                    None,
                    _("Region %(code)s is outside the regions you may import for.")
                    % {"code": code},
                )
            else:
                result = (None, _("Unknown region code %(code)s.") % {"code": code})
        self._region_cache[raw] = result
        return result

    def _indicator(self, raw):
        text = "" if raw is None else str(raw).strip().lower()
        if text in self._indicator_cache:
            return self._indicator_cache[text]
        indicator = self.indicators.get(text)
        if not text:
            result = (None, _("Enter the indicator code."))
        elif indicator is None:
            result = (
                None,
                _("Unknown indicator code %(code)s. The codes are listed in the catalogue.")
                % {"code": raw},
            )
        elif not indicator.is_active:
            result = (
                None,
                _("The indicator %(code)s is no longer in use.") % {"code": indicator.code},
            )
        else:
            result = (indicator, None)
        self._indicator_cache[text] = result
        return result

    def _cached(self, cache, parser, raw):
        key = raw if isinstance(raw, str | int | float | type(None)) else str(raw)
        if key not in cache:
            try:
                cache[key] = (parser(raw), None)
            except ValueError as exc:
                cache[key] = (None, str(exc))
        return cache[key]

    def feed(self, number, cells):
        before = self.error_count
        region_id, message = self._region(cells["region"])
        if message:
            self.error(number, "region", message)
        indicator, message = self._indicator(cells["indicator"])
        if message:
            self.error(number, "indicator", message)
        year, year_given = None, False
        raw_year = cells.get("year")
        if raw_year is not None and str(raw_year).strip():
            year_given = True
            year, message = self._cached(self._year_cache, parse_year, raw_year)
            if message:
                self.error(number, "year", message)
        period = ""
        raw_period = cells.get("period")
        key = (
            raw_period if isinstance(raw_period, str | int | type(None)) else str(raw_period),
            year,
        )
        if key not in self._period_cache:
            try:
                self._period_cache[key] = (parse_period(raw_period, year), None)
            except ValueError as exc:
                self._period_cache[key] = (None, str(exc))
        parsed, message = self._period_cache[key]
        if message:
            self.error(number, "period", message)
        else:
            named_year, period = parsed
            if not year_given:
                if named_year is None:
                    self.error(number, "year", _("Enter the year."))
                year = named_year
        kind, message = self._cached(self._kind_cache, parse_kind, cells["kind"])
        if message:
            self.error(number, "kind", message)
        value = None
        try:
            value = parse_number(cells["value"])
            if indicator is not None:
                check_value(indicator, value)
        except ValueError as exc:
            self.error(number, "value", exc)
        raw_source = cells.get("source")
        has_source = raw_source is not None and str(raw_source).strip() != ""
        source = ""
        if kind == TARGET:
            if has_source:
                self.error(
                    number, "source", _("A target has no data source; leave this cell empty.")
                )
            if period:
                self.error(
                    number,
                    "period",
                    _("Targets are yearly; leave the period empty or write the year."),
                )
        elif kind is not None:
            source, message = self._cached(self._source_cache, parse_source, raw_source)
            if message:
                self.error(number, "source", message)
            if indicator is not None and period:
                try:
                    check_period(indicator, period)
                except ValueError as exc:
                    self.error(number, "period", exc)
        note = cells.get("note")
        note = "" if note is None else str(note).strip()
        if len(note) > NOTE_MAX:
            self.error(
                number, "note", _("The note is longer than %(max)d characters.") % {"max": NOTE_MAX}
            )
        if self.error_count != before:
            self.error_rows += 1
            return
        key = (kind, region_id, indicator.pk, year, period, source)
        first = self.seen.get(key)
        if first is not None:
            self.error_rows += 1
            self.error(
                number,
                "region",
                _("Row %(row)d has the same region, indicator, period, kind and source.")
                % {"row": first},
            )
            return
        self.seen[key] = number
        if kind == TARGET:
            self.targets.append((region_id, indicator.pk, year, value, note))
        else:
            self.values.append((region_id, indicator.pk, year, period, source, value, note))


# Columns written by an upsert, after the key columns; those after "created_at" are not changed
# when the row exists (the first author and time stay).
_UPSERT_TAIL = (
    "value",
    "note",
    "is_demo",
    "version",
    "updated_at",
    "updated_by_id",
    "created_at",
    "created_by_id",
)
_UPSERT_UPDATED = ("value", "note", "is_demo", "version", "updated_at", "updated_by_id")
_PG_TYPES = {
    "region_id": "bigint",
    "indicator_id": "bigint",
    "year": "integer",
    "period": "varchar(3)",
    "source": "varchar(10)",
    "value": "numeric(12,4)",
    "note": "varchar(500)",
    "is_demo": "boolean",
    "version": "integer",
    "updated_at": "timestamptz",
    "updated_by_id": "bigint",
    "created_at": "timestamptz",
    "created_by_id": "bigint",
}


def _write_postgresql(cursor, table, columns, key_fields, rows):
    """COPY into a temporary table, then one INSERT … ON CONFLICT DO UPDATE."""
    quote = connection.ops.quote_name
    temp = quote(f"tmp_upsert_{table}")
    cursor.execute(f"DROP TABLE IF EXISTS {temp}")
    cursor.execute(
        f"CREATE TEMPORARY TABLE {temp} ({', '.join(f'{quote(c)} {_PG_TYPES[c]}' for c in columns)}) ON COMMIT DROP"
    )
    with cursor.copy(f"COPY {temp} ({', '.join(quote(c) for c in columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    names = ", ".join(quote(c) for c in columns)
    updates = ", ".join(f"{quote(c)} = EXCLUDED.{quote(c)}" for c in _UPSERT_UPDATED)
    cursor.execute(
        f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM {temp} "
        f"ON CONFLICT ({', '.join(quote(c) for c in key_fields)}) DO UPDATE SET {updates}"
    )
    cursor.execute(f"DROP TABLE {temp}")


def _write_sqlite(cursor, table, columns, key_fields, rows):
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    updates = ", ".join(f"{quote(c)} = excluded.{quote(c)}" for c in _UPSERT_UPDATED)
    sql = (
        f"INSERT INTO {quote(table)} ({names}) VALUES ({', '.join(['%s'] * len(columns))}) "
        f"ON CONFLICT ({', '.join(quote(c) for c in key_fields)}) DO UPDATE SET {updates}"
    )
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH_SIZE:
            cursor.executemany(sql, batch)
            batch = []
    if batch:
        cursor.executemany(sql, batch)


def _write_orm(model, columns, key_fields, rows):
    """Any other database: the ORM's bulk upsert."""
    unique_fields = [name.removesuffix("_id") for name in key_fields]
    update_fields = [name.removesuffix("_id") for name in _UPSERT_UPDATED]
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(columns, row, strict=True))))
        if len(batch) >= BATCH_SIZE:
            model.objects.bulk_create(
                batch,
                update_conflicts=True,
                unique_fields=unique_fields,
                update_fields=update_fields,
            )
            batch = []
    if batch:
        model.objects.bulk_create(
            batch, update_conflicts=True, unique_fields=unique_fields, update_fields=update_fields
        )


def _upsert(model, records, *, key_fields, by, is_demo):
    """Insert or update `records` (key fields…, value, note). Returns (created, updated,
    unchanged). Existing rows are read once, with only the needed columns; new and changed rows
    are written in bulk (PostgreSQL: COPY and one INSERT … ON CONFLICT; SQLite: batched
    INSERT … ON CONFLICT), without per-row queries or model instances."""
    if not records:
        return 0, 0, 0
    region_ids = {r[0] for r in records}
    indicator_ids = {r[1] for r in records}
    years = {r[2] for r in records}
    existing = {}
    rows = (
        model.objects.filter(
            region_id__in=region_ids, indicator_id__in=indicator_ids, year__in=years
        )
        .values_list(*key_fields, "value", "note", "version", "is_demo")
        .order_by()
    )
    size = len(key_fields)
    for row in rows.iterator(chunk_size=10000):
        existing[row[:size]] = row[size:]
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    by_id = getattr(by, "pk", None)
    now = timezone.now()

    def changed_rows():
        for record_ in records:
            key = record_[:size]
            value, note = record_[size], record_[size + 1]
            old = existing.get(key)
            if old is None:
                counts["created"] += 1
                version = 1
            elif old[0] == value and old[1] == note and old[3] == is_demo:
                counts["unchanged"] += 1
                continue
            else:
                counts["updated"] += 1
                version = old[2] + 1
            yield (*key, value, note, is_demo, version, now, by_id, now, by_id)

    columns = (*key_fields, *_UPSERT_TAIL)
    table = model._meta.db_table
    vendor = connection.vendor
    if vendor == "postgresql":
        with connection.cursor() as cursor:
            _write_postgresql(cursor, table, columns, key_fields, changed_rows())
    elif vendor == "sqlite":
        ops = connection.ops
        stamp = ops.adapt_datetimefield_value(now)

        def adapted():
            # Same conversions as the ORM: Decimal and aware datetimes as SQLite stores them.
            for row in changed_rows():
                key, value, note, demo, version = row[:size], *row[size : size + 4]
                yield (
                    *key,
                    ops.adapt_decimalfield_value(value),
                    note,
                    demo,
                    version,
                    stamp,
                    by_id,
                    stamp,
                    by_id,
                )

        with connection.cursor() as cursor:
            _write_sqlite(cursor, table, columns, key_fields, adapted())
    else:
        _write_orm(model, columns, key_fields, changed_rows())
    return counts["created"], counts["updated"], counts["unchanged"]


TARGET_KEY = ("region_id", "indicator_id", "year")
VALUE_KEY = ("region_id", "indicator_id", "year", "period", "source")


@transaction.atomic
def save_records(
    *, by, targets: Iterable[tuple] = (), values: Iterable[tuple] = (), is_demo=False
) -> ImportResult:
    """Upsert already checked records: targets as (region_id, indicator_id, year, value, note),
    realisations as (region_id, indicator_id, year, period, source, value, note). Writes no
    audit record (callers do)."""
    result = ImportResult()
    targets, values = list(targets), list(values)
    result.rows = len(targets) + len(values)
    by = by if getattr(by, "pk", None) else None
    result.targets_created, result.targets_updated, unchanged_t = _upsert(
        Target, targets, key_fields=TARGET_KEY, by=by, is_demo=is_demo
    )
    result.values_created, result.values_updated, unchanged_v = _upsert(
        Value, values, key_fields=VALUE_KEY, by=by, is_demo=is_demo
    )
    result.unchanged = unchanged_t + unchanged_v
    result.regions = len({r[0] for r in targets} | {r[0] for r in values})
    return result


def _parse_file(by, fileobj, filename, scope_region, progress=None):
    table, close = read_table(fileobj, filename)
    try:
        parser = _Parser(
            letters=table.letters,
            region_ids=importable_regions(by, scope_region),
            all_region_codes=dict(Region.objects.values_list("code", "id")),
            indicators={i.code: i for i in Indicator.objects.all()},
        )
        if progress is None:
            for number, cells in table.rows:
                parser.feed(number, cells)
        else:
            last = max(table.last_row, 1)
            progress(0, last)
            for number, cells in table.rows:
                parser.feed(number, cells)
                if not number % 500:
                    progress(min(number, last), last)
            progress(last, last)  # every row read
    finally:
        close()
    return parser


def import_file(
    *,
    by,
    fileobj,
    filename="",
    scope_region=None,
    progress=None,
    atomic=transaction.atomic,
    saved=None,
) -> ImportResult:
    """Import targets and realisations from a workbook (.xlsx, .xls, .ods) or CSV file (format:
    indicators.spreadsheets).

    All or nothing: every row is checked first; on any error a DomainError lists the errors by
    row and column (row numbers as the spreadsheet shows them) and nothing is written. Rows for
    regions outside `scope_region` (the region and its kab/kota) or outside the user's
    `indicator.edit` scope are errors. Existing targets and realisations are updated (upsert);
    the result counts created, updated and unchanged rows. One audit record summarises it.

    A job passes `progress(done, total)` (rows read of the sheet's rows), its `ctx.atomic` (the
    file is read outside the transaction, the rows are written inside it) and `saved(result)`,
    called inside the transaction once the rows are written.
    """
    started = time.monotonic()
    parser = _parse_file(by, fileobj, filename, scope_region, progress)
    if parser.error_count:
        raise DomainError(
            ngettext(
                "The file has %(count)d error in %(rows)d row; nothing was saved. Correct the file and import it again.",
                "The file has %(count)d errors in %(rows)d rows; nothing was saved. Correct the file and import it again.",
                parser.error_count,
            )
            % {"count": parser.error_count, "rows": parser.error_rows},
            errors=parser.errors,
        )
    if not parser.targets and not parser.values:
        raise DomainError(_("The file has no data rows below the column names."))
    with atomic():
        result = save_records(by=by, targets=parser.targets, values=parser.values)
        result.seconds = round(time.monotonic() - started, 2)
        details = {k: v for k, v in asdict(result).items() if k != "errors"}
        record(
            action="other",
            code="indicators.imported",
            model_label="indicators.Value",
            object_repr=(filename or _("spreadsheet"))[:200],
            region_code=scope_region.code if scope_region is not None else "",
            changes={"file": filename, **details},
            actor=by,
        )
        if saved is not None:
            saved(result)
    return result


# ---------------------------------------------------------------------------------------------
# Indicators adopted by a Pokja


@dataclass
class Adoption:
    """One line of the adoption form: adopt `indicator` (or not) with a target and a note.
    `version` is the version of the existing adoption the form was based on."""

    indicator: Indicator
    adopt: bool
    target: Decimal | None = None
    note: str = ""
    version: int | None = None


@transaction.atomic
def set_adoptions(*, by, workgroup, year, adoptions: Iterable[Adoption]) -> dict:
    """Record which indicators the Pokja adopts for `year` with its own targets: adds new ones,
    changes existing ones and removes those no longer adopted. Stale versions are refused.
    Returns counts {"created", "updated", "deleted"}."""
    current = {
        a.indicator_id: a
        for a in WorkGroupIndicator.objects.select_for_update().filter(
            workgroup=workgroup, year=year
        )
    }
    counts = {"created": 0, "updated": 0, "deleted": 0}
    for item in adoptions:
        existing = current.get(item.indicator.pk)
        if (
            existing is not None
            and item.version is not None
            and existing.version != int(item.version)
        ):
            raise ConflictError(
                _("The adoption of %(indicator)s was changed by someone else. Reload the page.")
                % {"indicator": item.indicator.code}
            )
        if not item.adopt:
            if existing is not None:
                existing.delete()
                counts["deleted"] += 1
            continue
        if item.target is not None:
            try:
                check_value(item.indicator, item.target)
            except ValueError as exc:
                raise _domain_error(exc, "target") from None
        if existing is None:
            WorkGroupIndicator.objects.create(
                workgroup=workgroup,
                indicator=item.indicator,
                year=year,
                target=item.target,
                note=item.note,
                created_by=by,
            )
            counts["created"] += 1
        elif existing.target != item.target or existing.note != item.note:
            existing.target, existing.note, existing.is_demo = item.target, item.note, False
            existing.version += 1
            existing.save()
            counts["updated"] += 1
    return counts


def adopted_counts(workgroup_ids: Iterable[int], year: int) -> dict[int, int]:
    """For the effectiveness assessment (criterion 3, "Bangga Kencana indicators with targets"):
    `{workgroup_id: number of indicators the Pokja adopted for `year` with a target}`.

    One query, whatever the number of Pokja; every id asked for is in the result (0 when it
    adopted none). An adoption without a target does not count.
    """
    ids = list(workgroup_ids)
    counts = dict.fromkeys(ids, 0)
    if not ids:
        return counts
    rows = (
        WorkGroupIndicator.objects.filter(workgroup_id__in=ids, year=year, target__isnull=False)
        .values("workgroup_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        counts[row["workgroup_id"]] = row["n"]
    return counts
