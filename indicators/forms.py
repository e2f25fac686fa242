from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import parsed
from core.spreadsheets import looks_like_workbook
from core.uploads import check_size, validate_spreadsheet
from indicators.models import (
    RESERVED_CODES,
    YEAR_MAX,
    YEAR_MIN,
    DataSource,
    Indicator,
    NationalTarget,
    Value,
)
from indicators.parsing import parse_number
from indicators.services import check_period, check_value


class NumberField(forms.CharField):
    """A number as people type it: `2,18` or `2.18` → Decimal."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": "30"})

    def to_python(self, value):
        return parsed(parse_number, super().to_python(value), self.empty_values)

    def prepare_value(self, value):
        if value is None or isinstance(value, str):
            return value
        text = format(value, "f")
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", ",")


def year_field(**kwargs):
    return forms.IntegerField(label=_("Year"), min_value=YEAR_MIN, max_value=YEAR_MAX, **kwargs)


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class IndicatorRecordForm(VersionForm):
    """A value for `self.indicator` (a target, a realisation, a national target), checked by
    `indicators.services.check_value` like the API and the import check it."""

    def clean_value(self):
        value = self.cleaned_data["value"]
        try:
            check_value(self.indicator, value)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        return value


class TargetForm(IndicatorRecordForm):
    year = year_field(initial=lambda: timezone.localdate().year)
    value = NumberField(label=_("Region target"))
    note = forms.CharField(
        label=_("Source document"),
        max_length=500,
        required=False,
        help_text=_("For example the planning document the target comes from (RPJMD, RKPD)."),
    )

    def __init__(self, *args, indicator, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if editing:
            self.fields["year"].disabled = True
        self.fields["value"].help_text = indicator.unit


class ValueForm(IndicatorRecordForm):
    year = year_field()
    period = forms.ChoiceField(label=_("Period"), choices=Value.Period.choices, required=False)
    source = forms.ChoiceField(label=_("Data source"), choices=DataSource.choices)
    value = NumberField(label=_("Realisation"))
    note = forms.CharField(label=_("Note"), max_length=500, required=False)

    def __init__(self, *args, indicator, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        allowed = indicator.allowed_period_kinds()
        self.fields["period"].choices = [
            (code, label)
            for code, label in Value.Period.choices
            if (not code and "year" in allowed)
            or (code.startswith("Q") and "quarter" in allowed)
            or (code.startswith("M") and "month" in allowed)
        ]
        self.fields["value"].help_text = indicator.unit
        if editing:
            for name in ("year", "period", "source"):
                self.fields[name].disabled = True

    def clean_period(self):
        period = self.cleaned_data.get("period") or ""
        try:
            check_period(self.indicator, period)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
        return period


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx, .xls, .ods or .csv)"),
        help_text=_("Use the template: one row per region, indicator, period and kind."),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        check_size(uploaded)
        uploaded.seek(0)
        head = uploaded.read(8)
        uploaded.seek(0)
        if looks_like_workbook(head):
            validate_spreadsheet(uploaded)
        else:
            sample = uploaded.read(4096)
            uploaded.seek(0)
            if b"\x00" in sample or sample[:5] == b"%PDF-":
                raise ValidationError(
                    _("The file is neither an Excel workbook (.xlsx) nor a CSV text file."),
                    code="not_spreadsheet",
                )
        return uploaded


class IndicatorForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Indicator
        fields = [
            "code",
            "name",
            "definition",
            "unit",
            "direction",
            "decimals",
            "usual_source",
            "periodicity",
            "max_value",
            "reference",
            "is_active",
            "order",
            "concept",
            "interpretation",
            "method",
            "formula",
            "collection_frequency",
            "disaggregation",
            "producer",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 4}),
            "concept": forms.Textarea(attrs={"rows": 3}),
            "interpretation": forms.Textarea(attrs={"rows": 3}),
            "method": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # Codes are used in spreadsheets and by other systems: they do not change.
            self.fields["code"].disabled = True

    def clean_code(self):
        code = self.cleaned_data["code"].lower()
        if code in RESERVED_CODES:
            raise ValidationError(_("This code is reserved; choose another."))
        return code


class NationalTargetForm(IndicatorRecordForm):
    year = year_field()
    value = NumberField(label=_("National target"))
    source = forms.CharField(
        label=_("Source"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=NationalTarget._meta.get_field("source").help_text,
    )
    is_uncertain = forms.BooleanField(
        label=_("Uncertain"),
        required=False,
        help_text=NationalTarget._meta.get_field("is_uncertain").help_text,
    )

    def __init__(self, *args, indicator, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        if editing:
            self.fields["year"].disabled = True


class AdoptionForm(forms.Form):
    """One checkbox, target and note per active indicator (fields `adopt_<id>`, `target_<id>`,
    `note_<id>`, `version_<id>`)."""

    def __init__(
        self, *args, indicators, adoptions, suggested_targets=None, preselect=(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.adoptions = adoptions
        suggested_targets = suggested_targets or {}
        for indicator in self.indicators:
            existing = adoptions.get(indicator.pk)
            pk = indicator.pk
            target = existing.target if existing else suggested_targets.get(pk)
            self.fields[f"adopt_{pk}"] = forms.BooleanField(
                label=indicator.name,
                required=False,
                initial=existing is not None or pk in preselect,
            )
            self.fields[f"target_{pk}"] = NumberField(
                label=_("Pokja target"), required=False, initial=target, help_text=indicator.unit
            )
            self.fields[f"note_{pk}"] = forms.CharField(
                label=_("Note"),
                max_length=500,
                required=False,
                initial=existing.note if existing else "",
            )
            self.fields[f"version_{pk}"] = forms.IntegerField(
                widget=forms.HiddenInput,
                required=False,
                initial=existing.version if existing else None,
            )
            self.fields[f"target_{pk}"].widget.attrs["aria-label"] = (
                f"{_('Pokja target')}: {indicator.name}"
            )
            self.fields[f"note_{pk}"].widget.attrs["aria-label"] = f"{_('Note')}: {indicator.name}"

    def rows(self):
        for indicator in self.indicators:
            pk = indicator.pk
            yield {
                "indicator": indicator,
                "adopt": self[f"adopt_{pk}"],
                "target": self[f"target_{pk}"],
                "note": self[f"note_{pk}"],
                "version": self[f"version_{pk}"],
            }

    def clean(self):
        cleaned = super().clean()
        for indicator in self.indicators:
            pk = indicator.pk
            target = cleaned.get(f"target_{pk}")
            if target is not None:
                try:
                    check_value(indicator, target)
                except ValueError as exc:
                    self.add_error(f"target_{pk}", str(exc))
        return cleaned
