from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import IndonesianDateField, SpreadsheetField, VersionedForm, VersionField
from core.uploads import check_size, validate_image, validate_pdf
from planning.common import year_choices
from planning.fields import PdfField, RupiahField
from planning.models import Activity, WorkPlan


class PlanForm(forms.ModelForm):
    """Create (with a year) or edit a work plan's title, notes and signed document."""

    document = PdfField(label=_("Signed document (PDF)"))
    remove_document = forms.BooleanField(label=_("Remove the current document"), required=False)
    version = VersionField(required=False)

    class Meta:
        model = WorkPlan
        fields = ["year", "title", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, workgroup=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.workgroup = workgroup
        creating = self.instance.pk is None
        if creating:
            taken = set(workgroup.work_plans.values_list("year", flat=True)) if workgroup else set()
            years = [y for y in year_choices() if y not in taken]
            self.fields["year"] = forms.TypedChoiceField(
                label=_("year"),
                choices=[(y, y) for y in years],
                coerce=int,
                initial=timezone.localdate().year,
            )
            del self.fields["remove_document"]
            del self.fields["version"]
        elif self.instance.is_approved:
            del self.fields["year"]
            self.fields["version"].required = True
        else:  # a draft's year can be corrected, to a year without another plan
            taken = set(
                WorkPlan.objects.filter(workgroup_id=self.instance.workgroup_id)
                .exclude(pk=self.instance.pk)
                .values_list("year", flat=True)
            )
            years = sorted({*year_choices(), self.instance.year} - taken, reverse=True)
            self.fields["year"] = forms.TypedChoiceField(
                label=_("year"),
                choices=[(y, y) for y in years],
                coerce=int,
                empty_value=None,
                required=False,  # left out: the plan keeps its year
                initial=self.instance.year,
                help_text=_("Correct the year if the plan was recorded for the wrong year."),
            )
            self.fields["version"].required = True
            if not self.instance.document or self.instance.is_approved:
                del self.fields["remove_document"]
        self.fields["title"].help_text = _(
            "Optional, e.g. Rencana Kerja Pokja Bangga Kencana 2025."
        )

    def _post_clean(self):
        if self.workgroup is not None and self.instance.pk is None:
            self.instance.workgroup = self.workgroup
        year = self.instance.year
        super()._post_clean()
        if self.instance.pk:  # a corrected year is the service's change (checks, audit)
            self.instance.year = year


class ApproveForm(forms.Form):
    approved_on = IndonesianDateField(label=_("Approval date"))
    approver_name = forms.CharField(label=_("Approved by (name)"), max_length=150)
    approver_position = forms.CharField(
        label=_("Approver's position"),
        max_length=200,
        required=False,
        help_text=_("For example Bupati Gowa, or Ketua Pokja Bangga Kencana."),
    )
    document = PdfField(label=_("Signed document (PDF)"))
    version = VersionField()

    def clean_approved_on(self):
        value = self.cleaned_data["approved_on"]
        if value and value > timezone.localdate():
            raise ValidationError(_("The approval date cannot be in the future."))
        return value


class ActivityForm(VersionedForm, forms.ModelForm):
    removable_file = "evidence"
    remove_label = _("Remove the current evidence")

    planned_cost = RupiahField(
        label=_("Planned cost (Rp)"),
        required=False,
        help_text=_("Whole Rupiah, e.g. 15.000.000. Leave empty when there is no cost."),
    )
    evidence = forms.FileField(
        label=_("Evidence (PDF or photo)"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf,image/png,image/jpeg"}),
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "subgroup",
            "institutions",
            "start_month",
            "end_month",
            "expected_output",
            "indicators",
            "planned_cost",
            "cost_source",
            "status",
            "progress_note",
        ]
        widgets = {
            "expected_output": forms.Textarea(attrs={"rows": 2}),
            "progress_note": forms.Textarea(attrs={"rows": 2}),
            "institutions": forms.CheckboxSelectMultiple,
            "indicators": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan, **kwargs):
        from indicators.models import Indicator
        from workgroups.models import SubGroup

        super().__init__(*args, **kwargs)
        self.plan = plan
        self.instance.plan = plan
        self.fields["subgroup"].queryset = SubGroup.objects.filter(is_active=True)
        self.fields["institutions"].queryset = plan.workgroup.region.institutions.all()
        self.fields["indicators"].queryset = Indicator.objects.filter(is_active=True)
        self.fields["institutions"].help_text = _("Institutions recorded for this region's Pokja.")
        if self.instance.pk is None:
            # A new activity runs all year unless the user says otherwise.
            self.fields["start_month"].initial = self.fields["start_month"].initial or 1
            self.fields["end_month"].initial = self.fields["end_month"].initial or 12

    def clean_planned_cost(self):
        return self.cleaned_data.get("planned_cost") or 0

    def clean_evidence(self):
        uploaded = self.cleaned_data.get("evidence")
        if isinstance(uploaded, UploadedFile):
            check_size(uploaded)
            try:
                validate_pdf(uploaded)
            except ValidationError as exc:
                if exc.code == "active_content":
                    raise
                try:
                    validate_image(uploaded)
                except ValidationError:
                    raise ValidationError(
                        _("The evidence must be a PDF document or a photo (PNG or JPEG).")
                    ) from None
        return uploaded


class ImportForm(forms.Form):
    file = SpreadsheetField(label=_("Spreadsheet (.xlsx, .xls or .ods)"))
