from django import forms

from regions.models import Region


class OfficeForm(forms.ModelForm):
    """The office details printed on letters (kop surat)."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Region
        fields = Region.EDITABLE_FIELDS
