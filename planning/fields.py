"""Form fields with Indonesian formats, shared by the planning, budget and policies forms."""

from django import forms
from django.core.files.uploadedfile import UploadedFile

from core.formats import parse_rupiah
from core.forms import parsed
from core.uploads import validate_pdf


class RupiahField(forms.CharField):
    """Whole Rupiah typed as `1250000`, `1.250.000` or `Rp 1.250.000`; refuses `1,5 juta`,
    decimals and negatives with core.formats' message. Cleans to an int."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "numeric", "autocomplete": "off", "maxlength": "40"}
            ),
        )
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            return f"{value:,}".replace(",", ".")
        return value

    def to_python(self, value):
        return parsed(parse_rupiah, super().to_python(value), self.empty_values)


class PdfField(forms.FileField):
    """An optional PDF upload, checked by content."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.FileInput(attrs={"accept": "application/pdf,.pdf"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        uploaded = super().clean(data, initial)
        if isinstance(uploaded, UploadedFile):
            validate_pdf(uploaded)
        return uploaded
