from django import forms
from django.apps import apps
from django.utils.translation import gettext_lazy as _

from core.privacy import CONSENT_PURPOSES
from privacy.models import Breach, Consent, Controller, DataRequest


class ControllerForm(forms.ModelForm):
    class Meta:
        model = Controller
        fields = ["controller_name", "address", "dpo_name", "dpo_email", "dpo_phone"]


class RequestForm(forms.ModelForm):
    class Meta:
        model = DataRequest
        fields = ["kind", "requester_name", "subject_name", "member", "details"]
        labels = {"member": _("member (if the person is a member)")}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        Member = apps.get_model("workgroups", "Member")
        self.fields["member"].queryset = Member.objects.filter(
            workgroup__region__in=[region, *region.children.all()]
        )


class CloseRequestForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[(DataRequest.Status.DONE, _("Done")), (DataRequest.Status.REFUSED, _("Refused"))],
    )
    outcome = forms.CharField(label=_("what was done"), widget=forms.Textarea)


class ConsentForm(forms.Form):
    purpose = forms.ChoiceField(label=_("use"), choices=list(CONSENT_PURPOSES.items()))
    method = forms.ChoiceField(label=_("how"), choices=Consent.Method.choices)
    text = forms.CharField(label=_("text shown"), widget=forms.Textarea)


class BreachForm(forms.ModelForm):
    class Meta:
        model = Breach
        fields = [
            "title",
            "data_affected",
            "subjects_count",
            "occurred_at",
            "discovered_at",
            "how",
            "actions",
        ]
        widgets = {
            "occurred_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "discovered_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
        }


class BreachStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("status"), choices=Breach.Status.choices)
    actions = forms.CharField(label=_("what was done"), widget=forms.Textarea, required=False)


class OwnContactForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=150)
    phone = forms.CharField(label=_("phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
