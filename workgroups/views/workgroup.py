from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import has_permission, region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from audit.models import AuditEvent
from audit.presenters import describe
from workgroups import services
from workgroups.forms import WorkGroupForm
from workgroups.models import Decree, Institution, Member, SubGroup, WorkGroup
from workgroups.views.common import can_edit, can_see_contact, no_store, profile_url

HISTORY_MODELS = [m._meta.label for m in (WorkGroup, Decree, Member, Institution)]


def _decree_status(decree, today):
    if decree is None:
        return "none"
    if decree.is_valid_on(today):
        return "valid"
    if decree.valid_from > today:
        return "future"
    return "expired"


def _children_overview(region, today):
    """For a province: each kab/kota with its Pokja, current SK and member count, in a constant
    number of queries."""
    children = list(region.children.order_by("code"))
    workgroups = services.active_workgroups([c.pk for c in children])
    decrees = services.current_decrees([wg.pk for wg in workgroups.values()], on=today)
    counts = dict(
        Member.objects.filter(workgroup__in=workgroups.values())
        .filter(Q(active_from__isnull=True) | Q(active_from__lte=today))
        .filter(Q(active_until__isnull=True) | Q(active_until__gte=today))
        .values_list("workgroup")
        .annotate(n=Count("pk"))
    )
    latest = {}
    for decree in Decree.objects.filter(workgroup__in=workgroups.values()).order_by(
        "workgroup_id", *Decree.CURRENT_ORDER
    ):
        latest.setdefault(decree.workgroup_id, decree)
    rows = []
    for child in children:
        workgroup = workgroups.get(child.pk)
        decree = decrees.get(workgroup.pk) if workgroup else None
        rows.append(
            {
                "region": child,
                "workgroup": workgroup,
                "decree": decree,
                "latest": latest.get(workgroup.pk) if workgroup and decree is None else None,
                "members": counts.get(workgroup.pk, 0) if workgroup else 0,
            }
        )
    return rows


@region_view(Permission.REGION_VIEW)
def profile(request, region):
    """The Pokja profile: current SK, sub-groups, members by role and sub-group, sector mix and
    change history; or the "no Pokja yet" page."""
    today = timezone.localdate()
    workgroup = services.active_workgroup(region)
    children = _children_overview(region, today) if region.is_province else None
    if workgroup is None:
        return render(
            request,
            "workgroups/none.html",
            {"region": region, "can_create": can_edit(request, region), "children": children},
        )
    decree = workgroup.current_decree(on=today)
    latest = None if decree else workgroup.decrees.order_by(*Decree.CURRENT_ORDER).first()
    members = services.sort_members(services.current_members(workgroup, on=today))
    by_role = []
    for member in members:
        if not by_role or by_role[-1][0] != member.get_role_display():
            by_role.append((member.get_role_display(), []))
        by_role[-1][1].append(member)
    subgroups = list(workgroup.subgroups.all())
    by_subgroup = [(s, [m for m in members if m.subgroup_id == s.pk]) for s in subgroups]
    others = [m for m in members if m.subgroup_id not in {s.pk for s in subgroups}]
    history = [
        (event, describe(event))
        for event in AuditEvent.objects.filter(region_code=region.code, model__in=HISTORY_MODELS)[
            :15
        ]
    ]
    return no_store(
        render(
            request,
            "workgroups/profile.html",
            {
                "region": region,
                "workgroup": workgroup,
                "decree": decree,
                "latest_decree": latest,
                "decree_status": _decree_status(decree or latest, today),
                "subgroups": subgroups,
                "by_role": by_role,
                "by_subgroup": by_subgroup,
                "without_subgroup": others,
                "member_count": len(members),
                "mix": services.sector_mix(members),
                "history": history,
                "children": children,
                "can_edit": can_edit(request, region),
                "can_contact": can_see_contact(request, region),
                "can_audit": has_permission(request.user, Permission.AUDIT_VIEW, region),
            },
        )
    )


def _workgroup_fields(form):
    data = {k: v for k, v in form.cleaned_data.items() if k not in ("version", "subgroups")}
    return data | {"subgroups": list(form.cleaned_data.get("subgroups") or [])}


@region_view(Permission.WORKGROUP_EDIT)
def create(request, region):
    if services.active_workgroup(region) is not None:
        messages.info(request, _("This region already has an active Pokja."))
        return redirect("workgroups:profile", code=region.code)
    initial = {
        "name": _("Pokja Bangga Kencana %(region)s") % {"region": region.display_name},
        "secretariat_office": region.office_name,
        "subgroups": list(SubGroup.objects.filter(is_active=True)),
    }
    return crud.form_screen(
        request,
        crud.bind(
            request,
            WorkGroupForm,
            include_contact=can_see_contact(request, region),
            initial=initial,
        ),
        save=lambda form: services.create_workgroup(
            by=request.user, region=region, **_workgroup_fields(form)
        ),
        template="workgroups/workgroup_form.html",
        context={"creating": True},
        message=_("The Pokja was recorded. Now add its decree (SK) and members."),
        success_url=lambda _saved: guided(request, region, None, profile_url(region)),
    )


@region_view(Permission.WORKGROUP_EDIT)
def edit(request, region):
    workgroup = services.active_workgroup(region)
    if workgroup is None:
        return redirect("workgroups:create", code=region.code)
    return crud.form_screen(
        request,
        crud.bind(
            request,
            WorkGroupForm,
            instance=workgroup,
            include_contact=can_see_contact(request, region),
        ),
        save=lambda form: services.update_workgroup(
            by=request.user,
            workgroup=WorkGroup.objects.get(pk=workgroup.pk),
            **crud.locked(form),
            **_workgroup_fields(form),
        ),
        template="workgroups/workgroup_form.html",
        context={"workgroup": workgroup, "creating": False},
        message=_("The Pokja was saved."),
        success_url=profile_url(region),
    )
