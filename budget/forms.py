from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from budget.models import BudgetAllocation, BudgetCalendar
from budget.services import ALLOCATION_FIELDS
from core.forms import IndonesianDateField, VersionedForm, VersionField
from planning.common import year_choices
from planning.fields import PdfField, RupiahField


class AllocationForm(VersionedForm, forms.ModelForm):
    """A budget allocation: amounts typed as `1.250.000` (whole Rupiah)."""

    removable_file = "document"

    year = forms.TypedChoiceField(label=_("Budget year"), coerce=int)
    amount = RupiahField(label=_("Amount (Rp)"), help_text=_("Whole Rupiah, e.g. 150.000.000."))
    realised = RupiahField(
        label=_("Realised (Rp)"),
        required=False,
        help_text=_("Spent so far; not more than the amount. Leave empty if nothing yet."),
    )
    realised_on = IndonesianDateField(label=_("Realisation as of"), required=False)
    document = PdfField(label=_("Budget document (PDF)"))

    class Meta:
        model = BudgetAllocation
        fields = list(ALLOCATION_FIELDS)
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        extra = [self.instance.year] if self.instance.pk else []
        self.fields["year"].choices = [(y, y) for y in year_choices(extra)]
        if self.instance.pk is None:
            self.fields["year"].initial = timezone.localdate().year

    def clean_realised(self):
        return self.cleaned_data.get("realised") or 0


class CalendarForm(forms.ModelForm):
    """A region's budget calendar for one budget year (dates typed as dd-mm-yyyy)."""

    rkpd_from = IndonesianDateField(label=_("RKPD drafting starts"))
    rkpd_until = IndonesianDateField(label=_("RKPD drafting ends"))
    kua_ppas = IndonesianDateField(label=_("KUA-PPAS agreed by"))
    rapbd = IndonesianDateField(label=_("RAPBD approved by"))
    version = VersionField(required=False)

    class Meta:
        model = BudgetCalendar
        fields = ["rkpd_from", "rkpd_until", "kua_ppas", "rapbd", "warn_weeks", "note"]


class AdvocacyLetterForm(forms.Form):
    """What the province adds to the advocacy letter: the budget the Pokja asks for."""

    amount = RupiahField(
        label=_("Budget asked (Rp)"),
        required=False,
        help_text=_("The Pokja's budget proposal, e.g. 150.000.000. Leave empty if unknown."),
    )
    sign = forms.BooleanField(label=_("Sign electronically"), required=False)
