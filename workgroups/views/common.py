from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import has_permission
from accounts.permissions import Permission
from core.uploads import serve
from workgroups.services import active_workgroup


def can_see_contact(request, region) -> bool:
    """Phone numbers and e-mail addresses are personal data (UU PDP): only for those with the
    contact right."""
    return has_permission(request.user, Permission.MEMBER_CONTACT_VIEW, region)


def can_edit(request, region) -> bool:
    return has_permission(request.user, Permission.WORKGROUP_EDIT, region)


def profile_url(region) -> str:
    return reverse("workgroups:profile", kwargs={"code": region.code})


def delete_screen(request, obj, *, delete, question, message, list_name):
    """The confirmation, then the delete (the workgroups services keep no version for it); back
    to the list named `list_name` either way."""
    url = reverse(list_name, kwargs={"code": request.region.code})
    return crud.delete_screen(
        request,
        obj,
        delete=lambda _version: delete(),
        versioned=False,
        question=question,
        message=message,
        success_url=url,
        cancel_url=url,
    )


def with_workgroup(view):
    """For a region view (below `region_view`) of the region's Pokja: the view gets the active
    Pokja after the region; a region without one is sent to the profile page that says no Pokja
    has been formed yet."""

    @wraps(view)
    def wrapper(request, region, *args, **kwargs):
        workgroup = active_workgroup(region)
        if workgroup is None:
            messages.info(request, _("This region has no Pokja yet. Record it first."))
            return redirect("workgroups:profile", code=region.code)
        return view(request, region, workgroup, *args, **kwargs)

    return wrapper


def no_store(response):
    """Pages with personal data or secrets are not kept in shared caches or the history."""
    response["Cache-Control"] = "private, no-store"
    return response


def serve_decree(decree, *, inline=False):
    """The decree's signed PDF as a download named after its number (`SK 188.45-76-KPTS-2023.pdf`)."""
    return serve(decree.file, "SK " + decree.number.replace("/", "-"), inline=inline)
