"""Reading the activities of an uploaded workbook (.xlsx, .xls or .ods, through
core.spreadsheets) into unsaved activities of a work plan, all or nothing: every problem is listed
by row and column, and nothing is written unless the whole file is valid. The columns and the
template are in planning/excel.py."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core.spreadsheets import SpreadsheetError, Workbook
from core.spreadsheets.limits import column_letter
from planning.choices import FundingSource
from planning.common import parse_amount, parse_month
from planning.excel import (
    COLUMN_BY_KEY,
    COLUMNS,
    HEADER_SCAN_ROWS,
    LIST_SEPARATORS,
    MAX_ROWS,
    _choice_lookup,
    _labels_in_all_languages,
    _normal,
)
from planning.models import Activity


@dataclass
class ParsedRow:
    row: int
    activity: Activity
    institution_ids: list
    indicator_ids: list


class _Errors(list):
    def add(self, row, key, message):
        index = [c.key for c in COLUMNS].index(key) if key in COLUMN_BY_KEY else None
        self.append(
            {
                "row": row,
                "column": column_letter(index + 1) if index is not None else "",
                "field": str(COLUMN_BY_KEY[key].label) if key in COLUMN_BY_KEY else "",
                "message": str(message),
            }
        )


def read_activities(plan, uploaded) -> tuple[list[ParsedRow], list[dict]]:
    """Read every row of an uploaded workbook into unsaved activities of `plan`.

    Returns (rows, errors); errors are `{"row", "column", "field", "message"}` with Excel row
    numbers and column letters. The caller writes nothing when errors is not empty."""
    errors = _Errors()
    try:
        workbook = Workbook(uploaded)
        rows = (values for _number, values in workbook.rows(index=0))
    except SpreadsheetError as exc:
        message = (
            exc.messages[0]
            if exc.code not in ("damaged", "not_spreadsheet")
            else _("The workbook cannot be read. Save it again as .xlsx and retry.")
        )
        errors.append({"row": None, "column": "", "field": "", "message": message})
        return [], errors
    try:
        return _read_rows(plan, rows, errors)
    finally:
        workbook.close()


def _read_rows(plan, rows, errors):
    from indicators.models import Indicator
    from workgroups.models import SubGroup

    # Find the header row (the template puts it on row 4; accept it anywhere in the first rows).
    wanted = {c.key: _labels_in_all_languages(c.label) for c in COLUMNS}
    positions, header_row = {}, None
    for number, values in enumerate(rows, start=1):
        normalised = [_normal(v) for v in values]
        if any(n in wanted["title"] for n in normalised):
            header_row = number
            for index, text in enumerate(normalised):
                for key, names in wanted.items():
                    if text in names and key not in positions:
                        positions[key] = index
            break
        if number >= HEADER_SCAN_ROWS:
            break
    if header_row is None:
        errors.append(
            {
                "row": None,
                "column": "",
                "field": "",
                "message": _(
                    "No header row with the column “%(column)s” was found. Use the template downloaded from Sipokja."
                )
                % {"column": str(COLUMN_BY_KEY["title"].label)},
            }
        )
        return [], errors
    missing = [c for c in COLUMNS if c.required and c.key not in positions]
    for column in missing:
        errors.append(
            {
                "row": header_row,
                "column": "",
                "field": str(column.label),
                "message": _(
                    "The column “%(column)s” is missing. Use the template downloaded from Sipokja."
                )
                % {"column": str(column.label)},
            }
        )
    if missing:
        return [], errors

    workgroup = plan.workgroup
    subgroups = {}
    for sub in SubGroup.objects.filter(is_active=True):
        subgroups[_normal(sub.name)] = sub
        subgroups[_normal(sub.code)] = sub
    institutions = {
        _normal(name): pk for pk, name in workgroup.region.institutions.values_list("pk", "name")
    }
    indicators = {}
    for pk, code, name in Indicator.objects.filter(is_active=True).values_list(
        "pk", "code", "name"
    ):
        indicators[_normal(code)] = pk
        indicators[_normal(name)] = pk
    sources = _choice_lookup(FundingSource.choices)
    statuses = _choice_lookup(Activity.Status.choices)
    existing_titles = {_normal(t) for t in plan.activities.values_list("title", flat=True)}
    seen_titles = {}

    parsed = []
    count = 0
    for number, values in enumerate(rows, start=header_row + 1):
        cells = {
            key: values[index] if index < len(values) else None for key, index in positions.items()
        }
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        count += 1
        if count > MAX_ROWS:
            errors.append(
                {
                    "row": number,
                    "column": "",
                    "field": "",
                    "message": _("A file may hold at most %(max)d activities.") % {"max": MAX_ROWS},
                }
            )
            break
        parsed_row = _read_row(
            plan, number, cells, errors,
            subgroups=subgroups, institutions=institutions, indicators=indicators,
            sources=sources, statuses=statuses,
        )  # fmt: skip
        if parsed_row is None:
            continue
        title_key = _normal(parsed_row.activity.title)
        if title_key in existing_titles:
            errors.add(
                number,
                "title",
                _(
                    "“%(title)s” is already in this work plan. Remove the row or edit the activity in Sipokja."
                )
                % {"title": parsed_row.activity.title},
            )
        elif title_key in seen_titles:
            errors.add(
                number,
                "title",
                _("The same activity is also on row %(row)d.") % {"row": seen_titles[title_key]},
            )
        else:
            seen_titles[title_key] = number
        parsed.append(parsed_row)
    if not parsed and not errors:
        errors.append(
            {
                "row": None,
                "column": "",
                "field": "",
                "message": _("The file has no activities. Fill in the rows below the header."),
            }
        )
    return parsed, errors


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _split(value) -> list[str]:
    text = _text(value)
    for separator in LIST_SEPARATORS[1:]:
        text = text.replace(separator, LIST_SEPARATORS[0])
    return [part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip()]


class _Cells:
    """The cells of one row, read against the names Sipokja knows (normalised: case and spaces
    do not matter); an unknown name is an error of the row and column, in `message`."""

    def __init__(self, cells, number, errors):
        self.cells, self.number, self.errors = cells, number, errors

    def _find(self, key, table, name, message):
        value = table.get(_normal(name))
        if value is None:
            self.errors.add(self.number, key, message % {"name": name})
        return value

    def choice(self, key, table, message):
        """What the cell's one name stands for; None when empty or unknown."""
        name = _text(self.cells.get(key))
        return self._find(key, table, name, message) if name else None

    def choices(self, key, table, message) -> list:
        """What each of the cell's names (a list, LIST_SEPARATORS) stands for, unknown ones left out."""
        found = [self._find(key, table, name, message) for name in _split(self.cells.get(key))]
        return [value for value in found if value is not None]


