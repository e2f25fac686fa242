from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.errors import DomainError
from planning.common import add_errors, serve_file
from planning.forms import ConfirmForm
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
    return render(
        request,
        "policies/policy_list.html",
        {
            "region": region,
            "policies": policies,
            "filters": filters,
            "can_edit": has_permission(request.user, Permission.POLICY_EDIT, region),
        },
    )


@region_view(Permission.POLICY_EDIT)
def policy_create(request, region):
    form = PolicyForm(request.POST or None, request.FILES or None, region=region)
    if request.method == "POST" and form.is_valid():
        try:
            policy = services.save_policy(by=request.user, region=region, **_fields(form))
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The policy was saved."))
            return redirect("policies:detail", code=region.code, pk=policy.pk)
    return render(request, "policies/policy_form.html", {"region": region, "form": form})


@region_view(Permission.REGION_VIEW)
def policy_detail(request, region, pk):
    policy = _policy_or_404(region, pk)
    return render(
        request,
        "policies/policy_detail.html",
        {
            "region": region,
            "policy": policy,
            "indicators": policy.indicators.all(),
            "can_edit": has_permission(request.user, Permission.POLICY_EDIT, region),
        },
    )


@region_view(Permission.POLICY_EDIT)
def policy_edit(request, region, pk):
    policy = _policy_or_404(region, pk)
    form = PolicyForm(
        request.POST or None,
        request.FILES or None,
        instance=policy,
        region=region,
        initial={"version": policy.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_policy(
                by=request.user,
                region=region,
                policy=policy,
                expected_version=form.cleaned_data["version"],
                **_fields(form),
            )
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The policy was saved."))
            return redirect("policies:detail", code=region.code, pk=policy.pk)
    return render(
        request, "policies/policy_form.html", {"region": region, "form": form, "policy": policy}
    )


@region_view(Permission.POLICY_EDIT)
def policy_delete(request, region, pk):
    policy = _policy_or_404(region, pk)
    form = ConfirmForm(request.POST or None, initial={"version": policy.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_policy(
                by=request.user, policy=policy, expected_version=form.cleaned_data["version"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The policy was deleted."))
            return redirect("policies:list", code=region.code)
    return render(
        request,
        "planning/confirm_delete.html",
        {
            "region": region,
            "form": form,
            "object": policy,
            "cancel_url": reverse("policies:detail", kwargs={"code": region.code, "pk": policy.pk}),
        },
    )


@region_view(Permission.REGION_VIEW)
def policy_file(request, region, pk):
    policy = _policy_or_404(region, pk)
    return serve_file(
        policy.file, policy.original_filename or f"kebijakan-{region.code}-{policy.pk}"
    )
