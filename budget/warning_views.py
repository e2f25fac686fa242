"""Pages of the budget calendar and the early warning: the province's list of flags per
kab/kota (with a WhatsApp message for each, when the user may see the Pokja's contact), a
region's budget calendar, and the advocacy letter issued from a budget flag."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crud
from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from budget import calendar as budget_calendar
from budget.advocacy import issue_advocacy_letter
from budget.early_warning import province_flags
from budget.forms import AdvocacyLetterForm, CalendarForm
from budget.views import _year_param
from core.errors import DomainError
from core.whatsapp import share


def _message(flag, link) -> str:
    """The WhatsApp text of a flag, always in Indonesian."""
    return (
        f"Yth. Pokja Bangga Kencana {flag.region.name},\n"
        f"{flag.reason}\n{flag.action}\n"
        f"Mohon ditindaklanjuti. Rincian: {link}"
    )


def _shares(request, province, flags) -> dict:
    """{(region code, flag code): Share} for the flags whose region's Pokja contact the user may
    see; others get the copyable text only."""
    from workgroups.services import active_workgroups

    with translation.override("id"):
        texts = {
            (f.region.code, f.code): _message(f, request.build_absolute_uri(f.url))
            for f in province_flags(province)
        }
    workgroups = active_workgroups({f.region.pk for f in flags})
    result = {}
    for flag in flags:
        key = (flag.region.code, flag.code)
        workgroup = workgroups.get(flag.region.pk)
        phone = name = ""
        if workgroup and has_permission(request.user, Permission.MEMBER_CONTACT_VIEW, flag.region):
            phone, name = workgroup.contact_phone, workgroup.contact_name
        result[key] = share(texts.get(key, ""), phone, name)
    return result


@region_view(Permission.REGION_VIEW)
def early_warning(request, region):
    """Province page: the risk flags of every kab/kota, most severe first."""
    if not region.is_province:
        raise Http404("Only for provinces")
    flags = province_flags(region)
    shares = _shares(request, region, flags)
    for flag in flags:
        flag.share = shares[(flag.region.code, flag.code)]
    return crud.page(
        request,
        "budget/early_warning.html",
        {
            "flags": flags,
            "can_issue": has_permission(request.user, Permission.LETTER_ISSUE, region),
            "budget_year": budget_calendar.budget_year_in_preparation(timezone.localdate()),
        },
    )


@region_view(Permission.BUDGET_EDIT)
def calendar_edit(request, region):
    """The region's budget calendar for a budget year (the defaults until saved)."""
    budget_year = _year_param(request) or budget_calendar.budget_year_in_preparation(
        timezone.localdate()
    )
    current = budget_calendar.calendar_for(region, budget_year)
    return crud.form_screen(
        request,
        crud.bind(request, CalendarForm, instance=current),
        save=lambda form: budget_calendar.save_calendar(
            by=request.user,
            region=region,
            budget_year=budget_year,
            **crud.locked(form),
            **crud.cleaned(form, *budget_calendar.CALENDAR_FIELDS),
        ),
        template="budget/calendar_form.html",
        context={"budget_year": budget_year, "saved": current.pk is not None},
        message=gettext_lazy("The budget calendar was saved."),
        success_url=reverse("budget:calendar", kwargs={"code": region.code})
        + f"?year={budget_year}",
    )


@region_view(Permission.LETTER_ISSUE)
def advocacy_letter(request, region, regency):
    """The province issues (and may sign) an advocacy letter to a kab/kota's head."""
    if not region.is_province:
        raise Http404("Only for provinces")
    target = get_object_or_404(region.children, code=regency)
    form = AdvocacyLetterForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        sign = form.cleaned_data["sign"]
        if sign and not has_permission(request.user, Permission.LETTER_SIGN, region):
            raise PermissionDenied
        try:
            document = issue_advocacy_letter(
                by=request.user,
                province=region,
                region=target,
                asked=form.cleaned_data.get("amount"),
                sign=sign,
            )
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request,
                _("The advocacy letter was issued as letter %(number)s.")
                % {"number": document.number},
            )
            return redirect("letters:detail", code=region.code, pk=document.letter_id)
    return crud.page(
        request,
        "budget/advocacy_form.html",
        {
            "form": form,
            "target": target,
            "can_sign": has_permission(request.user, Permission.LETTER_SIGN, region),
        },
    )
