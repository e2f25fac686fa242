"""Writes of the interop app. Keyword-only, `by=` the acting user, one transaction each."""

import csv
import io
import json
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import hash_key
from audit.registry import record
from core.errors import DomainError
from core.spreadsheets import Workbook
from core.spreadsheets.limits import SpreadsheetError
from indicators.models import Indicator, Target
from indicators.parsing import parse_number, parse_year
from indicators.services import check_value
from interop.models import KEY_PREFIX, IntegratorKey, Webhook
from interop.planning_exchange import LAYOUT, SHEETS, TARGET_COLUMNS

REQUIRED = ("kode_pemda", "dokumen_perencanaan", "tahun", "kode_indikator", "target_kinerja")
MAX_ROWS = 5000


def _read(uploaded, name: str) -> list[tuple[int, dict]]:
    """(row number as the planning officer sees it, {column: text}) of a CSV, XLSX or JSON."""
    lower = name.lower()
    if lower.endswith(".json"):
        try:
            document = json.loads(uploaded.read())
            if document.get("layout") != LAYOUT or not isinstance(document["targets"], list):
                raise ValueError
        except (ValueError, KeyError, TypeError, AttributeError):
            raise DomainError(_("This is not a target file in the planning layout.")) from None
        return [(n, item) for n, item in enumerate(document["targets"], start=1)]
    if lower.endswith(".xlsx"):
        try:
            with Workbook(uploaded) as book:
                rows = list(book.rows(SHEETS["targets"]))
        except SpreadsheetError as exc:
            raise DomainError(" ".join(exc.messages)) from None
        if not rows:
            return []
        header = [str(c or "").strip() for c in rows[0][1]]
        return [
            (number, dict(zip(header, values, strict=False)))
            for number, values in rows[1:]
            if any(v not in (None, "") for v in values)
        ]
    text = uploaded.read().decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text))
    return [(number, row) for number, row in enumerate(reader, start=2)]


@transaction.atomic
def import_targets(*, region, uploaded, name: str, by, source: str = "") -> int:
    """Import the targets of `region` from a file in the planning layout: all rows or none,
    errors numbered by row. Returns the number of targets created or changed."""
    rows = _read(uploaded, name)
    if len(rows) > MAX_ROWS:
        raise DomainError(_("The file has more than %(n)d rows.") % {"n": MAX_ROWS})
    indicators = {i.code: i for i in Indicator.objects.all()}
    errors, parsed, seen = [], [], set()
    source = source or f"{name[:150]} ({LAYOUT})"
    for number, row in rows:
        if not isinstance(row, dict):
            errors.append({"row": number, "message": _("Not a row of the layout.")})
            continue
        text = {c: "" if row.get(c) is None else str(row.get(c)).strip() for c in TARGET_COLUMNS}
        missing = [c for c in REQUIRED if not text[c]]
        if missing:
            for column in missing:
                errors.append({"row": number, "column": column, "message": _("Required.")})
            continue
        if text["kode_pemda"] != region.code:
            errors.append(
                {
                    "row": number,
                    "column": "kode_pemda",
                    "message": _("This file is for %(code)s only.") % {"code": region.code},
                }
            )
            continue
        document = text["dokumen_perencanaan"].upper()
        if document not in (Target.PlanDocument.RPJMD, Target.PlanDocument.RKPD):
            errors.append(
                {"row": number, "column": "dokumen_perencanaan", "message": _("RPJMD or RKPD.")}
            )
            continue
        indicator = indicators.get(text["kode_indikator"])
        if indicator is None:
            errors.append(
                {"row": number, "column": "kode_indikator", "message": _("Unknown indicator code.")}
            )
            continue
        try:
            year = parse_year(text["tahun"])
        except ValueError as exc:
            errors.append({"row": number, "column": "tahun", "message": str(exc)})
            continue
        try:
            value = parse_number(text["target_kinerja"])
            if value < 0:
                raise ValueError(_("A target cannot be negative."))
            check_value(indicator, value)
        except ValueError as exc:
            errors.append({"row": number, "column": "target_kinerja", "message": str(exc)})
            continue
        if (indicator.pk, year) in seen:
            errors.append(
                {"row": number, "message": _("This indicator and year appear twice in the file.")}
            )
            continue
        seen.add((indicator.pk, year))
        parsed.append((indicator, year, value, document, text["keterangan"][:500]))
    if errors:
        raise DomainError(
            _("The file was not imported; correct the rows below."), errors=errors[:200]
        )
    existing = {
        (t.indicator_id, t.year): t
        for t in Target.objects.select_for_update().filter(region=region)
    }
    changed = 0
    for indicator, year, value, document, note in parsed:
        target = existing.get((indicator.pk, year))
        if target is None:
            Target.objects.create(
                region=region,
                indicator=indicator,
                year=year,
                value=value,
                note=note,
                plan_document=document,
                import_source=source,
                created_by=by,
                updated_by=by,
            )
            changed += 1
        elif (target.value, target.note, target.plan_document) != (Decimal(value), note, document):
            target.value, target.note, target.plan_document = value, note, document
            target.import_source, target.updated_by, target.is_demo = source, by, False
            target.version += 1
            target.save()
            changed += 1
    record(
        action="other",
        code="interop.targets_imported",
        model_label="indicators.Target",
        object_repr=source,
        region_code=region.code,
        changes={"rows": [None, len(parsed)], "changed": [None, changed], "source": [None, source]},
        actor=by,
    )
    return changed


# --- Integrators: API keys and webhooks ----------------------------------------------------


@transaction.atomic
def create_key(*, by, region, name: str, access: str):
    """A new API key; returns (key, the raw key). The raw key is never stored or shown again."""
    if access not in IntegratorKey.Access.values:
        raise DomainError(_("Choose read only or read and write."))
    raw = IntegratorKey.new_raw()
    key = IntegratorKey.objects.create(
        region=region,
        name=name.strip()[:150],
        access=access,
        prefix=raw[:12],
        key_hash=hash_key(raw),
        created_by=by,
    )
    return key, raw


@transaction.atomic
def revoke_key(*, by, key) -> None:
    if key.revoked_at is None:
        key.revoked_at = timezone.now()
        key.save(update_fields=["revoked_at"])


def find_key(raw: str):
    """The live key for `raw`, or None (revoked and unknown keys alike)."""
    if not raw or not raw.startswith(KEY_PREFIX):
        return None
    key = (
        IntegratorKey.objects.select_related("region")
        .filter(key_hash=hash_key(raw), revoked_at__isnull=True)
        .first()
    )
    if key is not None:
        IntegratorKey.objects.filter(pk=key.pk).update(last_used_at=timezone.now())
    return key


@transaction.atomic
def create_webhook(*, by, region, url: str, events: list[str]):
    """A new webhook; returns (webhook, its signing secret), the secret shown once."""
    unknown = set(events) - set(Webhook.Event.values)
    if not events or unknown:
        raise DomainError(_("Choose at least one known event."))
    if not url.startswith(("https://", "http://")):
        raise DomainError(_("The URL must start with https:// or http://."))
    secret = Webhook.new_secret()
    webhook = Webhook.objects.create(
        region=region, url=url[:500], events=sorted(events), secret=secret, created_by=by
    )
    return webhook, secret


@transaction.atomic
def set_webhook_active(*, by, webhook, active: bool) -> None:
    if webhook.is_active != active:
        webhook.is_active = active
        webhook.save(update_fields=["is_active"])
