"""The pages of a region itself: the regions in your scope, a region's page with the links the
apps contribute (accounts.region_links) and its office details. They live in accounts, the
lowest layer that knows who may see what (docs/architecture.md); the URL names stay `regions:…`."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import region_view, top_regions
from accounts.permissions import Permission
from accounts.region_links import region_links
from regions.forms import OfficeForm


@login_required
def region_list(request):
    """The top of the user's scope: provinces for national users."""
    regions = top_regions(request.user).select_related("parent")
    return render(request, "regions/list.html", {"regions": regions})


@region_view(Permission.REGION_VIEW)
def region_detail(request, region):
    children = region.children.all() if region.is_province else []
    return render(
        request,
        "regions/detail.html",
        {"region": region, "children": children, "links": region_links(request.user, region)},
    )


@region_view(Permission.REGION_EDIT)
def region_edit(request, region):
    return crud.form_screen(
        request,
        crud.bind(request, OfficeForm, instance=region),
        save=crud.save_record,
        template="regions/edit.html",
        message=_("The office details were saved."),
        success_url=reverse("regions:detail", args=[region.code]),
    )


@region_view(Permission.REGION_VIEW)
def next_step(request, region):
    """The "Lanjut →" link: the next missing step of the region's work for `?year=` (accounts.next_step,
    with a "Berikutnya: …" message), or the home page when nothing is missing."""
    from accounts.next_step import guided

    return redirect(guided(request, region, None, reverse("home")))
