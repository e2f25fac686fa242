from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from workgroups import services
from workgroups.forms import DecreeForm
from workgroups.models import Decree
from workgroups.views.common import (
    delete_screen,
    profile_url,
    serve_decree,
    with_workgroup,
)


def _decree(region, pk):
    """A decree of this region's Pokja (any, also of a dissolved one); another region's is 404."""
    return get_object_or_404(
        Decree.objects.select_related("workgroup__region"), pk=pk, workgroup__region=region
    )


@region_view(Permission.REGION_VIEW)
@with_workgroup
def decree_list(request, region, workgroup):
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
    return crud.page(
        request,
        "workgroups/decree_list.html",
        {
            "workgroup": workgroup,
            "rows": rows,
        },
        edit=Permission.WORKGROUP_EDIT,
    )


def _fields(form):
    return {k: v for k, v in form.cleaned_data.items() if k not in ("version", "upload")}


def _new_decree(region) -> dict:
    """What a new SK usually says: formation, signed by the head of the region."""
    if region.level == "province":
        issuer = Decree.Issuer.GOVERNOR
    elif region.name.startswith("Kota"):
        issuer = Decree.Issuer.MAYOR
    else:
        issuer = Decree.Issuer.REGENT
    title = "Pembentukan Kelompok Kerja Bangga Kencana " + region.name
    return {"kind": Decree.Kind.FORMATION, "issuer": issuer, "title": title}


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def decree_create(request, region, workgroup):
    return crud.form_screen(
        request,
        crud.bind(request, DecreeForm, workgroup=workgroup, initial=_new_decree(region)),
        save=lambda form: services.add_decree(
            by=request.user, workgroup=workgroup, file=form.cleaned_data["upload"], **_fields(form)
        ),
        template="workgroups/decree_form.html",
        context={"workgroup": workgroup, "creating": True},
        message=_("The decree (SK) was saved."),
        success_url=lambda _saved: guided(request, region, None, profile_url(region)),
    )


@region_view(Permission.WORKGROUP_EDIT)
def decree_edit(request, region, pk):
    decree = _decree(region, pk)
    return crud.form_screen(
        request,
        crud.bind(request, DecreeForm, instance=decree, workgroup=decree.workgroup),
        save=lambda form: services.update_decree(
            by=request.user,
            decree=_decree(region, pk),
            **crud.locked(form),
            file=form.cleaned_data["upload"] or None,
            **_fields(form),
        ),
        template="workgroups/decree_form.html",
        context={"workgroup": decree.workgroup, "decree": decree, "creating": False},
        message=_("The decree (SK) was saved."),
        success_url=lambda _saved: guided(
            request, region, None, reverse("workgroups:decrees", kwargs={"code": region.code})
        ),
    )


@region_view(Permission.WORKGROUP_EDIT)
def decree_delete(request, region, pk):
    decree = _decree(region, pk)
    return delete_screen(
        request,
        decree,
        delete=lambda: services.delete_decree(by=request.user, decree=decree),
        question=_("Delete the decree (SK) %(number)s and its PDF?") % {"number": decree.number},
        message=_("The decree (SK) %(number)s was deleted.") % {"number": decree.number},
        list_name="workgroups:decrees",
    )


@region_view(Permission.REGION_VIEW)
def decree_file(request, region, pk):
    """The signed PDF, only for users who may see the region."""
    return serve_decree(_decree(region, pk), inline=request.GET.get("inline") == "1")
