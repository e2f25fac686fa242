"""Excel (.xlsx) files for Pokja members: the template to fill in, reading it back (.xlsx, .xls or
.ods, through core.spreadsheets), the export.

The template has one data sheet ("Anggota": a header row with a note on each header cell,
drop-down lists for role, sub-group, sector and institution), an instructions sheet
("Petunjuk") and a hidden sheet with the lists ("Pilihan"). Columns are recognised by their
header text (Indonesian or English), so a template downloaded in either language reads back.
"""

import datetime
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook as WriteWorkbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from core import exports
from core.formats import format_date_id, parse_date
from core.spreadsheets import SpreadsheetError, Workbook
from workgroups.models import Institution, Member
from workgroups.standard_offices import offered_names, standard_office
from workgroups.validators import normalize_phone

DATA_SHEET = "Anggota"
NOTES_SHEET = "Petunjuk"
LISTS_SHEET = "Pilihan"
TEMPLATE_ROWS = 1000  # rows prepared with drop-down lists
MAX_ROWS = 2000  # more than any Pokja has; protects the server from huge files
DATE_FORMAT = "DD/MM/YYYY"
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class Column:
    field: str
    label: str
    required: bool
    width: int
    note: str
    contact: bool = False


COLUMNS = [
    Column("name", gettext_lazy("Name"), True, 34, gettext_lazy("Full name with academic and other titles, as written in the decree (SK).")),
    Column("position", gettext_lazy("Position (jabatan)"), False, 36, gettext_lazy("The member's office, e.g. Kepala Dinas Kesehatan.")),
    Column("institution", gettext_lazy("Institution"), False, 38, gettext_lazy("Choose from the list, or type the name of an institution not yet recorded (then fill in its sector).")),
    Column("sector", gettext_lazy("Institution sector"), False, 30, gettext_lazy("Only needed for an institution not yet recorded in Sipokja. Choose from the list.")),
    Column("role", gettext_lazy("Role in the Pokja"), True, 30, gettext_lazy("Choose from the list: Pengarah, Penanggung Jawab, Ketua, Wakil Ketua, Sekretaris, Koordinator Bidang or Anggota.")),
    Column("subgroup", gettext_lazy("Sub-group"), False, 40, gettext_lazy("Choose from the list; leave empty for members outside the sub-groups (e.g. Pengarah).")),
    Column("phone", gettext_lazy("Phone"), False, 20, gettext_lazy("Mobile or office number, e.g. 0812 3456 7890."), contact=True),
    Column("email", gettext_lazy("E-mail"), False, 32, gettext_lazy("E.g. nama@gowakab.go.id."), contact=True),
    Column("active_from", gettext_lazy("Active from"), False, 16, gettext_lazy("Date, e.g. 25/07/2023. Empty: from the start.")),
    Column("active_until", gettext_lazy("Active until"), False, 16, gettext_lazy("Date, e.g. 31/12/2027. Empty: open-ended.")),
]  # fmt: skip


def _norm(value) -> str:
    return " ".join(str(value or "").split()).casefold()


def _labels(choices_class) -> dict[str, str]:
    """Lookup of every way a choice may be written: key, label in Indonesian and English, and
    the part in brackets or before them ("Chair (Ketua)" → "Ketua", "Chair")."""
    lookup = {}
    for value, label in choices_class.choices:
        lookup[_norm(value)] = value
        for language in ("id", "en"):
            with translation.override(language):
                text = str(label)
            lookup[_norm(text)] = value
            if match := re.match(r"^(.*?)\s*\((.+)\)\s*$", text):
                lookup[_norm(match.group(1))] = value
                lookup[_norm(match.group(2))] = value
    return lookup


def _header_lookup() -> dict[str, str]:
    lookup = {}
    for column in COLUMNS:
        lookup[_norm(column.field)] = column.field
        for language in ("id", "en"):
            with translation.override(language):
                lookup[_norm(str(column.label))] = column.field
    return lookup


def _role_labels():
    return [str(label) for _value, label in Member.Role.choices]


def _sector_labels():
    return [str(label) for _value, label in Institution.Sector.choices]


# --------------------------------------------------------------------------------------------
# Template


