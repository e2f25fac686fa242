"""Activities of a work plan as an Excel workbook: the import template, the export, and the
all-or-nothing reader (every problem listed by row and column; nothing is written unless the
whole file is valid).

The sheet "Kegiatan" has a title, a note, then the header row and one activity per row. Column
headers are recognised in Indonesian and English, so an export can be edited and imported into
another year's plan (for example to start 2026 from 2025's activities).
"""

import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core.formats import MONTHS_ID, format_date_id
from planning.choices import FundingSource
from planning.common import parse_amount, parse_month
from planning.models import Activity

MAX_ROWS = 1000
HEADER_SCAN_ROWS = 10
LIST_SEPARATORS = (";", "\n")


@dataclass(frozen=True)
class Column:
    key: str
    label: object  # lazy translation
    note: object
    width: int = 20
    required: bool = False


COLUMNS = [
    Column(
        "title",
        gettext_lazy("Activity"),
        gettext_lazy("What the Pokja will do. Required."),
        45,
        True,
    ),
    Column(
        "subgroup",
        gettext_lazy("Sub-group"),
        gettext_lazy("The sub-group (bidang) in charge; choose from the list."),
        28,
    ),
    Column(
        "institutions",
        gettext_lazy("Responsible institutions"),
        gettext_lazy(
            "Names of institutions recorded for the Pokja of this region; separate several "
            "with a semicolon (;)."
        ),
        36,
    ),
    Column(
        "start_month",
        gettext_lazy("Start month"),
        gettext_lazy("Month of the plan year the activity starts (Januari … Desember). Required."),
        14,
        True,
    ),
    Column(
        "end_month",
        gettext_lazy("End month"),
        gettext_lazy("Month it ends; not before the start month. Required."),
        14,
        True,
    ),
    Column(
        "expected_output",
        gettext_lazy("Expected output"),
        gettext_lazy("What the activity should produce."),
        36,
    ),
    Column(
        "indicators",
        gettext_lazy("Indicators"),
        gettext_lazy(
            "Codes or names of Bangga Kencana indicators from the catalogue; separate with ;."
        ),
        28,
    ),
    Column(
        "planned_cost",
        gettext_lazy("Planned cost (Rp)"),
        gettext_lazy(
            "Whole Rupiah, digits only: 15000000 or 15.000.000. Not '15 juta', no decimals, "
            "not negative. Empty means no cost."
        ),
        18,
    ),
    Column(
        "cost_source",
        gettext_lazy("Source of funds"),
        gettext_lazy("Required when there is a planned cost; choose from the list."),
        24,
    ),
    Column(
        "status",
        gettext_lazy("Status"),
        gettext_lazy("Planned, ongoing, done or cancelled; empty means planned."),
        14,
    ),
    Column(
        "progress_note",
        gettext_lazy("Progress note"),
        gettext_lazy("What has been done so far."),
        36,
    ),
]
COLUMN_BY_KEY = {c.key: c for c in COLUMNS}

HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _labels_in_all_languages(label) -> set[str]:
    names = set()
    for language in ("id", "en"):
        with translation.override(language):
            names.add(_normal(str(label)))
    return names


def _normal(text) -> str:
    return " ".join(str(text or "").replace("*", " ").split()).lower()


def _choice_lookup(choices) -> dict[str, str]:
    """Accept the stored value or the label in either language."""
    lookup = {}
    for value, label in choices:
        lookup[_normal(value)] = value
        lookup.update({name: value for name in _labels_in_all_languages(label)})
    return lookup


# --- writing -------------------------------------------------------------------------------


@dataclass
class Lists:
    subgroups: list = field(default_factory=list)
    institutions: list = field(default_factory=list)
    indicators: list = field(default_factory=list)


def _lists(plan) -> Lists:
    from indicators.models import Indicator
    from workgroups.models import SubGroup

    workgroup = plan.workgroup
    chosen = list(workgroup.subgroups.filter(is_active=True))
    subgroups = chosen or list(SubGroup.objects.filter(is_active=True))
    return Lists(
        subgroups=[s.name for s in subgroups],
        institutions=list(workgroup.region.institutions.values_list("name", flat=True)),
        indicators=list(Indicator.objects.filter(is_active=True).values_list("code", flat=True)),
    )


