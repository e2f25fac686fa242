from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy

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


POLICIES = crud.Screens(
    name="policy",
    get=_policy_or_404,
    right=Permission.POLICY_EDIT,
    detail_url=_policy_url,
    list_url="policies:list",
    context=STYLE,
    form=PolicyForm,
    fields=_fields,
    save=services.save_policy,
    template="policies/policy_form.html",
    saved=gettext_lazy("The policy was saved."),
)
policy_create = policy_edit = POLICIES.form_view()
policy_delete = POLICIES.delete_view(
    services.delete_policy, gettext_lazy("The policy was deleted.")
)


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


@region_view(Permission.REGION_VIEW)
def policy_file(request, region, pk):
    policy = _policy_or_404(region, pk)
    return serve_file(
        policy.file, policy.original_filename or f"kebijakan-{region.code}-{policy.pk}"
    )
