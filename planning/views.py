from django.contrib import messages
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.errors import DomainError
from planning import excel, services
from planning.common import active_workgroup, add_errors, pokja_url, serve_file
from planning.forms import ActivityForm, ApproveForm, ConfirmForm, PlanForm
from planning.models import Activity, WorkPlan


def _plan_or_404(region, year) -> WorkPlan:
    plan = services.plan_for_region(region, year)
    if plan is None:
        raise Http404("No work plan for this year")
    return plan


@region_view(Permission.REGION_VIEW)
def plan_list(request, region):
    """The region's work plans by year, with their activity counts and planned cost."""
    workgroup = active_workgroup(region)
    plans = (
        WorkPlan.objects.filter(workgroup__region=region)
        .select_related("workgroup")
        .annotate(
            activity_count=Count("activities"),
            done_count=Count("activities", filter=Q(activities__status=Activity.Status.DONE)),
            planned_cost=Sum(
                "activities__planned_cost", filter=Q(activities__status__in=services.LIVE_STATUSES)
            ),
        )
        .order_by("-year", "-workgroup_id")
    )
    return render(
        request,
        "planning/plan_list.html",
        {
            "region": region,
            "workgroup": workgroup,
            "plans": plans,
            "pokja_url": pokja_url(region),
            "can_edit": has_permission(request.user, Permission.PLAN_EDIT, region),
        },
    )


@region_view(Permission.PLAN_EDIT)
def plan_create(request, region):
    workgroup = active_workgroup(region)
    if workgroup is None:
        return render(
            request,
            "planning/no_workgroup.html",
            {"region": region, "pokja_url": pokja_url(region), "here": _("Work plans")},
        )
    form = PlanForm(request.POST or None, request.FILES or None, workgroup=workgroup)
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.create_plan(
                by=request.user,
                workgroup=workgroup,
                year=form.cleaned_data["year"],
                title=form.cleaned_data["title"],
                notes=form.cleaned_data["notes"],
                document=form.cleaned_data.get("document"),
            )
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(
                request,
                _("The work plan for %(year)s was created. Now add its activities.")
                % {"year": plan.year},
            )
            return redirect("planning:detail", code=region.code, year=plan.year)
    return render(
        request, "planning/plan_form.html", {"region": region, "form": form, "workgroup": workgroup}
    )


@region_view(Permission.REGION_VIEW)
def plan_detail(request, region, year):
    plan = _plan_or_404(region, year)
    activities = plan.activities.select_related("subgroup").prefetch_related(
        "institutions", "indicators"
    )
    return render(
        request,
        "planning/plan_detail.html",
        {
            "region": region,
            "plan": plan,
            "activities": activities,
            "totals": services.plan_totals(plan),
            "can_edit": has_permission(request.user, Permission.PLAN_EDIT, region),
            "confirm_form": ConfirmForm(initial={"version": plan.version}),
        },
    )