def _write_header(ws, columns, *, notes=True):
    for index, column in enumerate(columns, start=1):
        cell = exports.put(ws, 1, index, str(column.label) + (" *" if column.required else ""))
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if notes:
            cell.comment = Comment(str(column.note), "Sipokja", width=260, height=110)
        ws.column_dimensions[get_column_letter(index)].width = column.width
    ws.freeze_panes = "A2"


def _list_validation(ws, letter, source, *, strict=True):
    validation = DataValidation(type="list", formula1=source, allow_blank=True)
    validation.showDropDown = False  # (sic) False shows the arrow in Excel
    if strict:
        validation.showErrorMessage = True
        validation.errorTitle = _("Not in the list")
        validation.error = _("Choose a value from the drop-down list.")
    else:
        validation.showErrorMessage = False
    validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    ws.add_data_validation(validation)


def members_template(workgroup, subgroups, institutions) -> bytes:
    """The members template for `workgroup`: drop-down lists offer the roles, the given
    sub-groups and sectors, the region's institutions and the standard offices of a kab/kota
    it has not recorded (workgroups.standard_offices; other new names may still be typed)."""
    wb = WriteWorkbook()
    ws = wb.active
    ws.title = DATA_SHEET
    _write_header(ws, COLUMNS)
    letters = {c.field: get_column_letter(i) for i, c in enumerate(COLUMNS, start=1)}
    for row in range(2, TEMPLATE_ROWS + 2):
        ws[f"{letters['phone']}{row}"].number_format = "@"  # keep the leading zero
        ws[f"{letters['active_from']}{row}"].number_format = DATE_FORMAT
        ws[f"{letters['active_until']}{row}"].number_format = DATE_FORMAT

    lists = wb.create_sheet(LISTS_SHEET)
    columns = [
        (_("Role in the Pokja"), _role_labels()),
        (_("Sub-group"), [s.name for s in subgroups]),
        (_("Institution sector"), _sector_labels()),
        (_("Institution"), offered_names(institutions)),
    ]
    for col, (title, values) in enumerate(columns, start=1):
        exports.put(lists, 1, col, title).font = Font(bold=True)
        for row, value in enumerate(values, start=2):
            exports.put(lists, row, col, value)
        lists.column_dimensions[get_column_letter(col)].width = 45
    lists.sheet_state = "hidden"

    def source(col, values):
        letter = get_column_letter(col)
        return f"{LISTS_SHEET}!${letter}$2:${letter}${len(values) + 1}"

    _list_validation(ws, letters["role"], source(1, columns[0][1]))
    if columns[1][1]:
        _list_validation(ws, letters["subgroup"], source(2, columns[1][1]))
    _list_validation(ws, letters["sector"], source(3, columns[2][1]))
    if columns[3][1]:
        _list_validation(ws, letters["institution"], source(4, columns[3][1]), strict=False)

    notes = wb.create_sheet(NOTES_SHEET)
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 12
    notes.column_dimensions["C"].width = 90
    lines = [
        _("Members of %(pokja)s") % {"pokja": workgroup.name},
        _(
            "Fill in one member per row on the sheet “%(sheet)s”, from row 2. Columns marked * are required."
        )
        % {"sheet": DATA_SHEET},
        _(
            "The whole file is checked before anything is saved: if one row is wrong, nothing is imported and every problem is listed by row and column."
        ),
        _("Do not rename or reorder the header row."),
    ]
    exports.put(notes, 1, 1, lines[0]).font = Font(bold=True, size=13)
    for row, line in enumerate(lines[1:], start=2):
        exports.put(notes, row, 1, line)
    header_row = len(lines) + 2
    for col, title in enumerate([_("Column"), _("Required"), _("How to fill it in")], start=1):
        cell = exports.put(notes, header_row, col, title)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
    for offset, column in enumerate(COLUMNS, start=1):
        letter = get_column_letter(offset)
        exports.put(notes, header_row + offset, 1, f"{letter}: {column.label}")
        exports.put(notes, header_row + offset, 2, _("yes") if column.required else _("no"))
        exports.put(notes, header_row + offset, 3, str(column.note)).alignment = Alignment(
            wrap_text=True
        )
    wb.active = 0
    return _bytes(wb)


def _bytes(wb) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


# --------------------------------------------------------------------------------------------
# Reading


@dataclass
class ParsedRow:
    row: int
    fields: dict = field(default_factory=dict)
    # (name, sector) of an institution to create for this row.
    new_institution: tuple | None = None


