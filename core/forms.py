"""Form pieces every screen shares: the optimistic-lock version field, the delete/confirm form
that carries it, the one way to show a service's refusal on a form (see accounts/crud.py), and
the date picker that also reads dates typed the Indonesian way."""

from django import forms
from django.core.exceptions import ValidationError

from core.formats import parse_date


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