@region_view(Permission.PLAN_EDIT)
def plan_edit(request, region, year):
    plan = _plan_or_404(region, year)
    form = PlanForm(
        request.POST or None,
        request.FILES or None,
        instance=plan,
        initial={"version": plan.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_plan(
                by=request.user,
                plan=plan,
                expected_version=form.cleaned_data["version"],
                title=form.cleaned_data["title"],
                notes=form.cleaned_data["notes"],
                document=form.cleaned_data.get("document"),
                remove_document=form.cleaned_data.get("remove_document", False),
            )
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The work plan was saved."))
            return redirect("planning:detail", code=region.code, year=plan.year)
    return render(
        request, "planning/plan_form.html", {"region": region, "form": form, "plan": plan}
    )


@region_view(Permission.PLAN_EDIT)
def plan_approve(request, region, year):
    """Record the approval: the signatory's name, position and date; the user is kept too."""
    plan = _plan_or_404(region, year)
    form = ApproveForm(
        request.POST or None, request.FILES or None, initial={"version": plan.version}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.approve_plan(
                by=request.user,
                plan=plan,
                expected_version=data["version"],
                approved_on=data["approved_on"],
                approver_name=data["approver_name"],
                approver_position=data["approver_position"],
                document=data.get("document"),
            )
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The work plan is approved."))
            return redirect("planning:detail", code=region.code, year=plan.year)
    return render(
        request, "planning/plan_approve.html", {"region": region, "form": form, "plan": plan}
    )


@region_view(Permission.PLAN_EDIT)
@require_POST
def plan_reopen(request, region, year):
    plan = _plan_or_404(region, year)
    form = ConfirmForm(request.POST)
    try:
        if not form.is_valid():
            raise DomainError(_("The form is incomplete. Reload the page and try again."))
        services.reopen_plan(
            by=request.user, plan=plan, expected_version=form.cleaned_data["version"]
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("The work plan is a draft again."))
    return redirect("planning:detail", code=region.code, year=plan.year)


@region_view(Permission.PLAN_EDIT)
def plan_delete(request, region, year):
    plan = _plan_or_404(region, year)
    form = ConfirmForm(request.POST or None, initial={"version": plan.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_plan(
                by=request.user, plan=plan, expected_version=form.cleaned_data["version"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The work plan for %(year)s was deleted.") % {"year": year})
            return redirect("planning:list", code=region.code)
    return render(
        request,
        "planning/confirm_delete.html",
        {
            "region": region,
            "form": form,
            "object": plan,
            "cancel_url": plan_url(plan),
            "plan": plan,
        },
    )


@region_view(Permission.REGION_VIEW)
def plan_document(request, region, year):
    plan = _plan_or_404(region, year)
    return serve_file(plan.document, f"Rencana-Kerja-{region.code}-{plan.year}.pdf")


def plan_url(plan):
    return reverse(
        "planning:detail", kwargs={"code": plan.workgroup.region.code, "year": plan.year}
    )


# --- activities ------------------------------------------------------------------------------


def _activity_or_404(region, year, pk):
    plan = _plan_or_404(region, year)
    activity = get_object_or_404(Activity, pk=pk, plan=plan)
    activity.plan = plan
    return plan, activity


def _activity_kwargs(form):
    data = form.cleaned_data
    return {
        "title": data["title"],
        "subgroup": data["subgroup"],
        "start_month": data["start_month"],
        "end_month": data["end_month"],
        "expected_output": data["expected_output"],
        "planned_cost": data["planned_cost"] or 0,
        "cost_source": data["cost_source"],
        "status": data["status"],
        "progress_note": data["progress_note"],
        "institutions": list(data["institutions"]),
        "indicators": list(data["indicators"]),
        "evidence": data.get("evidence") or None,
        "remove_evidence": data.get("remove_evidence", False),
    }


@region_view(Permission.PLAN_EDIT)
def activity_create(request, region, year):
    plan = _plan_or_404(region, year)
    form = ActivityForm(request.POST or None, request.FILES or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_activity(by=request.user, plan=plan, **_activity_kwargs(form))
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The activity was added."))
            if "add_another" in request.POST:
                return redirect("planning:activity_create", code=region.code, year=year)
            return redirect("planning:detail", code=region.code, year=year)
    return render(
        request, "planning/activity_form.html", {"region": region, "form": form, "plan": plan}
    )


@region_view(Permission.PLAN_EDIT)
def activity_edit(request, region, year, pk):
    plan, activity = _activity_or_404(region, year, pk)
    form = ActivityForm(
        request.POST or None,
        request.FILES or None,
        instance=activity,
        plan=plan,
        initial={"version": activity.version},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_activity(
                by=request.user,
                plan=plan,
                activity=activity,
                expected_version=form.cleaned_data["version"],
                **_activity_kwargs(form),
            )
        except DomainError as exc:
            add_errors(form, exc)
        else:
            messages.success(request, _("The activity was saved."))
            return redirect("planning:detail", code=region.code, year=year)
    return render(
        request,
        "planning/activity_form.html",
        {"region": region, "form": form, "plan": plan, "activity": activity},
    )


@region_view(Permission.PLAN_EDIT)
def activity_delete(request, region, year, pk):
    plan, activity = _activity_or_404(region, year, pk)
    form = ConfirmForm(request.POST or None, initial={"version": activity.version})
    if request.method == "POST" and form.is_valid():
        try:
            services.delete_activity(
                by=request.user, activity=activity, expected_version=form.cleaned_data["version"]
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The activity was deleted."))
            return redirect("planning:detail", code=region.code, year=year)
    return render(
        request,
        "planning/confirm_delete.html",
        {
            "region": region,
            "form": form,
            "object": activity,
            "cancel_url": plan_url(plan),
            "plan": plan,
        },
    )


@region_view(Permission.REGION_VIEW)
def activity_evidence(request, region, year, pk):
    _plan, activity = _activity_or_404(region, year, pk)
    return serve_file(
        activity.evidence, activity.evidence_filename or f"bukti-kegiatan-{activity.pk}"
    )


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=excel.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@region_view(Permission.PLAN_EDIT)
def activity_template(request, region, year):
    plan = _plan_or_404(region, year)
    return _xlsx(excel.template_bytes(plan), f"template-kegiatan-{region.code}-{plan.year}.xlsx")


@region_view(Permission.REGION_VIEW)
def activity_export(request, region, year):
    plan = _plan_or_404(region, year)
    return _xlsx(excel.export_bytes(plan), f"kegiatan-{region.code}-{plan.year}.xlsx")
