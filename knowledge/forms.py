from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import IndonesianDateField, VersionedForm
from knowledge.models import KnowledgeDocument, StrategicIssue
from knowledge.services import DOCUMENT_FIELDS, ISSUE_FIELDS
from knowledge.validators import document_format

ACCEPT = (
    "application/pdf,.pdf,"
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.xlsx,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx"
)
NATIONAL = "national"


class ActivityChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.plan.year} · {obj.title}"


class IssueForm(VersionedForm, forms.ModelForm):
    activities = ActivityChoice(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Answering activities"),
        help_text=_("Activities of this region's work plans within the issue's period."),
    )

    class Meta:
        model = StrategicIssue
        fields = [*ISSUE_FIELDS, "indicators", "activities", "policies"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "indicators": forms.CheckboxSelectMultiple,
            "policies": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "indicators": _(
                "The indicators that show the problem; their latest achievement is shown."
            ),
            "policies": _("Regional policies of this region that answer the issue."),
        }

    def __init__(self, *args, region, **kwargs):
        from indicators.models import Indicator
        from planning.models import Activity
        from policies.models import Policy
        from workgroups.models import SubGroup

        super().__init__(*args, **kwargs)
        self.instance.region = region
        self.fields["subgroup"].queryset = SubGroup.objects.filter(is_active=True)
        self.fields["indicators"].queryset = Indicator.objects.filter(is_active=True)
        self.fields["activities"].queryset = (
            Activity.objects.filter(plan__workgroup__region=region)
            .select_related("plan")
            .order_by("-plan__year", "start_month", "title", "pk")
        )
        self.fields["policies"].queryset = Policy.objects.filter(region=region)
        if not self.instance.pk:
            year = timezone.localdate().year
            self.fields["period_start"].initial = year
            self.fields["period_end"].initial = year


class IssueFilter(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, years, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years")), *[(y, y) for y in years]]


class DocumentForm(VersionedForm, forms.ModelForm):
    issued_on = IndonesianDateField(label=_("Date"))
    publisher_choice = forms.ChoiceField(label=_("Published by"))
    upload = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ACCEPT}),
        help_text=_("PDF, Excel workbook (.xlsx) or Word document (.docx), checked by content."),
    )

    class Meta:
        model = KnowledgeDocument
        fields = list(DOCUMENT_FIELDS)
        widgets = {"description": forms.Textarea(attrs={"rows": 3, "maxlength": 1000})}

    def __init__(self, *args, publishers, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["publisher_choice"]
        else:
            self.fields["upload"].required = True
            self.fields["publisher_choice"].choices = [
                (NATIONAL if p is None else p.code, _("National") if p is None else p.display_name)
                for p in publishers
            ]
            self._publishers = {NATIONAL if p is None else p.code: p for p in publishers}
            self.fields["issued_on"].initial = timezone.localdate()

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if isinstance(uploaded, UploadedFile):
            document_format(uploaded)
        return uploaded

    @property
    def publisher(self):
        return self._publishers[self.cleaned_data["publisher_choice"]]


class DocumentFilter(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ChoiceField(label=_("Category"), required=False)
    kind = forms.ChoiceField(label=_("Type"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": _("Words in the title or description")}
        )
        self.fields["category"].choices = [
            ("", _("All categories")),
            *KnowledgeDocument.Category.choices,
        ]
        self.fields["kind"].choices = [("", _("All types")), *KnowledgeDocument.Kind.choices]