class _Errors(list):
    def add(self, row, letter, column_field, message):
        label = next((str(c.label) for c in COLUMNS if c.field == column_field), column_field)
        self.append(
            {
                "row": row,
                "column": letter,
                "field": column_field,
                "label": label,
                "message": str(message),
            }
        )


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _date(value):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return parse_date(_text(value))
    except ValueError:
        raise ValueError(
            _("%(value)s is not a date. Write it as 25/07/2023 or 25 Juli 2023.")
            % {"value": _text(value)}
        ) from None


def read_members(workgroup, uploaded, *, subgroups, institutions, existing_names):
    """Validate every row of a filled-in template. Returns (rows, errors); `errors` is a list
    of {row, column, field, label, message} (row numbers and column letters as Excel shows
    them). Nothing is written here."""
    errors = _Errors()
    try:
        wb = Workbook(uploaded)
        rows = wb.rows(DATA_SHEET)
    except SpreadsheetError as exc:
        message = (
            exc.messages[0]
            if exc.code not in ("damaged", "not_spreadsheet")
            else _("The workbook cannot be read. Save it again as .xlsx and retry.")
        )
        errors.add(1, "", "", message)
        return [], errors
    try:
        return _read_sheet(rows, errors, subgroups, institutions, existing_names)
    finally:
        wb.close()


def _read_sheet(rows, errors, subgroups, institutions, existing_names):
    rows_iter = (values for _number, values in rows)
    header = next(rows_iter, None) or ()
    lookup = _header_lookup()
    positions = {}
    for index, value in enumerate(header):
        key = lookup.get(_norm(str(value or "").rstrip(" *")))
        if key and key not in positions:
            positions[key] = index
    for column in COLUMNS:
        if column.required and column.field not in positions:
            errors.add(
                1, "", column.field,
                _("The column “%(column)s” is missing from the header row. Use the template downloaded from Sipokja.")
                % {"column": column.label},
            )  # fmt: skip
    if errors:
        return [], errors

    roles = _labels(Member.Role)
    sectors = _labels(Institution.Sector)
    subgroup_lookup = {}
    for subgroup in subgroups:
        subgroup_lookup[_norm(subgroup.name)] = subgroup
        subgroup_lookup[_norm(subgroup.code)] = subgroup
    institution_lookup = {_norm(i.name): i for i in institutions}
    existing = {_norm(name) for name in existing_names}
    seen_names: dict[str, int] = {}
    letters = {key: get_column_letter(index + 1) for key, index in positions.items()}
    parsed = []
    not_listed = {
        "subgroup": _("“%(value)s” is not a sub-group of this Pokja. Choose one from the list."),
        "sector": _("“%(value)s” is not a sector. Choose one from the list."),
    }

    for row_number, values in enumerate(rows_iter, start=2):
        values = tuple(values or ())

        def cell(key, values=values):
            index = positions.get(key)
            return values[index] if index is not None and index < len(values) else None

        if all(_text(v) == "" for v in values):
            continue
        if len(parsed) >= MAX_ROWS:
            errors.add(
                row_number,
                "",
                "",
                _("The file has more than %(max)d members. Split it into smaller files.")
                % {"max": MAX_ROWS},
            )
            break
        row = ParsedRow(row_number)
        before = len(errors)

        def error(key, message, row_number=row_number):
            errors.add(row_number, letters.get(key, ""), key, message)

        def choice(key, text, lookup):
            """The entry of `lookup` that `text` names (None when empty); the column's
            `not_listed` error when `text` names none of them."""
            found = lookup.get(_norm(text)) if text else None
            if text and found is None:
                error(key, not_listed[key] % {"value": text})
            return found

        # Name
        name = _text(cell("name"))
        if not name:
            error("name", _("The name is required."))
        elif len(name) > 150:
            error("name", _("The name is longer than %(max)d characters.") % {"max": 150})
        elif _norm(name) in seen_names:
            error(
                "name",
                _("%(name)s is also in row %(row)d.")
                % {"name": name, "row": seen_names[_norm(name)]},
            )
        elif _norm(name) in existing:
            error("name", _("%(name)s is already a member of this Pokja.") % {"name": name})
        if name:
            seen_names.setdefault(_norm(name), row_number)
        row.fields["name"] = name

        position = _text(cell("position"))
        if len(position) > 200:
            error("position", _("The position is longer than %(max)d characters.") % {"max": 200})
        row.fields["position"] = position

        # Role
        role_text = _text(cell("role"))
        role = roles.get(_norm(role_text))
        if not role_text:
            error("role", _("The role is required. Choose it from the list."))
        elif role is None:
            error(
                "role",
                _("“%(value)s” is not a role. Choose one from the list.") % {"value": role_text},
            )
        row.fields["role"] = role or Member.Role.MEMBER

        # Sub-group
        subgroup_text = _text(cell("subgroup"))
        subgroup = choice("subgroup", subgroup_text, subgroup_lookup)
        row.fields["subgroup"] = subgroup

        # Institution and sector
        institution_text = _text(cell("institution"))
        sector_text = _text(cell("sector"))
        sector = choice("sector", sector_text, sectors)
        institution = None
        if institution_text:
            institution = institution_lookup.get(_norm(institution_text))
            standard = standard_office(institution_text) if institution is None else None
            if standard and not sector_text:
                row.new_institution = standard
            elif institution is None:
                if len(institution_text) > 200:
                    error(
                        "institution",
                        _("The institution name is longer than %(max)d characters.") % {"max": 200},
                    )
                elif not sector_text:
                    error(
                        "sector" if "sector" in positions else "institution",
                        _("%(name)s is not yet recorded for this region. Fill in its sector so it can be added.") % {"name": institution_text},
                    )  # fmt: skip
                elif sector:
                    row.new_institution = (institution_text, sector)
        row.fields["institution"] = institution

        # Contact
        try:
            row.fields["phone"] = normalize_phone(cell("phone"))
        except ValidationError as exc:
            error("phone", exc.messages[0])
        email = _text(cell("email"))
        if email:
            try:
                validate_email(email)
            except ValidationError:
                error("email", _("%(value)s is not an e-mail address.") % {"value": email})
        row.fields["email"] = email

        # Active period
        for key in ("active_from", "active_until"):
            try:
                row.fields[key] = _date(cell(key))
            except ValueError as exc:
                error(key, str(exc))
                row.fields[key] = None
        start, end = row.fields["active_from"], row.fields["active_until"]
        if start and end and end < start:
            error("active_until", _("The end of the active period is before its start."))

        if len(errors) == before:
            parsed.append(row)
    return parsed, errors


