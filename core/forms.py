"""Form pieces every screen shares: the optimistic-lock version field, the form mixin that
asks for it when editing, the delete/confirm form that carries it, the one way to show a
service's refusal on a form (see accounts/crud.py), and the date picker that also reads dates
typed the Indonesian way."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from core.formats import parse_date
from core.uploads import validate_spreadsheet

SPREADSHEET_ACCEPT = (
    ".xlsx,.xls,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
)


def parsed(parse, value, empty_values=forms.Field.empty_values):
    """A form field's `to_python` through `parse` (a function that raises ValueError with the
    message to show): None for an empty value, the message as the field's error."""
    if value in empty_values:
        return None
    try:
        return parse(value)
    except ValueError as exc:
        raise ValidationError(str(exc), code="invalid") from None


class DateInput(forms.DateInput):
    """The browser's date picker (`<input type="date">`, ISO value)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class IndonesianDateField(forms.DateField):
    """A date picker that also accepts `25/07/2023` and `25 Juli 2023` typed by hand."""

    widget = DateInput

    def to_python(self, value):
        return parsed(parse_date, value, self.empty_values)


class VersionField(forms.IntegerField):
    """The version the user's form was based on (optimistic locking, core.concurrency)."""

    widget = forms.HiddenInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", 1)
        super().__init__(*args, **kwargs)


class VersionedForm:
    """A ModelForm mixin for a record kept with a version (optimistic locking, core.concurrency).

    Editing, the form requires the version the user saw (a hidden `version` field); a new
    record's form has none. `removable_file` names the model's file field whose stored file the
    form may remove: editing a record that has one, the form offers the `remove_<name>` checkbox
    (labelled `remove_label`); the service removes the file when it is ticked."""

    removable_file = ""
    remove_label = gettext_lazy("Remove the current document")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        if self.removable_file and getattr(self.instance, self.removable_file):
            self.fields[f"remove_{self.removable_file}"] = forms.BooleanField(
                label=self.remove_label, required=False
            )
        self.fields["version"] = VersionField()


class SpreadsheetField(forms.FileField):
    """An uploaded workbook (.xlsx, .xls or .ods) to import: the browser's file picker offers
    spreadsheets, and the upload is checked by content with `check` (by default
    core.uploads.validate_spreadsheet; an app passes its own wording of the refusals)."""

    def __init__(self, *, check=validate_spreadsheet, **kwargs):
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": SPREADSHEET_ACCEPT}))
        super().__init__(**kwargs)
        self.check = check

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if uploaded:
            self.check(uploaded)
        return uploaded


class ConfirmForm(forms.Form):
    """A delete or other confirmation carrying the version the user saw."""

    version = VersionField()


def add_errors(form, exc) -> None:
    """Show a service's refusal on the form: a DomainError's `{"field", "message"}` entries (or
    a model ValidationError's fields) on the fields the form has, the rest above the form.
    Spreadsheet-row entries (`"row"`) are never placed on a field."""
    if isinstance(exc, ValidationError):
        if hasattr(exc, "error_dict"):
            for field, errors in exc.error_dict.items():
                target = field if field in form.fields else None
                for error in errors:
                    form.add_error(target, error)
        else:
            for message in exc.messages:
                form.add_error(None, message)
        return
    placed = False
    for error in exc.errors:
        name = error.get("field")
        if name and name in form.fields and "row" not in error:
            form.add_error(name, error["message"])
            placed = True
    if not placed:
        form.add_error(None, exc.message)
