from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from letters.models import DEFAULT_CLASSIFICATION, Letter, LetterType
from letters.numbering import PLACEHOLDERS


class RegisterFilter(forms.Form):
    """Filters of the register: year, type, status and a text search (number, subject,
    recipient)."""

    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    q = forms.CharField(label=_("Search"), max_length=100, required=False)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["type"].choices = [("", _("All types")), *LetterType.choices]
        self.fields["status"].choices = [("", _("All statuses")), *Letter.Status.choices]

    def filter(self, letters, default_year):
        data = self.cleaned_data if self.is_valid() else {}
        year = data.get("year") or default_year
        letters = letters.filter(year=year)
        if data.get("type"):
            letters = letters.filter(letter_type=data["type"])
        if data.get("status"):
            letters = letters.filter(status=data["status"])
        text = (data.get("q") or "").strip()
        if text:
            from django.db.models import Q

            letters = letters.filter(
                Q(number__icontains=text)
                | Q(subject__icontains=text)
                | Q(recipient__icontains=text)
            )
        return letters, year


class LetterForm(forms.Form):
    """Taking a number by hand for a letter written outside Sipokja."""

    letter_type = forms.ChoiceField(label=_("Type"), choices=LetterType.choices)
    subject = forms.CharField(label=_("Subject (hal)"), max_length=300)
    recipient = forms.CharField(label=_("Recipient"), max_length=300, required=False)
    letter_date = forms.DateField(
        label=_("Letter date"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Today when left empty."),
    )

    def clean_letter_date(self):
        day = self.cleaned_data.get("letter_date")
        today = timezone.localdate()
        if day and day.year != today.year:
            raise forms.ValidationError(_("Numbers are taken in the current year's register."))
        return day


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for cancelling"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class NumberingForm(forms.Form):
    pattern = forms.CharField(
        label=_("Number pattern"),
        max_length=120,
    )
    unit_code = forms.CharField(label=_("Unit code"), max_length=40, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pattern"].help_text = _("Placeholders: %(names)s.") % {
            "names": ", ".join("{" + name + "}" for name in PLACEHOLDERS)
        }
        for value, label in LetterType.choices:
            self.fields[f"code_{value}"] = forms.CharField(
                label=_("Classification code: %(type)s") % {"type": label},
                max_length=40,
                required=False,
                help_text=_("Empty: %(code)s") % {"code": DEFAULT_CLASSIFICATION},
            )

    def classifications(self) -> dict:
        return {value: self.cleaned_data.get(f"code_{value}", "") for value in LetterType.values}


class CertificateForm(forms.Form):
    file = forms.FileField(label=_("Certificate (PKCS#12, .p12 or .pfx)"))
    password = forms.CharField(
        label=_("Password of the certificate file"),
        required=False,
        widget=forms.PasswordInput(render_value=False),
    )
    signer_name = forms.CharField(
        label=_("Signer's name as printed"),
        max_length=200,
        required=False,
        help_text=_("Empty: the name in the certificate."),
    )
    signer_title = forms.CharField(
        label=_("Signer's position"),
        max_length=200,
        required=False,
        help_text=_("E.g. Kepala Perwakilan BKKBN Provinsi Sulawesi Selatan."),
    )

    def clean_file(self):
        from core.uploads import check_size

        uploaded = self.cleaned_data["file"]
        check_size(uploaded)
        if uploaded.size > 256 * 1024:
            raise forms.ValidationError(_("A certificate file is far smaller than this."))
        return uploaded


class CopyForm(forms.Form):
    file = forms.FileField(label=_("Your copy of the document (PDF)"))

    def clean_file(self):
        from core.uploads import check_size

        uploaded = self.cleaned_data["file"]
        check_size(uploaded)
        return uploaded


class LookupForm(forms.Form):
    code = forms.CharField(label=_("Verification code"), max_length=32)
