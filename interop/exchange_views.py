"""The planning exchange page of a region: downloads in the SIPD layout and the target import."""

from django import forms
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.uploads import run_import
from interop import planning_exchange as layout
from interop.services import import_targets

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_BYTES = 5 * 1024 * 1024


class TargetImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File (.csv, .xlsx or .json)"))


def export_response(region, part, fmt) -> HttpResponse:
    if part not in layout.SHEETS or fmt not in FORMATS:
        raise Http404
    rows, columns = layout.rows_and_columns(region, part)
    if fmt == "csv":
        content = layout.as_csv(rows, columns)
    elif fmt == "json":
        content = layout.as_json(part, rows)
    else:
        content = layout.as_xlsx(part, rows, columns)
    response = HttpResponse(content, content_type=FORMATS[fmt])
    name = f"sipd-{'target' if part == 'targets' else 'kegiatan'}-{region.code}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@region_view()
def exchange(request, region):
    can_import = has_permission(request.user, Permission.INDICATOR_EDIT, region)
    return render(
        request,
        "interop/exchange.html",
        {
            "region": region,
            "form": TargetImportForm(),
            "can_import": can_import,
            "target_columns": layout.TARGET_COLUMNS,
            "activity_columns": layout.ACTIVITY_COLUMNS,
        },
    )


@region_view()
def exchange_export(request, region, part, fmt):
    return export_response(region, part, fmt)


@region_view(Permission.INDICATOR_EDIT)
def exchange_import(request, region):
    form = TargetImportForm(request.POST or None, request.FILES or None)
    count, errors = run_import(
        request,
        form,
        max_bytes=MAX_BYTES,
        too_large=_("The file is too large."),
        run=lambda uploaded: import_targets(
            region=region, uploaded=uploaded, name=uploaded.name, by=request.user
        ),
    )
    if count is not None:
        messages.success(request, _("%(count)d targets imported.") % {"count": count})
        return redirect("interop:exchange", code=region.code)
    return render(
        request,
        "interop/exchange_import.html",
        {"region": region, "form": form, "errors": errors},
    )
