from django import forms
from django.utils.translation import gettext_lazy as _


class BoundaryUploadForm(forms.Form):
    upload = forms.FileField(
        label=_("GeoJSON file"),
        help_text=_(
            "A FeatureCollection with one Polygon or MultiPolygon per regency/city, each with its "
            "Kemendagri code in a property named code, kode, kode_kab or kemendagri "
            "(7306 or 73.06)."
        ),
    )
