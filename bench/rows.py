"""Plain rows into a model's table, bypassing model instances (`bench.generator`): COPY on
PostgreSQL, `executemany` elsewhere, with the defaults `bulk_create` would give."""

from django.db import connection

BATCH = 5000


# Field types whose Python value (str, int, bool, date, Decimal, None) the database driver takes
# as it is: Django's `get_db_prep_save` returns it unchanged on PostgreSQL and SQLite.
_AS_IS = {
    "BigIntegerField", "BooleanField", "CharField", "DateField", "DecimalField", "ForeignKey",
    "IntegerField", "OneToOneField", "PositiveBigIntegerField", "PositiveIntegerField",
    "PositiveSmallIntegerField", "SmallIntegerField", "TextField",
}  # fmt: skip


def insert_rows(model, columns: tuple[str, ...], rows: list[tuple], *, returning=False):
    """INSERT plain tuples (values of `columns`, attnames such as "meeting_id") into `model`'s
    table, in order; every other column gets its default as `bulk_create` would give it (one
    `auto_now` time for the call). No model instances and no signals: several times faster than
    `bulk_create` for the hundreds of thousands of rows of the larger tables.

    On PostgreSQL COPY, and with `returning` the new primary keys are first drawn from the
    table's sequence, in order (the ids `bulk_create` would get). Elsewhere `executemany`, or
    with `returning` multi-row INSERTs with RETURNING, whose ids come back in the order of the
    rows (the assumption `bulk_create` makes too)."""
    if not rows:
        return []
    meta = model._meta
    given = [meta.get_field(column) for column in columns]
    prototype = model()
    others = [
        f
        for f in meta.concrete_fields
        if not f.primary_key and f.attname not in columns and not f.has_db_default()
    ]
    fields = [*given, *others]
    constants = tuple(
        f.get_db_prep_save(f.pre_save(prototype, add=True), connection) for f in others
    )
    # Values needing Django's conversion (e.g. aware datetimes on SQLite); the rest go as they are.
    prepare = [
        (index, field)
        for index, field in enumerate(given)
        if field.get_internal_type() not in _AS_IS
    ]
    if prepare:
        rows = [list(row) for row in rows]
        for row in rows:
            for index, field in prepare:
                row[index] = field.get_db_prep_save(row[index], connection)
        rows = [(*row, *constants) for row in rows]
    elif constants:
        rows = [row + constants for row in rows]
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    names = ", ".join(quote(f.column) for f in fields)
    placeholders = f"({', '.join(['%s'] * len(fields))})"
    with connection.cursor() as cursor:
        ids = None
        if connection.vendor == "postgresql":
            if returning:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                    [meta.db_table, meta.pk.column, len(rows)],
                )
                ids = sorted(pk for (pk,) in cursor.fetchall())
                names = f"{quote(meta.pk.column)}, {names}"
                rows = [(pk, *row) for pk, row in zip(ids, rows, strict=True)]
            with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        elif returning:
            ids = []
            size = min(BATCH, (connection.features.max_query_params or 2**16 - 1) // len(fields))
            for start in range(0, len(rows), size):
                batch = rows[start : start + size]
                cursor.execute(
                    f"INSERT INTO {table} ({names}) VALUES {', '.join([placeholders] * len(batch))}"
                    f" RETURNING {quote(meta.pk.column)}",
                    [value for row in batch for value in row],
                )
                ids += [pk for (pk,) in cursor.fetchall()]
        else:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES {placeholders}", rows)
    return ids
