"""Activities of a work plan as an Excel workbook: the import template and the export; the
all-or-nothing reader (every problem listed by row and column; nothing is written unless the
whole file is valid) is in planning/excel_reading.py.

The sheet "Kegiatan" has a title, a note, then the header row and one activity per row. Column
headers are recognised in Indonesian and English, so an export can be edited and imported into
another year's plan (for example to start 2026 from 2025's activities).
"""

import io
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import exports
from core.formats import MONTHS_ID, format_date_id
from planning.choices import FundingSource
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
    title = _("Work plan of the Pokja Bangga Kencana, %(region)s, year %(year)s") % {
        "region": region.display_name,
        "year": plan.year,
    }
    exports.put(sheet, 1, 1, title)
    sheet["A1"].font = Font(bold=True, size=13)
    note = _(
        "One activity per row from row 5. Columns marked * are required. Hover over a column "
        "header for help; see the sheet '%(sheet)s'. Do not change the headers in row 4."
    ) % {"sheet": _("Instructions")}
    exports.put(sheet, 2, 1, note)
    sheet["A2"].font = Font(italic=True)
    header_row = 4
    for index, column in enumerate(COLUMNS, start=1):
        label = str(column.label) + (" *" if column.required else "")
        cell = exports.put(sheet, header_row, index, label)
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
            cell = exports.put(sheet, row, index, values[column.key])
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
        exports.put(data, 1, index, headings[key]).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            exports.put(data, row, index, value)
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
        exports.put(sheet, row, 1, line)
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


# --- reading ---------------------------------------------------------------------------------


def read_activities(plan, uploaded):
    """See planning.excel_reading.read_activities."""
    from planning.excel_reading import read_activities as read

    return read(plan, uploaded)
