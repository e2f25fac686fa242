from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.models import Criterion, CriterionReview


class SubmitForm(forms.Form):
    note = forms.CharField(
        label=_("Note for the verifier"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class ReviewForm(forms.Form):
    criterion = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (CriterionReview.Decision.ACCEPTED, _("Accept")),
            (CriterionReview.Decision.REJECTED, _("Reject")),
        ],
    )
    reason = forms.CharField(
        label=_("Reason (required when rejecting)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DeclarationForm(forms.Form):
    fulfilled = forms.TypedChoiceField(
        label=_("Is this criterion fulfilled?"),
        choices=[("1", _("Yes")), ("0", _("No"))],
        coerce=lambda v: v == "1",
    )
    note = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(label=_("Evidence (PDF)"), required=False)


class CriterionForm(forms.ModelForm):
    min_threshold = forms.IntegerField(
        label=_("Minimum (activities, indicators or Rupiah, depending on the kind)"),
        required=False,
        min_value=0,
    )

    class Meta:
        model = Criterion
        fields = ["name", "description", "is_active", "order"]

    THRESHOLD_KEYS = {
        Criterion.Kind.WORK_PLAN: "min_activities",
        Criterion.Kind.INDICATORS: "min_indicators",
        Criterion.Kind.PLANNING_INTEGRATION: "min_indicators",
        Criterion.Kind.BUDGET: "min_amount",
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        key = self.THRESHOLD_KEYS.get(self.instance.kind)
        if key:
            self.fields["min_threshold"].initial = self.instance.settings.get(key, 1)
        else:
            del self.fields["min_threshold"]

    def save(self, commit=True):
        key = self.THRESHOLD_KEYS.get(self.instance.kind)
        if key and self.cleaned_data.get("min_threshold") is not None:
            self.instance.settings = {
                **self.instance.settings,
                key: self.cleaned_data["min_threshold"],
            }
        return super().save(commit)


class ProvincialCriterionForm(forms.ModelForm):
    class Meta:
        model = Criterion
        fields = ["code", "name", "description", "is_active", "order"]
