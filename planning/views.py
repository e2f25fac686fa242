from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import region_view
from accounts.next_step import guided
from accounts.permissions import Permission
from core.forms import ConfirmForm
from core.uploads import download
from core.years import selected_year
from planning import excel, services
from planning.common import active_workgroup, pokja_url, serve_file
from planning.forms import ActivityForm, ApproveForm, PlanForm
from planning.models import Activity, WorkPlan

STYLE = {"stylesheet": "planning/plans.css"}


def no_workgroup(request, region, here):
    """The page that says the region has no Pokja yet (plans and budgets need one)."""
    return render(
        request,
        "planning/no_workgroup.html",
        {"region": region, "pokja_url": pokja_url(region), "here": here},
    )


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
    return crud.page(
        request,
        "planning/plan_list.html",
        {
            "workgroup": workgroup,
            "plans": plans,
            "pokja_url": pokja_url(region),
        },
        edit=Permission.PLAN_EDIT,
    )


@region_view(Permission.PLAN_EDIT)
def plan_create(request, region):
    workgroup = active_workgroup(region)
    if workgroup is None:
        return no_workgroup(request, region, _("Work plans"))
    return crud.form_screen(
        request,
        crud.bind(request, PlanForm, workgroup=workgroup, initial={"year": selected_year(request)}),
        save=lambda form: services.create_plan(
            by=request.user,
            workgroup=workgroup,
            **crud.cleaned(form, "year", "title", "notes", "document"),
        ),
        template="planning/plan_form.html",
        context={"workgroup": workgroup},
        message=lambda plan: (
            _("The work plan for %(year)s was created. Now add its activities.")
            % {"year": plan.year}
        ),
        success_url=lambda plan: guided(request, region, plan.year, plan_url(plan)),
    )


@region_view(Permission.REGION_VIEW)
def plan_detail(request, region, year):
    plan = _plan_or_404(region, year)
    activities = plan.activities.select_related("subgroup").prefetch_related(
        "institutions", "indicators"
    )
    return crud.page(
        request,
        "planning/plan_detail.html",
        {
            "plan": plan,
            "activities": activities,
            "totals": services.plan_totals(plan),
            "confirm_form": ConfirmForm(initial={"version": plan.version}),
        },
        edit=Permission.PLAN_EDIT,
    )


@region_view(Permission.PLAN_EDIT)
def plan_edit(request, region, year):
    plan = _plan_or_404(region, year)
    return crud.form_screen(
        request,
        crud.bind(request, PlanForm, instance=plan),
        save=lambda form: services.update_plan(
            by=request.user,
            plan=plan,
            **crud.locked(form),
            **crud.cleaned(form, "title", "notes", "year", "document"),
            remove_document=form.cleaned_data.get("remove_document", False),
        ),
        template="planning/plan_form.html",
        context={"plan": plan},
        message=_("The work plan was saved."),
        success_url=plan_url,
    )


@region_view(Permission.PLAN_EDIT)
def plan_approve(request, region, year):
    """Record the approval: the signatory's name, position and date; the user is kept too."""
    plan = _plan_or_404(region, year)
    return crud.form_screen(
        request,
        crud.bind(request, ApproveForm, version_of=plan),
        save=lambda form: services.approve_plan(
            by=request.user,
            plan=plan,
            **crud.locked(form),
            **crud.cleaned(form, "approved_on", "approver_name", "approver_position", "document"),
        ),
        template="planning/plan_approve.html",
        context={"plan": plan},
        message=_("The work plan is approved."),
        success_url=lambda _saved: guided(request, region, plan.year, plan_url(plan)),
    )


@region_view(Permission.PLAN_EDIT)
@require_POST
def plan_reopen(request, region, year):
    plan = _plan_or_404(region, year)
    return crud.confirm_action(
        request,
        form=ConfirmForm(request.POST),
        action=lambda form: services.reopen_plan(by=request.user, plan=plan, **crud.locked(form)),
        message=_("The work plan is a draft again."),
        success_url=plan_url(plan),
        incomplete=_("The form is incomplete. Reload the page and try again."),
    )


@region_view(Permission.PLAN_EDIT)
def plan_delete(request, region, year):
    plan = _plan_or_404(region, year)
    return crud.delete_screen(
        request,
        plan,
        delete=lambda version: services.delete_plan(
            by=request.user, plan=plan, expected_version=version
        ),
        message=_("The work plan for %(year)s was deleted.") % {"year": year},
        success_url=reverse("planning:list", kwargs={"code": region.code}),
        cancel_url=plan_url(plan),
        context=STYLE,
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


def _activity_form(request, plan, activity=None):
    """Add (`activity=None`; "add another" comes back to an empty form) or edit an activity."""
    region = plan.workgroup.region
    return crud.form_screen(
        request,
        crud.bind(request, ActivityForm, instance=activity, plan=plan),
        save=lambda form: services.save_activity(
            by=request.user,
            plan=plan,
            activity=activity,
            **crud.locked(form),
            **_activity_kwargs(form),
        ),
        template="planning/activity_form.html",
        context={"plan": plan, "activity": activity},
        message=_("The activity was saved.") if activity else _("The activity was added."),
        success_url=lambda _saved: (
            guided(
                request,
                region,
                plan.year,
                plan_url(plan),
                again=reverse(
                    "planning:activity_create", kwargs={"code": region.code, "year": plan.year}
                ),
            )
            if activity is None
            else plan_url(plan)
        ),
    )


@region_view(Permission.PLAN_EDIT)
def activity_create(request, region, year):
    return _activity_form(request, _plan_or_404(region, year))


@region_view(Permission.PLAN_EDIT)
def activity_edit(request, region, year, pk):
    plan, activity = _activity_or_404(region, year, pk)
    return _activity_form(request, plan, activity)


@region_view(Permission.PLAN_EDIT)
def activity_delete(request, region, year, pk):
    plan, activity = _activity_or_404(region, year, pk)
    return crud.delete_screen(
        request,
        activity,
        delete=lambda version: services.delete_activity(
            by=request.user, activity=activity, expected_version=version
        ),
        message=_("The activity was deleted."),
        success_url=plan_url(plan),
        cancel_url=plan_url(plan),
        context=STYLE | {"plan": plan},
    )


@region_view(Permission.REGION_VIEW)
def activity_evidence(request, region, year, pk):
    _plan, activity = _activity_or_404(region, year, pk)
    return serve_file(
        activity.evidence, activity.evidence_filename or f"bukti-kegiatan-{activity.pk}"
    )


def _xlsx(content: bytes, filename: str) -> HttpResponse:
    return download(content, excel.XLSX_CONTENT_TYPE, filename)


@region_view(Permission.PLAN_EDIT)
def activity_template(request, region, year):
    plan = _plan_or_404(region, year)
    return _xlsx(excel.template_bytes(plan), f"template-kegiatan-{region.code}-{plan.year}.xlsx")


@region_view(Permission.REGION_VIEW)
def activity_export(request, region, year):
    plan = _plan_or_404(region, year)
    return _xlsx(excel.export_bytes(plan), f"kegiatan-{region.code}-{plan.year}.xlsx")
