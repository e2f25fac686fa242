"""The privacy pages: the inventory (public), the controller's contact, the request register,
consents, the breach register, and a person's own export and correction."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import get_region, has_permission, in_scope, is_national, regions_in_scope
from accounts.permissions import Permission
from core.privacy import CONSENT_PURPOSES
from jobs import engine
from privacy import forms, services
from privacy.home import time_left_text
from privacy.inventory import rows
from privacy.jobs import ERASE, EXPORT
from privacy.models import Breach, Consent, Controller, DataRequest

MANAGE = Permission.USER_MANAGE


def index(request):
    """Which personal data Sipokja holds, why, on what legal basis, how long, who sees it; and
    whom to contact in each province."""
    controllers = Controller.objects.select_related("region")
    return render(request, "privacy/index.html", {"rows": rows(), "controllers": controllers})


@login_required
def controller(request, code):
    region = get_region(request.user, code, MANAGE)
    if region.parent_id:
        raise Http404("Provinces only")
    instance = Controller.objects.filter(region=region).first()
    form = forms.ControllerForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        services.save_controller(region=region, by=request.user, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("privacy")
    return render(request, "privacy/form.html", {"form": form, "title": region})


def _managed(user, obj_region):
    if obj_region is None:
        if not is_national(user):
            raise Http404
        return
    if not in_scope(user, obj_region):
        raise Http404
    if not has_permission(user, MANAGE, obj_region):
        raise PermissionDenied


@login_required
def requests(request):
    regions = regions_in_scope(request.user)
    provinces = [
        r for r in regions.filter(level="province") if has_permission(request.user, MANAGE, r)
    ]
    if not provinces:
        raise PermissionDenied
    now = timezone.now()
    found = DataRequest.objects.filter(region__in=regions).select_related("region")
    items = [(r, r.is_overdue(now), time_left_text(r.deadline, now)) for r in found]
    return render(request, "privacy/requests.html", {"items": items, "provinces": provinces})


@login_required
def request_new(request, code):
    region = get_region(request.user, code, MANAGE)
    form = forms.RequestForm(request.POST or None, region=region)
    if request.method == "POST" and form.is_valid():
        created = services.create_request(region=region, by=request.user, **form.cleaned_data)
        return redirect("privacy:request", pk=created.pk)
    return render(request, "privacy/form.html", {"form": form, "title": _("New request")})


@login_required
def request_detail(request, pk):
    item = get_object_or_404(DataRequest.objects.select_related("region", "member"), pk=pk)
    return _clock_page(
        request,
        item,
        forms.CloseRequestForm(request.POST or None),
        save=lambda data: services.close_request(request=item, by=request.user, **data),
        template="privacy/request.html",
        name="item",
        url_name="privacy:request",
    )


def _clock_page(request, record, form, *, save, template, name, url_name):
    """The page of a request or a breach (of a region the user manages): its deadline clock
    and the form that changes its status."""
    _managed(request.user, record.region)
    if request.method == "POST" and form.is_valid():
        save(form.cleaned_data)
        return redirect(url_name, pk=record.pk)
    now = timezone.now()
    context = {
        name: record,
        "form": form,
        "overdue": record.is_overdue(now),
        "time_left": time_left_text(record.deadline, now),
    }
    return render(request, template, context)


def _subject_params(item):
    if item.member_id:
        return {"member": item.member_id}
    if item.user_id:
        return {"user": item.user_id}
    raise Http404("No member or account linked")


@login_required
@require_POST
def request_export(request, pk):
    return _request_job(request, pk, EXPORT, _("Personal data export (request %(pk)s)"))


@login_required
@require_POST
def request_erase(request, pk):
    return _request_job(
        request, pk, ERASE, _("Erasure of a person (request %(pk)s)"), DataRequest.Kind.DELETION
    )


def _request_job(request, pk, kind, title, only_kind=None):
    """Start the job `kind` serving the request `pk` (of a region the user manages; with
    `only_kind`, only for requests of that kind) and show its progress."""
    item = get_object_or_404(DataRequest, pk=pk)
    _managed(request.user, item.region)
    if only_kind is not None and item.kind != only_kind:
        raise PermissionDenied
    job = engine.start(
        kind=kind,
        by=request.user,
        region=item.region,
        title=title % {"pk": pk},
        params=_subject_params(item),
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
@require_POST
def my_export(request):
    job = engine.start(
        kind=EXPORT,
        by=request.user,
        title=_("My personal data"),
        params={"user": request.user.pk},
    )
    return redirect("jobs:detail", pk=job.pk)


@login_required
def my_contact(request):
    member = apps.get_model("workgroups", "Member").objects.filter(user=request.user).first()
    if member is None:
        raise Http404("No member record")
    initial = {"name": member.name, "phone": member.phone, "email": member.email}
    form = forms.OwnContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.correct_own_contact(member=member, by=request.user, **form.cleaned_data)
        messages.success(request, _("Your contact data is corrected."))
        return redirect("accounts:profile")
    context = {"form": form, "title": _("Correct my contact data"), "member": member}
    context["consents"] = member.consents.all()
    return render(request, "privacy/form.html", context)


def _member_managed(user, pk):
    member = get_object_or_404(
        apps.get_model("workgroups", "Member").objects.select_related("workgroup__region"), pk=pk
    )
    region = member.workgroup.region
    if member.user_id == user.pk:
        return member
    if not in_scope(user, region):
        raise Http404
    if not has_permission(user, Permission.WORKGROUP_EDIT, region):
        raise PermissionDenied
    return member


@login_required
def consent(request, pk):
    member = _member_managed(request.user, pk)
    form = forms.ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.give_consent(member=member, by=request.user, **form.cleaned_data)
        messages.success(request, _("Consent recorded."))
        return redirect("privacy:consent", pk=pk)
    consents = Consent.objects.filter(member=member)
    context = {"form": form, "member": member, "consents": consents, "purposes": CONSENT_PURPOSES}
    return render(request, "privacy/consent.html", context)


@login_required
@require_POST
def consent_withdraw(request, pk, purpose):
    member = _member_managed(request.user, pk)
    if purpose not in CONSENT_PURPOSES:
        raise Http404
    services.withdraw_consent(member=member, purpose=purpose, by=request.user)
    messages.success(request, _("Consent withdrawn: the use stops now."))
    return redirect("privacy:consent", pk=pk)


def _breach_regions(user):
    if is_national(user):
        return None
    regions = [r for r in regions_in_scope(user).filter(level="province")]
    regions = [r for r in regions if has_permission(user, MANAGE, r)]
    if not regions:
        raise PermissionDenied
    return regions


@login_required
def breaches(request):
    regions = _breach_regions(request.user)
    found = Breach.objects.select_related("region")
    if regions is not None:
        found = found.filter(region__in=regions)
    now = timezone.now()
    items = [(b, b.is_overdue(now), time_left_text(b.deadline, now)) for b in found]
    return render(request, "privacy/breaches.html", {"items": items})


@login_required
def breach_new(request):
    regions = _breach_regions(request.user)
    form = forms.BreachForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        region = regions[0] if regions else None
        created = services.record_breach(by=request.user, region=region, **form.cleaned_data)
        return redirect("privacy:breach", pk=created.pk)
    return render(request, "privacy/form.html", {"form": form, "title": _("Record a breach")})


@login_required
def breach_detail(request, pk):
    breach = get_object_or_404(Breach.objects.select_related("region"), pk=pk)
    return _clock_page(
        request,
        breach,
        forms.BreachStatusForm(request.POST or None, initial={"status": breach.status}),
        save=lambda data: services.set_breach_status(breach=breach, by=request.user, **data),
        template="privacy/breach.html",
        name="breach",
        url_name="privacy:breach",
    )


@login_required
def breach_letter(request, pk, to):
    from privacy.letters import letter_response

    breach = get_object_or_404(Breach.objects.select_related("region"), pk=pk)
    _managed(request.user, breach.region)
    if to not in ("subjects", "authority"):
        raise Http404
    return letter_response(breach, to)
