from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from workgroups import services
from workgroups.forms import InstitutionForm
from workgroups.models import Institution
from workgroups.views.common import delete_screen


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
    listing = crud.listing(
        request,
        institutions,
        search=("name",),
        sorts={
            "name": (gettext_lazy("Name"), ("name", "pk")),
            "members": (gettext_lazy("Most members first"), ("-member_count", "name", "pk")),
            "sector": (gettext_lazy("Sector"), ("sector", "name", "pk")),
        },
    )
    return crud.page(
        request,
        "workgroups/institution_list.html",
        {
            "institutions": listing.page,
            "listing": listing,
            "mix": mix,
        },
        edit=Permission.WORKGROUP_EDIT,
    )


def _save(request, region, form, institution=None):
    data = form.cleaned_data
    government = data.get("government")
    if institution is None:
        return services.create_institution(
            by=request.user,
            region=region,
            name=data["name"],
            sector=data["sector"],
            is_government=government,
        )
    return services.update_institution(
        by=request.user,
        institution=institution,
        **crud.locked(form),
        name=data["name"],
        sector=data["sector"],
        is_government=services.default_is_government(data["sector"])
        if government is None
        else government,
    )


def _form_screen(request, region, form, *, institution=None):
    return crud.form_screen(
        request,
        form,
        save=lambda form: _save(
            request, region, form, institution and _institution(region, institution.pk)
        ),
        template="workgroups/institution_form.html",
        context={"institution": institution, "creating": institution is None},
        message=lambda _saved: (
            _("The institution %(name)s was saved.") % {"name": form.cleaned_data["name"]}
        ),
        success_url=reverse("workgroups:institutions", kwargs={"code": region.code}),
    )


@region_view(Permission.WORKGROUP_EDIT)
def institution_create(request, region):
    return _form_screen(request, region, crud.bind(request, InstitutionForm))


@region_view(Permission.WORKGROUP_EDIT)
def institution_edit(request, region, pk):
    institution = _institution(region, pk)
    form = crud.bind(request, InstitutionForm, instance=institution)
    return _form_screen(request, region, form, institution=institution)


@region_view(Permission.WORKGROUP_EDIT)
def institution_delete(request, region, pk):
    institution = _institution(region, pk)
    return delete_screen(
        request,
        institution,
        delete=lambda: services.delete_institution(by=request.user, institution=institution),
        question=_("Delete the institution %(name)s?") % {"name": institution.name},
        message=_("The institution %(name)s was deleted.") % {"name": institution.name},
        list_name="workgroups:institutions",
    )