def _workbook(plan, activities) -> Workbook:
    lists = _lists(plan)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Activities")[:31]
    region = plan.workgroup.region
    sheet["A1"] = _("Work plan of the Pokja Bangga Kencana, %(region)s, year %(year)s") % {
        "region": region.display_name,
        "year": plan.year,
    }
    sheet["A1"].font = Font(bold=True, size=13)
    sheet["A2"] = _(
        "One activity per row from row 5. Columns marked * are required. Hover over a column "
        "header for help; see the sheet '%(sheet)s'. Do not change the headers in row 4."
    ) % {"sheet": _("Instructions")}
    sheet["A2"].font = Font(italic=True)
    header_row = 4
    for index, column in enumerate(COLUMNS, start=1):
        cell = sheet.cell(
            row=header_row,
            column=index,
            value=str(column.label) + (" *" if column.required else ""),
        )
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        cell.comment = Comment(str(column.note), "Sipokja")
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)

    for offset, activity in enumerate(activities, start=1):
        row = header_row + offset
        values = {
            "title": activity.title,
            "subgroup": activity.subgroup.name if activity.subgroup_id else "",
            "institutions": "; ".join(i.name for i in activity.institutions.all()),
            "start_month": MONTHS_ID[activity.start_month - 1],
            "end_month": MONTHS_ID[activity.end_month - 1],
            "expected_output": activity.expected_output,
            "indicators": "; ".join(i.code for i in activity.indicators.all()),
            "planned_cost": activity.planned_cost or None,
            "cost_source": activity.get_cost_source_display() if activity.cost_source else "",
            "status": activity.get_status_display(),
            "progress_note": activity.progress_note,
        }
        for index, column in enumerate(COLUMNS, start=1):
            cell = sheet.cell(row=row, column=index, value=values[column.key])
            if column.key == "planned_cost":
                cell.number_format = "#,##0"

    _add_lists_and_validation(workbook, sheet, lists, header_row)
    _add_instructions(workbook, plan)
    return workbook


def _add_lists_and_validation(workbook, sheet, lists: Lists, header_row: int):
    data = workbook.create_sheet(_("Lists")[:31])
    columns = {
        "subgroup": lists.subgroups,
        "start_month": MONTHS_ID,
        "cost_source": [str(label) for _value, label in FundingSource.choices],
        "status": [str(label) for _value, label in Activity.Status.choices],
        "institutions": lists.institutions,
        "indicators": lists.indicators,
    }
    headings = {
        "subgroup": _("Sub-group"),
        "start_month": _("Month"),
        "cost_source": _("Source of funds"),
        "status": _("Status"),
        "institutions": _("Institutions"),
        "indicators": _("Indicators"),
    }
    first, last = header_row + 1, header_row + MAX_ROWS
    for index, (key, values) in enumerate(columns.items(), start=1):
        letter = get_column_letter(index)
        data.cell(row=1, column=index, value=headings[key]).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            data.cell(row=row, column=index, value=value)
        data.column_dimensions[letter].width = 30
        if not values:
            continue
        source = f"='{data.title}'!${letter}$2:${letter}${len(values) + 1}"
        targets = ["start_month", "end_month"] if key == "start_month" else [key]
        strict = key in ("subgroup", "start_month", "cost_source", "status")
        validation = DataValidation(
            type="list",
            formula1=source,
            allow_blank=True,
            showErrorMessage=strict,
            errorTitle=_("Not in the list"),
            error=_("Choose a value from the list."),
        )
        sheet.add_data_validation(validation)
        for target in targets:
            col = get_column_letter([c.key for c in COLUMNS].index(target) + 1)
            validation.add(f"{col}{first}:{col}{last}")
    data.sheet_state = "hidden"


def _add_instructions(workbook, plan):
    sheet = workbook.create_sheet(_("Instructions")[:31])
    lines = [
        _("How to fill in the activities of the work plan"),
        "",
        _("1. Fill in one activity per row on the first sheet, starting at row 5."),
        _("2. Columns marked * are required: the activity, the start month and the end month."),
        _(
            "3. Months are months of %(year)s: Januari … Desember (or 1 to 12). The end month cannot be before the start month."
        )
        % {"year": plan.year},
        _(
            "4. Costs are whole Rupiah written with digits: 15000000 or 15.000.000. Words such as 'juta', decimals and negative amounts are refused."
        ),
        _("5. Choose the sub-group, source of funds and status from the drop-down lists."),
        _(
            "6. Institutions and indicators: use the names and codes listed in Sipokja; separate several with a semicolon (;)."
        ),
        _("7. Activities whose name is already in the plan are refused; edit those in Sipokja."),
        _(
            "8. If any row has a problem, nothing is imported: Sipokja lists every problem with its row and column so you can fix the file and upload it again."
        ),
        "",
        _("Downloaded on %(date)s.") % {"date": format_date_id(_today())},
    ]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line)
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.column_dimensions["A"].width = 120


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def template_bytes(plan) -> bytes:
    """An empty import template for `plan` (headers with notes, drop-down lists)."""
    return _save(_workbook(plan, []))


