from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import national_view
from accounts.permissions import Permission
from workgroups.forms import SubGroupForm
from workgroups.models import SubGroup


def _saved(message):
    return lambda subgroup: message % {"name": subgroup.name}


@national_view(Permission.CATALOGUE_MANAGE)
def subgroup_list(request):
    """The national sub-group catalogue, with a form to add one."""
    subgroups = SubGroup.objects.annotate(
        workgroup_count=Count("workgroups", distinct=True),
        member_count=Count("members", distinct=True),
    )
    return crud.form_screen(
        request,
        crud.bind(request, SubGroupForm),
        save=lambda form: form.save(),
        template="workgroups/subgroup_list.html",
        context={"subgroups": subgroups},
        message=_saved(_("The sub-group %(name)s was added.")),
        success_url=reverse("workgroups:subgroups"),
    )


@national_view(Permission.CATALOGUE_MANAGE)
def subgroup_edit(request, pk):
    subgroup = get_object_or_404(SubGroup, pk=pk)
    return crud.form_screen(
        request,
        crud.bind(request, SubGroupForm, instance=subgroup),
        save=lambda form: form.save(),
        template="workgroups/subgroup_form.html",
        context={"subgroup": subgroup},
        message=_saved(_("The sub-group %(name)s was saved.")),
        success_url=reverse("workgroups:subgroups"),
    )