# --------------------------------------------------------------------------------------------
# Export


def export_members(workgroup, members, *, include_contact: bool) -> bytes:
    """The members as a workbook in the template's layout. Without `include_contact` the phone
    and e-mail columns are left out entirely."""
    columns = [c for c in COLUMNS if include_contact or not c.contact]
    wb = WriteWorkbook()
    ws = wb.active
    ws.title = DATA_SHEET
    _write_header(ws, columns, notes=False)
    for row, member in enumerate(members, start=2):
        values = {
            "name": member.name,
            "position": member.position,
            "institution": member.institution.name if member.institution else "",
            "sector": member.institution.get_sector_display() if member.institution else "",
            "role": member.get_role_display(),
            "subgroup": member.subgroup.name if member.subgroup else "",
            "phone": member.phone,
            "email": member.email,
            "active_from": member.active_from,
            "active_until": member.active_until,
        }
        for col, column in enumerate(columns, start=1):
            cell = exports.put(ws, row, col, values[column.field] or None)
            if column.field in ("active_from", "active_until"):
                cell.number_format = DATE_FORMAT
            elif column.field == "phone":
                cell.number_format = "@"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(len(members) + 1, 1)}"

    info = wb.create_sheet("Info")
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 70
    lines = [
        (_("Pokja"), workgroup.name),
        (_("Region"), str(workgroup.region.display_name)),
        (_("Exported on"), format_date_id(timezone.localdate())),
        (_("Members"), len(members)),
    ]
    if not include_contact:
        lines.append(
            (
                _("Note"),
                _(
                    "Phone numbers and e-mail addresses are left out: you do not have the right to see them."
                ),
            )
        )
    for row, (label, value) in enumerate(lines, start=1):
        exports.put(info, row, 1, label).font = Font(bold=True)
        exports.put(info, row, 2, value)
    return _bytes(wb)
