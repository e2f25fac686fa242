"""Satu Data metadata of the indicators: the public indicator page, the metadata as JSON and
XLSX (public: nothing regional or personal), and the import by national admins."""

from django import forms
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import national_view
from accounts.permissions import Permission
from core.uploads import run_import
from indicators import metadata
from indicators.models import Indicator
from indicators.services import import_metadata

MAX_BYTES = 2 * 1024 * 1024


def public_indicator(request, indicator_code):
    indicator = get_object_or_404(Indicator, code=indicator_code)
    rows = [(label, getattr(indicator, name)) for name, label in metadata.FIELDS]
    return render(
        request, "indicators/public_indicator.html", {"indicator": indicator, "rows": rows}
    )


def metadata_export(request, fmt):
    if fmt == "json":
        return HttpResponse(metadata.as_json(), content_type="application/json; charset=utf-8")
    if fmt == "xlsx":
        response = HttpResponse(
            metadata.as_xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = 'attachment; filename="metadata-indikator.xlsx"'
        return response
    return HttpResponse(status=404)


class MetadataImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Metadata file (.json)"))


@national_view(Permission.CATALOGUE_MANAGE)
def metadata_import(request):
    form = MetadataImportForm(request.POST or None, request.FILES or None)
    count, errors = run_import(
        request,
        form,
        max_bytes=MAX_BYTES,
        too_large=_("The file is too large."),
        run=lambda uploaded: import_metadata(data=uploaded.read(), by=request.user),
    )
    if count is not None:
        messages.success(request, _("Metadata of %(count)d indicators changed.") % {"count": count})
        return redirect("indicators:catalogue")
    return render(request, "indicators/metadata_import.html", {"form": form, "errors": errors})
