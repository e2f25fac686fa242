from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import IndonesianDateField, VersionedForm
from planning.fields import PdfField
from policies.models import Policy


class PolicyForm(VersionedForm, forms.ModelForm):
    removable_file = "file"

    issued_on = IndonesianDateField(label=_("Date enacted"), required=False)
    file = PdfField(label=_("Document (PDF)"))

    class Meta:
        model = Policy
        fields = [
            "kind",
            "number",
            "title",
            "status",
            "issued_on",
            "subgroup",
            "period_start",
            "period_end",
            "summary",
            "indicators",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, region, **kwargs):
        from indicators.models import Indicator
        from workgroups.models import SubGroup

        super().__init__(*args, **kwargs)
        self.instance.region = region
        kinds = [
            (value, label)
            for value, label in Policy.Kind.choices
            if not (value in Policy.PROVINCE_ONLY and not region.is_province)
            and not (value in Policy.REGENCY_ONLY and region.is_province)
        ]
        self.fields["kind"].choices = [("", "---------"), *kinds]
        self.fields["subgroup"].queryset = SubGroup.objects.filter(is_active=True)
        self.fields["indicators"].queryset = Indicator.objects.filter(is_active=True)

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if data.get("indicators") and kind and kind not in Policy.PLANNING_KINDS:
            self.add_error(
                "indicators",
                _(
                    "Integrated indicators are recorded for planning documents only (RPJMD, RKPD, Renstra OPD, GDPK)."
                ),
            )
        return data


class PolicyFilter(forms.Form):
    kind = forms.ChoiceField(label=_("type"), required=False)
    status = forms.ChoiceField(label=_("status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All types")), *Policy.Kind.choices]
        self.fields["status"].choices = [("", _("All statuses")), *Policy.Status.choices]
