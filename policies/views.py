from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from planning.common import serve_file
from planning.views import STYLE
from policies import services
from policies.forms import PolicyFilter, PolicyForm
from policies.models import Policy


def _policy_or_404(region, pk) -> Policy:
    return get_object_or_404(
        Policy.objects.select_related("region", "subgroup"), pk=pk, region=region
    )


def _fields(form):
    data = form.cleaned_data
    return {name: data[name] for name in services.POLICY_FIELDS} | {
        "indicators": list(data.get("indicators") or []),
        "file": data.get("file") or None,
        "remove_file": data.get("remove_file", False),
    }


@region_view(Permission.REGION_VIEW)
def policy_list(request, region):
    """The region's policies and planning documents, filtered by type and status."""
    filters = PolicyFilter(request.GET or None)
    policies = (
        Policy.objects.filter(region=region)
        .select_related("subgroup")
        .prefetch_related("indicators")
    )
    if filters.is_valid():
        if filters.cleaned_data["kind"]:
            policies = policies.filter(kind=filters.cleaned_data["kind"])
        if filters.cleaned_data["status"]:
            policies = policies.filter(status=filters.cleaned_data["status"])
    listing = crud.listing(
        request, policies, search=("title", "number"), sorts=crud.dated_sorts("issued_on")
    )
    return crud.page(
        request,
        "policies/policy_list.html",
        {
            "policies": listing.page,
            "listing": listing,
            "filters": filters,
        },
        edit=Permission.POLICY_EDIT,
    )


def _policy_url(policy) -> str:
    return reverse("policies:detail", kwargs={"code": policy.region.code, "pk": policy.pk})


def _policy_form(request, region, policy=None):
    """Create (`policy=None`) or edit a policy: one screen, one service call."""
    return crud.form_screen(
        request,
        crud.bind(request, PolicyForm, instance=policy, region=region),
        save=lambda form: services.save_policy(
            by=request.user, region=region, policy=policy, **crud.locked(form), **_fields(form)
        ),
        template="policies/policy_form.html",
        context={"policy": policy},
        message=_("The policy was saved."),
        success_url=_policy_url,
    )


@region_view(Permission.POLICY_EDIT)
def policy_create(request, region):
    return _policy_form(request, region)


@region_view(Permission.REGION_VIEW)
def policy_detail(request, region, pk):
    policy = _policy_or_404(region, pk)
    return crud.page(
        request,
        "policies/policy_detail.html",
        {
            "policy": policy,
            "indicators": policy.indicators.all(),
        },
        edit=Permission.POLICY_EDIT,
    )


@region_view(Permission.POLICY_EDIT)
def policy_edit(request, region, pk):
    return _policy_form(request, region, _policy_or_404(region, pk))


@region_view(Permission.POLICY_EDIT)
def policy_delete(request, region, pk):
    policy = _policy_or_404(region, pk)
    return crud.delete_screen(
        request,
        policy,
        delete=lambda version: services.delete_policy(
            by=request.user, policy=policy, expected_version=version
        ),
        message=_("The policy was deleted."),
        success_url=reverse("policies:list", kwargs={"code": region.code}),
        cancel_url=_policy_url(policy),
        context=STYLE,
    )


@region_view(Permission.REGION_VIEW)
def policy_file(request, region, pk):
    policy = _policy_or_404(region, pk)
    return serve_file(
        policy.file, policy.original_filename or f"kebijakan-{region.code}-{policy.pk}"
    )
