from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crud
from accounts.access import region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from core.errors import DomainError
from workgroups import services, xlsx
from workgroups.forms import GrantLoginForm, MemberForm
from workgroups.models import Member
from workgroups.views.common import (
    can_edit,
    can_see_contact,
    delete_screen,
    no_store,
    with_workgroup,
)

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _member(workgroup, pk):
    return get_object_or_404(
        Member.objects.select_related("workgroup__region", "institution", "subgroup", "user"),
        pk=pk,
        workgroup=workgroup,
    )


def _xlsx_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return no_store(response)


MEMBER_SORTS = {
    "decree": (gettext_lazy("As in the decree (role, sub-group)"), services.sort_members),
    "name": (gettext_lazy("Name"), ("name", "pk")),
    "institution": (gettext_lazy("Institution"), ("institution__name", "name", "pk")),
    "subgroup": (gettext_lazy("Sub-group"), ("subgroup__order", "subgroup__name", "name", "pk")),
}


@region_view(Permission.REGION_VIEW)
@with_workgroup
def member_list(request, region, workgroup):
    show_all = request.GET.get("all") == "1"
    if show_all:
        members = workgroup.members.select_related("institution", "subgroup", "user")
    else:
        members = services.current_members(workgroup)
    today = timezone.localdate()
    listing = crud.listing(
        request,
        members,
        search=("name", "position", "institution__name", "subgroup__name"),
        sorts=MEMBER_SORTS,
    )
    rows = [(m, m.is_active_on(today)) for m in listing.page]
    return no_store(
        render(
            request,
            "workgroups/member_list.html",
            {
                "region": region,
                "workgroup": workgroup,
                "rows": rows,
                "listing": listing,
                "show_all": show_all,
                "can_edit": can_edit(request, region),
                "can_contact": can_see_contact(request, region),
            },
        )
    )


def _member_fields(form):
    return {k: v for k, v in form.cleaned_data.items() if k != "version"}


def _members_url(region, view="workgroups:members") -> str:
    return reverse(view, kwargs={"code": region.code})


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def member_create(request, region, workgroup):
    form = crud.bind(
        request,
        MemberForm,
        workgroup=workgroup,
        include_contact=can_see_contact(request, region),
        initial={"role": Member.Role.MEMBER},
    )
    return crud.form_screen(
        request,
        form,
        save=lambda form: services.create_member(
            by=request.user, workgroup=workgroup, **_member_fields(form)
        ),
        template="workgroups/member_form.html",
        context={"workgroup": workgroup, "creating": True},
        message=lambda member: _("%(name)s was added to the Pokja.") % {"name": member.name},
        success_url=lambda _saved: guided(
            request,
            region,
            None,
            _members_url(region),
            again=request.get_full_path() or _members_url(region, "workgroups:member_create"),
        ),
    )


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def member_edit(request, region, workgroup, pk):
    member = _member(workgroup, pk)
    form = crud.bind(
        request,
        MemberForm,
        instance=member,
        workgroup=workgroup,
        include_contact=can_see_contact(request, region),
    )
    response = crud.form_screen(
        request,
        form,
        save=lambda form: services.update_member(
            by=request.user,
            member=_member(workgroup, pk),
            **crud.locked(form),
            **_member_fields(form),
        ),
        template="workgroups/member_form.html",
        context={"workgroup": workgroup, "member": member, "creating": False},
        message=_("%(name)s was saved.") % {"name": member.name},
        success_url=_members_url(region),
    )
    return response if response.status_code == 302 else no_store(response)


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def member_delete(request, region, workgroup, pk):
    member = _member(workgroup, pk)
    question = _("Remove %(name)s from the Pokja?") % {"name": member.name}
    if member.user_id:
        question += " " + _("Their log-in loses access to this region.")
    return delete_screen(
        request,
        member,
        delete=lambda: services.delete_member(by=request.user, member=member),
        question=question,
        message=_("%(name)s was removed from the Pokja.") % {"name": member.name},
        list_name="workgroups:members",
    )


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def member_login(request, region, workgroup, pk):
    """Give a member a log-in (role `member` for this region): a link by e-mail, or an initial
    password shown once on this page."""
    member = _member(workgroup, pk)
    if member.user_id:
        messages.info(request, _("%(name)s already has a log-in.") % {"name": member.name})
        return redirect("workgroups:members", code=region.code)
    form = GrantLoginForm(request.POST or None, member=member)
    if request.method == "POST" and form.is_valid():
        try:
            user, password = services.grant_login(
                by=request.user, member=member, method=form.cleaned_data["method"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            if password is None:
                messages.success(
                    request,
                    _(
                        "A log-in was created for %(name)s (user name %(username)s). A link to choose a password was sent to %(email)s."
                    )
                    % {"name": member.name, "username": user.username, "email": user.email},
                )
                return redirect("workgroups:members", code=region.code)
            return no_store(
                render(
                    request,
                    "workgroups/member_login_done.html",
                    {
                        "region": region,
                        "member": member,
                        "username": user.username,
                        "password": password,
                    },
                )
            )
    return no_store(
        render(
            request,
            "workgroups/member_login.html",
            {"region": region, "workgroup": workgroup, "member": member, "form": form},
        )
    )


@region_view(Permission.WORKGROUP_EDIT)
@with_workgroup
def members_template(request, region, workgroup):
    """The .xlsx template to fill in and import."""
    content = xlsx.members_template(
        workgroup,
        subgroups=list(services.allowed_subgroups(workgroup)),
        institutions=list(region.institutions.all()),
    )
    return _xlsx_response(content, f"template-anggota-pokja-{region.code}.xlsx")


@region_view(Permission.REGION_VIEW)
@with_workgroup
def members_export(request, region, workgroup):
    """The current members as .xlsx; phone and e-mail only for users with the contact right."""
    members = services.sort_members(services.current_members(workgroup))
    content = xlsx.export_members(
        workgroup, members, include_contact=can_see_contact(request, region)
    )
    return _xlsx_response(
        content, f"anggota-pokja-{region.code}-{timezone.localdate():%Y%m%d}.xlsx"
    )
