"""Pages of the national indicator catalogue and its national targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import has_permission, national_view
from accounts.permissions import Permission
from core.errors import DomainError
from indicators.forms import IndicatorForm, NationalTargetForm
from indicators.models import Indicator, NationalTarget
from indicators.services import save_national_target
from indicators.views import _indicator, remove_record


@login_required
def catalogue(request):
    """The national indicator catalogue (readable by every signed-in user)."""
    indicators = Indicator.objects.prefetch_related("national_targets")
    can_manage = has_permission(request.user, Permission.CATALOGUE_MANAGE, None)
    return render(
        request, "indicators/catalogue.html", {"indicators": indicators, "can_manage": can_manage}
    )


@login_required
def indicator_info(request, indicator_code):
    indicator = _indicator(indicator_code)
    can_manage = has_permission(request.user, Permission.CATALOGUE_MANAGE, None)
    return render(
        request,
        "indicators/indicator_info.html",
        {
            "indicator": indicator,
            "national_targets": indicator.national_targets.order_by("year"),
            "can_manage": can_manage,
        },
    )


@national_view(Permission.CATALOGUE_MANAGE)
def indicator_create(request):
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        indicator = form.save()
        messages.success(
            request, _("Indicator %(code)s added to the catalogue.") % {"code": indicator.code}
        )
        return redirect("indicators:indicator_info", indicator_code=indicator.code)
    return render(
        request, "indicators/indicator_form.html", {"form": form, "title": _("New indicator")}
    )


@national_view(Permission.CATALOGUE_MANAGE)
def indicator_edit(request, indicator_code):
    indicator = _indicator(indicator_code)
    return crud.form_screen(
        request,
        crud.bind(request, IndicatorForm, instance=indicator),
        save=crud.save_record,
        template="indicators/indicator_form.html",
        context={"title": indicator.name, "indicator": indicator},
        message=_("Saved."),
        success_url=reverse("indicators:indicator_info", args=[indicator.code]),
    )


def _save_national_target(request, form, indicator, *, year, **extra):
    """Save the form's national target: the redirect when saved, None when the form now shows
    the service's error."""
    data = form.cleaned_data
    try:
        save_national_target(
            by=request.user,
            indicator=indicator,
            year=year,
            value=data["value"],
            source=data["source"],
            is_uncertain=data["is_uncertain"],
            **extra,
        )
    except DomainError as exc:
        form.add_error(None, exc.message)
        return None
    messages.success(request, _("Saved."))
    return redirect("indicators:indicator_info", indicator_code=indicator.code)


@national_view(Permission.CATALOGUE_MANAGE)
def national_target_create(request, indicator_code):
    indicator = _indicator(indicator_code)
    form = NationalTargetForm(request.POST or None, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if NationalTarget.objects.filter(indicator=indicator, year=data["year"]).exists():
            form.add_error("year", _("This indicator already has a national target for this year."))
        elif saved := _save_national_target(request, form, indicator, year=data["year"]):
            return saved
    return render(
        request,
        "indicators/national_target_form.html",
        {"form": form, "indicator": indicator, "title": _("New national target")},
    )


@national_view(Permission.CATALOGUE_MANAGE)
def national_target_edit(request, pk):
    target = get_object_or_404(NationalTarget.objects.select_related("indicator"), pk=pk)
    indicator = target.indicator
    form = NationalTargetForm(
        request.POST or None,
        indicator=indicator,
        editing=True,
        initial={
            "year": target.year,
            "value": target.value,
            "source": target.source,
            "is_uncertain": target.is_uncertain,
            "version": target.version,
        },
    )
    if request.method == "POST" and form.is_valid():
        version = form.cleaned_data["version"]
        saved = _save_national_target(
            request, form, indicator, year=target.year, expected_version=version
        )
        if saved:
            return saved
    title = _("National target %(year)d") % {"year": target.year}
    return render(
        request,
        "indicators/national_target_form.html",
        {"form": form, "indicator": indicator, "title": title, "target": target},
    )


@national_view(Permission.CATALOGUE_MANAGE)
@require_POST
def national_target_delete(request, pk):
    target = get_object_or_404(NationalTarget.objects.select_related("indicator"), pk=pk)
    code = target.indicator.code
    return remove_record(request, target, "indicators:indicator_info", indicator_code=code)
