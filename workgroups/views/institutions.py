from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from workgroups import services
from workgroups.forms import InstitutionForm, apply_errors
from workgroups.models import Institution
from workgroups.views.common import can_edit


def _institution(region, pk):
    return get_object_or_404(Institution, pk=pk, region=region)


@region_view(Permission.REGION_VIEW)
def institution_list(request, region):
    today = timezone.localdate()
    institutions = region.institutions.annotate(
        member_count=Count(
            "members",
            filter=Q(members__workgroup__status="active")
            & (Q(members__active_until__isnull=True) | Q(members__active_until__gte=today)),
        )
    ).order_by("name")
    mix = {
        "government": sum(1 for i in institutions if i.is_government),
        "non_government": sum(1 for i in institutions if not i.is_government),
    }
    return render(
        request,
        "workgroups/institution_list.html",
        {
            "region": region,
            "institutions": institutions,
            "mix": mix,
            "can_edit": can_edit(request, region),
        },
    )


def _save(request, region, form, institution=None):
    government = form.cleaned_data.get("government")
    try:
        if institution is None:
            services.create_institution(
                by=request.user,
                region=region,
                name=form.cleaned_data["name"],
                sector=form.cleaned_data["sector"],
                is_government=government,
            )
        else:
            sector = form.cleaned_data["sector"]
            services.update_institution(
                by=request.user,
                institution=institution,
                expected_version=form.cleaned_data["version"],
                name=form.cleaned_data["name"],
                sector=sector,
                is_government=services.default_is_government(sector)
                if government is None
                else government,
            )
    except ValidationError as exc:
        apply_errors(form, exc)
    except DomainError as exc:
        form.add_error(None, exc.message)
    else:
        messages.success(
            request, _("The institution %(name)s was saved.") % {"name": form.cleaned_data["name"]}
        )
        return True
    return False


@region_view(Permission.WORKGROUP_EDIT)
def institution_create(request, region):
    form = InstitutionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _save(request, region, form):
        return redirect("workgroups:institutions", code=region.code)
    return render(
        request,
        "workgroups/institution_form.html",
        {"region": region, "form": form, "creating": True},
    )


@region_view(Permission.WORKGROUP_EDIT)
def institution_edit(request, region, pk):
    institution = _institution(region, pk)
    form = InstitutionForm(request.POST or None, instance=institution)
    if (
        request.method == "POST"
        and form.is_valid()
        and _save(request, region, form, _institution(region, pk))
    ):
        return redirect("workgroups:institutions", code=region.code)
    return render(
        request,
        "workgroups/institution_form.html",
        {"region": region, "form": form, "institution": institution, "creating": False},
    )


@region_view(Permission.WORKGROUP_EDIT)
def institution_delete(request, region, pk):
    institution = _institution(region, pk)
    if request.method == "POST":
        try:
            services.delete_institution(by=request.user, institution=institution)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("The institution %(name)s was deleted.") % {"name": institution.name}
            )
        return redirect("workgroups:institutions", code=region.code)
    return render(
        request,
        "workgroups/confirm_delete.html",
        {
            "region": region,
            "object": institution,
            "question": _("Delete the institution %(name)s?") % {"name": institution.name},
            "cancel_url": "workgroups:institutions",
        },
    )
