"""The spreadsheet import's parser: rows to checked records, with row-numbered errors."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from accounts.access import has_permission
from accounts.permissions import Permission
from indicators.parsing import (
    TARGET,
    parse_kind,
    parse_number,
    parse_period,
    parse_region_code,
    parse_source,
    parse_year,
)
from indicators.services.checks import check_period, check_value
from regions.models import Region

# Errors listed in an import result at most (the total is always counted).
MAX_LISTED_ERRORS = 500
NOTE_MAX = 500


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

    def checked(self):
        """After the last row: drop what only the checks needed (the keys seen, about 20 MB for
        100,000 rows, and the parsed cells), so that it is not held while the rows are written."""
        self.seen.clear()
        for cache in (self._region_cache, self._indicator_cache, self._source_cache,
                      self._kind_cache, self._year_cache, self._period_cache):  # fmt: skip
            cache.clear()

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