def export_bytes(plan) -> bytes:
    """The plan's activities in the template's layout (so it can be imported elsewhere)."""
    activities = plan.activities.select_related("subgroup").prefetch_related(
        "institutions", "indicators"
    )
    return _save(_workbook(plan, activities))


# --- reading -------------------------------------------------------------------------------


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
                "column": get_column_letter(index + 1) if index is not None else "",
                "field": str(COLUMN_BY_KEY[key].label) if key in COLUMN_BY_KEY else "",
                "message": str(message),
            }
        )


def read_activities(plan, uploaded) -> tuple[list[ParsedRow], list[dict]]:
    """Read every row of an uploaded workbook into unsaved activities of `plan`.

    Returns (rows, errors); errors are `{"row", "column", "field", "message"}` with Excel row
    numbers and column letters. The caller writes nothing when errors is not empty."""
    from indicators.models import Indicator
    from workgroups.models import SubGroup

    errors = _Errors()
    try:
        uploaded.seek(0)
        workbook = load_workbook(io.BytesIO(uploaded.read()), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of errors on a damaged file
        errors.append(
            {
                "row": None,
                "column": "",
                "field": "",
                "message": _("The workbook cannot be read. Save it again as .xlsx and retry."),
            }
        )
        return [], errors
    sheet = workbook.worksheets[0]
    rows = sheet.iter_rows(values_only=True)

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
    workbook.close()
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


def _read_row(
    plan, number, cells, errors, *, subgroups, institutions, indicators, sources, statuses
):
    before = len(errors)
    activity = Activity(plan=plan)
    activity.title = _text(cells.get("title"))
    if not activity.title:
        errors.add(number, "title", _("Enter the activity."))

    name = _text(cells.get("subgroup"))
    if name:
        subgroup = subgroups.get(_normal(name))
        if subgroup is None:
            errors.add(
                number,
                "subgroup",
                _("Unknown sub-group “%(name)s”. Choose one from the list.") % {"name": name},
            )
        else:
            activity.subgroup = subgroup

    institution_ids = []
    for name in _split(cells.get("institutions")):
        pk = institutions.get(_normal(name))
        if pk is None:
            errors.add(
                number,
                "institutions",
                _("“%(name)s” is not an institution recorded for this region.") % {"name": name},
            )
        else:
            institution_ids.append(pk)

    for key in ("start_month", "end_month"):
        raw = cells.get(key)
        try:
            setattr(activity, key, parse_month(raw))
        except ValueError as exc:
            setattr(activity, key, None)
            errors.add(number, key, str(exc))

    indicator_ids = []
    for name in _split(cells.get("indicators")):
        pk = indicators.get(_normal(name))
        if pk is None:
            errors.add(
                number,
                "indicators",
                _("Unknown indicator “%(name)s”. Use a code from the catalogue.") % {"name": name},
            )
        else:
            indicator_ids.append(pk)

    try:
        activity.planned_cost = parse_amount(cells.get("planned_cost"))
    except ValueError as exc:
        errors.add(number, "planned_cost", str(exc))
        activity.planned_cost = 0

    source = _text(cells.get("cost_source"))
    if source:
        value = sources.get(_normal(source))
        if value is None:
            errors.add(
                number,
                "cost_source",
                _("Unknown source of funds “%(name)s”. Choose one from the list.")
                % {"name": source},
            )
        else:
            activity.cost_source = value

    status = _text(cells.get("status"))
    if status:
        value = statuses.get(_normal(status))
        if value is None:
            errors.add(
                number,
                "status",
                _("Unknown status “%(name)s”. Choose one from the list.") % {"name": status},
            )
        else:
            activity.status = value

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