def _read_row(
    plan, number, cells, errors, *, subgroups, institutions, indicators, sources, statuses
):
    before = len(errors)
    activity = Activity(plan=plan)
    activity.title = _text(cells.get("title"))
    if not activity.title:
        errors.add(number, "title", _("Enter the activity."))

    cell = _Cells(cells, number, errors)
    subgroup = cell.choice(
        "subgroup", subgroups, _("Unknown sub-group “%(name)s”. Choose one from the list.")
    )
    if subgroup is not None:
        activity.subgroup = subgroup

    institution_ids = cell.choices(
        "institutions",
        institutions,
        _("“%(name)s” is not an institution recorded for this region."),
    )

    for key in ("start_month", "end_month"):
        raw = cells.get(key)
        try:
            setattr(activity, key, parse_month(raw))
        except ValueError as exc:
            setattr(activity, key, None)
            errors.add(number, key, str(exc))

    indicator_ids = cell.choices(
        "indicators",
        indicators,
        _("Unknown indicator “%(name)s”. Use a code from the catalogue."),
    )

    try:
        activity.planned_cost = parse_amount(cells.get("planned_cost"))
    except ValueError as exc:
        errors.add(number, "planned_cost", str(exc))
        activity.planned_cost = 0

    source = cell.choice(
        "cost_source", sources, _("Unknown source of funds “%(name)s”. Choose one from the list.")
    )
    if source is not None:
        activity.cost_source = source
    status = cell.choice(
        "status", statuses, _("Unknown status “%(name)s”. Choose one from the list.")
    )
    if status is not None:
        activity.status = status

    activity.expected_output = _text(cells.get("expected_output"))
    activity.progress_note = _text(cells.get("progress_note"))

    # The model's own rules (lengths, start month not after end month, a source for a cost).
    exclude = {"plan"} | {
        key for key in ("start_month", "end_month") if getattr(activity, key) is None
    }
    if any(
        e["row"] == number and e["field"] == str(COLUMN_BY_KEY["planned_cost"].label)
        for e in errors[before:]
    ):
        exclude |= {"cost_source"}
    try:
        activity.full_clean(exclude=exclude)
    except ValidationError as exc:
        for key, field_errors in exc.message_dict.items():
            for message in field_errors:
                errors.add(number, key if key in COLUMN_BY_KEY else "", message)
    if len(errors) > before:
        return None
    return ParsedRow(number, activity, institution_ids, indicator_ids)
