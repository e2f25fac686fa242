"""The pages of a region itself: the regions in your scope, a region's page with the links the
apps contribute (accounts.region_links) and its office details. They live in accounts, the
lowest layer that knows who may see what (docs/architecture.md); the URL names stay `regions:…`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.access import region_view, top_regions
from accounts.permissions import Permission
from accounts.region_links import region_links
from core.concurrency import save_versioned
from core.errors import ConflictError
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
    form = OfficeForm(request.POST or None, instance=region, initial={"version": region.version})
    if request.method == "POST" and form.is_valid():
        try:
            save_versioned(form.instance, expected_version=form.cleaned_data["version"])
        except ConflictError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The office details were saved."))
            return redirect("regions:detail", code=region.code)
    return render(request, "regions/edit.html", {"region": region, "form": form})


@region_view(Permission.REGION_VIEW)
def next_step(request, region):
    """The "Lanjut →" link: the next missing step of the region's work for `?year=` (accounts.next_step,
    with a "Berikutnya: …" message), or the home page when nothing is missing."""
    from django.urls import reverse

    from accounts.next_step import guided

    return redirect(guided(request, region, None, reverse("home")))
