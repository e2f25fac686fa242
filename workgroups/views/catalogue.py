from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from accounts.access import national_view
from accounts.permissions import Permission
from workgroups.forms import SubGroupForm
from workgroups.models import SubGroup


@national_view(Permission.CATALOGUE_MANAGE)
def subgroup_list(request):
    """The national sub-group catalogue, with a form to add one."""
    form = SubGroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subgroup = form.save()
        messages.success(request, _("The sub-group %(name)s was added.") % {"name": subgroup.name})
        return redirect("workgroups:subgroups")
    subgroups = SubGroup.objects.annotate(
        workgroup_count=Count("workgroups", distinct=True),
        member_count=Count("members", distinct=True),
    )
    return render(request, "workgroups/subgroup_list.html", {"subgroups": subgroups, "form": form})


@national_view(Permission.CATALOGUE_MANAGE)
def subgroup_edit(request, pk):
    subgroup = get_object_or_404(SubGroup, pk=pk)
    form = SubGroupForm(request.POST or None, instance=subgroup)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The sub-group %(name)s was saved.") % {"name": subgroup.name})
        return redirect("workgroups:subgroups")
    return render(request, "workgroups/subgroup_form.html", {"subgroup": subgroup, "form": form})
