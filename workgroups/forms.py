"""Forms of the Pokja registry. They parse and check input; the services in services.py write.

Model forms here never save themselves: views pass `cleaned_data` to a service. Uploaded files
are separate (non-model) fields so the stored file is only touched by the service."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.forms import SPREADSHEET_ACCEPT, DateInput, SpreadsheetField
from core.kept_uploads import KeepUploadsMixin
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup
from workgroups.services import MEMBER_FIELDS, WORKGROUP_FIELDS, LoginMethod, allowed_subgroups
from workgroups.validators import check_decree_pdf, check_members_xlsx, normalize_phone


class VersionedForm(forms.ModelForm):
    """Carries the version the user started from (lost-update protection)."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["version"] = self.instance.version


class WorkGroupForm(VersionedForm):
    subgroups = forms.ModelMultipleChoiceField(
        label=_("Sub-groups"),
        queryset=SubGroup.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The sub-groups (bidang) this Pokja has."),
    )

    class Meta:
        model = WorkGroup
        fields = list(WORKGROUP_FIELDS)
        widgets = {"formed_on": DateInput()}
        help_texts = {
            "name": _("E.g. Pokja Bangga Kencana Kabupaten Gowa."),
            "secretariat_office": _(
                "The office that runs the secretariat, e.g. DPPKB Kabupaten Gowa."
            ),
        }

    def __init__(self, *args, include_contact=True, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = self.instance.subgroups.all() if self.instance.pk else SubGroup.objects.none()
        self.fields["subgroups"].queryset = (
            SubGroup.objects.filter(is_active=True) | SubGroup.objects.filter(pk__in=chosen)
        ).distinct()
        if self.instance.pk and not self.is_bound:
            self.initial["subgroups"] = list(chosen)
        if not self.instance.pk:
            del self.fields["status"]  # a new Pokja is active
        if not include_contact:
            for name in ("contact_phone", "contact_email"):
                del self.fields[name]

    def clean_contact_phone(self):
        return normalize_phone(self.cleaned_data.get("contact_phone"))


class DecreeForm(KeepUploadsMixin, VersionedForm):
    upload = forms.FileField(
        label=_("Signed PDF"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    class Meta:
        model = Decree
        fields = [
            "number",
            "title",
            "kind",
            "signed_on",
            "issuer",
            "valid_from",
            "valid_until",
            "replaces",
        ]
        widgets = {
            "signed_on": DateInput(),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "title": forms.TextInput(),
        }
        help_texts = {
            "title": _(
                "The “tentang” line, e.g. Pembentukan Kelompok Kerja Bangga Kencana Kabupaten Gowa."
            ),
        }

    def __init__(self, *args, workgroup=None, **kwargs):
        super().__init__(*args, **kwargs)
        if workgroup is not None and not self.instance.workgroup_id:
            self.instance.workgroup = workgroup  # the model's checks compare with it
        # Only an earlier decree of the same Pokja can be replaced (and never the decree itself).
        earlier = Decree.objects.filter(workgroup=workgroup or self.instance.workgroup_id)
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["replaces"].queryset = earlier.order_by("-valid_from")
        if self.instance.pk and self.instance.file:
            self.fields["upload"].help_text = _(
                "Leave empty to keep the current file (%(name)s)."
            ) % {"name": self.instance.original_filename or "SK.pdf"}
        else:
            self.fields["upload"].required = True
        from django.conf import settings

        if not self.fields["upload"].help_text:
            self.fields["upload"].help_text = _(
                "A PDF of the signed decree, at most %(limit)d MB."
            ) % {"limit": settings.SIPOKJA_UPLOAD_MAX_MB}

    def clean_upload(self):
        uploaded = self.cleaned_data.get("upload")
        if uploaded:
            check_decree_pdf(uploaded)
        return uploaded


class InstitutionForm(VersionedForm):
    government = forms.TypedChoiceField(
        label=_("Government or non-government"),
        choices=[
            ("", _("As usual for the sector")),
            ("1", _("Government")),
            ("0", _("Non-government")),
        ],
        coerce=lambda value: value == "1",
        empty_value=None,
        required=False,
    )

    class Meta:
        model = Institution
        fields = ["name", "sector"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["government"] = "1" if self.instance.is_government else "0"


class MemberForm(VersionedForm):
    class Meta:
        model = Member
        fields = list(MEMBER_FIELDS)
        widgets = {"active_from": DateInput(), "active_until": DateInput()}
        help_texts = {
            "phone": _("E.g. 0812 3456 7890."),
            "active_until": _("Leave empty while the member is in the Pokja."),
        }

    def __init__(self, *args, workgroup, include_contact=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["institution"].queryset = workgroup.region.institutions.all()
        self.fields["subgroup"].queryset = allowed_subgroups(workgroup)
        if not include_contact:
            for name in ("phone", "email", "whatsapp_consent"):
                del self.fields[name]

    def clean_phone(self):
        return normalize_phone(self.cleaned_data.get("phone"))


class MemberImportForm(forms.Form):
    file = SpreadsheetField(
        label=_("Filled-in members template (.xlsx)"),
        check=check_members_xlsx,
        widget=forms.ClearableFileInput(attrs={"accept": SPREADSHEET_ACCEPT}),
    )


class GrantLoginForm(forms.Form):
    method = forms.ChoiceField(
        label=_("How should the member get a password?"),
        choices=[
            (LoginMethod.EMAIL, _("Send a link to choose a password to the member's e-mail")),
            (LoginMethod.PASSWORD, _("Create an initial password and show it to me once")),
        ],
        widget=forms.RadioSelect,
        initial=LoginMethod.EMAIL,
    )

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        if not member.email:
            self.fields["method"].initial = LoginMethod.PASSWORD

    def clean_method(self):
        method = self.cleaned_data["method"]
        if method == LoginMethod.EMAIL and not self.member.email:
            raise ValidationError(
                _("This member has no e-mail address. Add one, or choose an initial password.")
            )
        return method


class SubGroupForm(forms.ModelForm):
    class Meta:
        model = SubGroup
        fields = ["code", "name", "description", "is_active", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"code": _("Short identifier used by the API and imports, e.g. kampung-kb.")}
