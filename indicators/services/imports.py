"""The spreadsheet import (all or nothing): parse, check, write, audit."""

import time
from dataclasses import asdict

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from audit.registry import record
from core.errors import DomainError
from indicators.models import Indicator
from indicators.services.import_parser import ImportResult, _Parser, importable_regions
from indicators.services.upsert import save_records
from indicators.spreadsheets import read_table
from regions.models import Region


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
    parser.checked()
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
