"""Forms parse and check input; the services in meetings/services.py do the writing."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.models import ActionItem, Announcement, Letterhead, Meeting, Participant
from meetings.sanitize import ALLOWED_TAGS
from regions.models import Region
from workgroups.models import Institution, Member

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class LetterheadForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    logo_upload = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=_("A PNG or JPEG image, printed at the left of the letterhead."),
    )
    remove_logo = forms.BooleanField(label=_("Remove the logo"), required=False)

    class Meta:
        model = Letterhead
        fields = Letterhead.EDITABLE_FIELDS


class HttpsURLField(forms.URLField):
    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class RegionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.code} {obj.name}"


class MeetingForm(forms.ModelForm):
    """The meeting's details; a province also picks the kab/kota it invites."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    invite_all_children = forms.BooleanField(
        label=_("Invite all regencies/cities of the province"), required=False
    )
    invited_regions = RegionChoiceField(
        label=_("Invited regencies/cities"),
        queryset=Region.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Meeting
        fields = (
            "title", "kind", "starts_at", "ends_at", "venue", "online_url", "description",
            "letter_number", "letter_nature", "letter_subject", "letter_date",
        )  # fmt: skip
        field_classes = {"online_url": HttpsURLField}
        widgets = {
            "starts_at": DATETIME_WIDGET,
            "ends_at": DATETIME_WIDGET,
            "letter_date": DATE_WIDGET,
            "description": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, region, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        if editing:
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=Meeting.Status.choices
            )
            self.fields["status"].initial = self.instance.status
        if region.is_province:
            self.fields["invited_regions"].queryset = region.children.order_by("code")
        else:
            del self.fields["invited_regions"]
            del self.fields["invite_all_children"]

    def service_fields(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if "status" in self.cleaned_data:
            data["status"] = self.cleaned_data["status"]
        return data


class MemberChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        parts = [
            obj.name,
            obj.position,
            obj.institution.name if obj.institution_id else "",
            obj.workgroup.region.name,
        ]
        return " · ".join(p for p in parts if p)


class InstitutionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} · {obj.region.name}"


class InviteesForm(forms.Form):
    members = MemberChoiceField(
        label=_("Pokja members"),
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    institutions = InstitutionChoiceField(
        label=_("Institutions"),
        queryset=Institution.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, members, institutions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = members
        self.fields["institutions"].queryset = institutions


class InviteeFilter(forms.Form):
    """Narrow the members offered on the invite screen (GET, works without JavaScript): by
    name, institution, sub-group, role or region; `group()` names the choice for the bulk
    invitation's audit record."""

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    institution = forms.TypedChoiceField(label=_("Institution"), required=False, coerce=int)
    subgroup = forms.TypedChoiceField(label=_("Sub-group"), required=False, coerce=int)
    role = forms.ChoiceField(label=_("Role"), required=False)
    region = forms.TypedChoiceField(label=_("Region"), required=False, coerce=int)

    def __init__(self, data, *, members):
        super().__init__(data)
        any_ = [("", _("All"))]
        seen = {"institution": {}, "subgroup": {}, "region": {}}
        for member in members:
            for name, obj in (
                ("institution", member.institution),
                ("subgroup", member.subgroup),
                ("region", member.workgroup.region),
            ):
                if obj is not None:
                    seen[name][obj.pk] = getattr(obj, "display_name", None) or str(obj)
        for name, choices in seen.items():
            self.fields[name].choices = any_ + sorted(choices.items(), key=lambda c: c[1])
        self.fields["role"].choices = any_ + list(Member.Role.choices)

    def apply(self, members):
        if not self.is_valid():
            return members
        data = self.cleaned_data
        if data["q"]:
            members = members.filter(
                Q(name__icontains=data["q"])
                | Q(position__icontains=data["q"])
                | Q(institution__name__icontains=data["q"])
            )
        for field in ("institution", "subgroup", "role"):
            if data[field] not in (None, ""):
                members = members.filter(**{field: data[field]})
        if data["region"] not in (None, ""):
            members = members.filter(workgroup__region=data["region"])
        return members

    def group(self) -> str:
        """The chosen group in words ("Sub-group Advokasi · Member"), or "" when none is."""
        if not self.is_valid():
            return ""
        parts = []
        for name in ("subgroup", "institution", "role", "region"):
            value = self.cleaned_data[name]
            if value not in (None, ""):
                label = dict(self.fields[name].choices)[value]
                parts.append(
                    _("sub-group %(name)s") % {"name": label} if name == "subgroup" else str(label)
                )
        if self.cleaned_data["q"]:
            parts.append(_("“%(text)s”") % {"text": self.cleaned_data["q"]})
        return " · ".join(parts)

    @property
    def narrowed(self) -> bool:
        return self.is_valid() and any(v not in (None, "") for v in self.cleaned_data.values())


class GuestForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=200, required=False)
    institution_name = forms.CharField(label=_("Institution"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=_("E.g. 0812 3456 7890.")
    )
    region = forms.ModelChoiceField(
        label=_("Region represented"), queryset=Region.objects.none(), required=False
    )
    attendance = forms.ChoiceField(
        label=_("Attendance"),
        choices=Participant.Attendance.choices,
        initial=Participant.Attendance.UNKNOWN,
    )
    represented_by = forms.CharField(label=_("Represented by"), max_length=150, required=False)

    def __init__(self, *args, regions, walk_in=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.filter(
            pk__in=[r.pk for r in regions]
        ).order_by("code")
        if walk_in:
            self.fields["attendance"].initial = Participant.Attendance.PRESENT
        else:
            del self.fields["attendance"]
            del self.fields["represented_by"]


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Session"), max_length=250)
    speaker = forms.CharField(label=_("Speaker"), max_length=250, required=False)
    starts_at = forms.DateTimeField(label=_("Starts"), required=False, widget=DATETIME_WIDGET)
    ends_at = forms.DateTimeField(label=_("Ends"), required=False, widget=DATETIME_WIDGET)


class MaterialForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, Excel workbook (.xlsx) or a PNG/JPEG image.")
    )


class MinutesForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    chair_name = forms.CharField(label=_("Chaired by"), max_length=150, required=False)
    secretary_name = forms.CharField(label=_("Minutes taken by"), max_length=150, required=False)
    body = forms.CharField(
        label=_("Minutes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_("You may use these HTML tags: %(tags)s. Anything else is removed when saved.")
        % {"tags": ", ".join(sorted(ALLOWED_TAGS))},
    )


class DecisionForm(forms.Form):
    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    text = forms.CharField(
        label=_("Decision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


DecisionFormSet = forms.formset_factory(DecisionForm, extra=3, max_num=100)


class WithdrawForm(VersionForm):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RegionModelChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.display_name


class LabelledChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        if isinstance(obj, Member):
            return " · ".join(p for p in (obj.name, obj.position, obj.workgroup.region.name) if p)
        if isinstance(obj, Institution):
            return f"{obj.name} · {obj.region.name}"
        return str(obj)


class ActionItemForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=ActionItem.Kind.choices, initial=ActionItem.Kind.ACTION
    )
    title = forms.CharField(label=_("Title"), max_length=250)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    assigned_region = RegionModelChoiceField(
        label=_("Assigned region"), queryset=Region.objects.none()
    )
    assigned_institution = LabelledChoiceField(
        label=_("Assigned institution"), queryset=Institution.objects.none(), required=False
    )
    assigned_member = LabelledChoiceField(
        label=_("Assigned member"), queryset=Member.objects.none(), required=False
    )
    due_date = forms.DateField(label=_("Due date"), widget=DATE_WIDGET)
    meeting = forms.ModelChoiceField(
        label=_("From the meeting"), queryset=Meeting.objects.none(), required=False
    )

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        regions = Region.objects.filter(pk=region.pk) | Region.objects.filter(parent=region)
        self.fields["assigned_region"].queryset = regions.order_by("code")
        self.fields["assigned_region"].initial = region.pk
        self.fields["assigned_institution"].queryset = (
            Institution.objects.filter(region__in=regions)
            .select_related("region")
            .order_by("region__code", "name")
        )
        self.fields["assigned_member"].queryset = (
            Member.objects.filter(workgroup__region__in=regions, workgroup__status="active")
            .select_related("workgroup__region")
            .order_by("workgroup__region__code", "name")
        )
        self.fields["meeting"].queryset = Meeting.objects.filter(region=region).order_by(
            "-starts_at"
        )

    def service_fields(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in (
                "kind", "title", "description", "assigned_region", "assigned_institution", "assigned_member",
                "due_date", "meeting",
            )
        }  # fmt: skip


class ProgressForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)
    text = forms.CharField(label=_("What was done"), widget=forms.Textarea(attrs={"rows": 3}))
    evidence = forms.FileField(
        label=_("Evidence"),
        required=False,
        help_text=_("Optional: a PDF, an Excel workbook (.xlsx) or a photo."),
    )


class AnnouncementForm(forms.ModelForm):
    recipients = RegionChoiceField(
        label=_("Send to"), queryset=Region.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Announcement
        fields = ("title", "body")
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, region, **kwargs):
        super().__init__(*args, **kwargs)
        children = region.children.order_by("code")
        self.fields["recipients"].queryset = children
        self.fields["recipients"].initial = list(children.values_list("pk", flat=True))
