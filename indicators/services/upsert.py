"""The spreadsheet import's write: many targets and values upserted in batches."""

from collections.abc import Iterable

from django.db import connection, transaction
from django.utils import timezone

from indicators.models import Target, Value
from indicators.services.import_parser import ImportResult

BATCH_SIZE = 2000

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
            elif old[0] == value and old[1] == note and (old[3] == is_demo or not is_demo):
                # An unchanged row keeps its demo flag: re-importing an export (which has no
                # demo column) must not turn demo figures into real ones (issue 21). A changed
                # value or note is real data and clears it.
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
