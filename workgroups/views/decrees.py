from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from workgroups import services
from workgroups.forms import DecreeForm, apply_errors
from workgroups.models import Decree
from workgroups.views.common import can_edit, serve_decree, workgroup_or_redirect


def _decree(region, pk):
    """A decree of this region's Pokja (any, also of a dissolved one); another region's is 404."""
    return get_object_or_404(
        Decree.objects.select_related("workgroup__region"), pk=pk, workgroup__region=region
    )


@region_view(Permission.REGION_VIEW)
def decree_list(request, region):
    workgroup, response = workgroup_or_redirect(request, region)
    if response:
        return response
    today = timezone.localdate()
    decrees = list(workgroup.decrees.order_by(*Decree.CURRENT_ORDER))
    current = workgroup.current_decree(on=today)
    replaced = {d.replaces_id for d in decrees if d.replaces_id}
    rows = []
    for decree in decrees:
        if current and decree.pk == current.pk:
            status = "current"
        elif decree.pk in replaced:
            status = "replaced"
        elif decree.valid_from > today:
            status = "future"
        elif decree.is_valid_on(today):
            status = "replaced"
        else:
            status = "expired"
        rows.append((decree, status))
    return render(
        request,
        "workgroups/decree_list.html",
        {
            "region": region,
            "workgroup": workgroup,
            "rows": rows,
            "can_edit": can_edit(request, region),
        },
    )


def _fields(form):
    return {k: v for k, v in form.cleaned_data.items() if k not in ("version", "upload")}


@region_view(Permission.WORKGROUP_EDIT)
def decree_create(request, region):
    workgroup, response = workgroup_or_redirect(request, region)
    if response:
        return response
    form = DecreeForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_decree(
                by=request.user,
                workgroup=workgroup,
                file=form.cleaned_data["upload"],
                **_fields(form),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The decree (SK) was saved."))
            return redirect("workgroups:profile", code=region.code)
    return render(
        request,
        "workgroups/decree_form.html",
        {"region": region, "workgroup": workgroup, "form": form, "creating": True},
    )


@region_view(Permission.WORKGROUP_EDIT)
def decree_edit(request, region, pk):
    decree = _decree(region, pk)
    form = DecreeForm(request.POST or None, request.FILES or None, instance=decree)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_decree(
                by=request.user,
                decree=_decree(region, pk),
                expected_version=form.cleaned_data["version"],
                file=form.cleaned_data["upload"] or None,
                **_fields(form),
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The decree (SK) was saved."))
            return redirect("workgroups:decrees", code=region.code)
    return render(
        request,
        "workgroups/decree_form.html",
        {
            "region": region,
            "workgroup": decree.workgroup,
            "form": form,
            "decree": decree,
            "creating": False,
        },
    )


@region_view(Permission.WORKGROUP_EDIT)
def decree_delete(request, region, pk):
    decree = _decree(region, pk)
    if request.method == "POST":
        services.delete_decree(by=request.user, decree=decree)
        messages.success(
            request, _("The decree (SK) %(number)s was deleted.") % {"number": decree.number}
        )
        return redirect("workgroups:decrees", code=region.code)
    return render(
        request,
        "workgroups/confirm_delete.html",
        {
            "region": region,
            "object": decree,
            "question": _("Delete the decree (SK) %(number)s and its PDF?")
            % {"number": decree.number},
            "cancel_url": "workgroups:decrees",
        },
    )


@region_view(Permission.REGION_VIEW)
def decree_file(request, region, pk):
    """The signed PDF, only for users who may see the region."""
    return serve_decree(_decree(region, pk), inline=request.GET.get("inline") == "1")
