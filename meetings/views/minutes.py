"""A meeting's minutes: reading, writing (with its decisions), approving and withdrawing the
approval."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from meetings import services
from meetings.forms import DecisionFormSet, MinutesForm, VersionForm, WithdrawForm
from meetings.models import Minutes
from meetings.scope import can_edit_meeting, get_meeting
from meetings.views.common import editable_meeting, meeting_page_url


@region_view(Permission.REGION_VIEW)
def minutes_view(request, region, pk):
    meeting = get_meeting(region, pk)
    can_edit = can_edit_meeting(request.user, meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and not minutes.is_approved and not can_edit:
        minutes = None  # drafts are for those who write them
    return render(
        request,
        "meetings/minutes.html",
        {
            "region": region,
            "meeting": meeting,
            "minutes": minutes,
            "can_edit": can_edit,
            "decisions": minutes.decisions.all() if minutes else [],
            "withdraw_form": WithdrawForm(initial={"version": minutes.version})
            if minutes
            else None,
        },
    )


@region_view(Permission.MEETING_EDIT)
def minutes_edit(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is not None and minutes.is_approved:
        messages.error(
            request, _("The minutes are approved and locked. Withdraw the approval to change them.")
        )
        return redirect("meetings:minutes", code=region.code, pk=meeting.pk)
    initial = {}
    decisions_initial = []
    if minutes is not None:
        initial = {
            "version": minutes.version,
            "body": minutes.body,
            "chair_name": minutes.chair_name,
            "secretary_name": minutes.secretary_name,
        }
        decisions_initial = [{"id": d.pk, "text": d.text} for d in minutes.decisions.all()]
    form = MinutesForm(crud.posted(request), initial=initial)
    formset = DecisionFormSet(crud.posted(request), initial=decisions_initial, prefix="decisions")
    return crud.form_screen(
        request,
        form,
        formsets=[formset],
        save=lambda form: services.save_minutes(
            meeting=meeting,
            by=request.user,
            body=form.cleaned_data["body"],
            chair_name=form.cleaned_data["chair_name"],
            secretary_name=form.cleaned_data["secretary_name"],
            decisions=[f.cleaned_data for f in formset.forms if f.cleaned_data],
            expected_version=form.cleaned_data.get("version"),
        ),
        template="meetings/minutes_form.html",
        context={"meeting": meeting, "formset": formset, "minutes": minutes},
        message=_("The minutes were saved."),
        success_url=meeting_page_url("minutes", region, meeting),
    )


def _minutes_action(request, region, pk, *, form_class, incomplete, act, message):
    """A button on the minutes page: the form, then `act(minutes, form)` (the service)."""
    meeting = editable_meeting(request, region, pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    return crud.confirm_action(
        request,
        form=form_class(request.POST),
        incomplete=incomplete,
        action=lambda form: act(minutes, form),
        message=message,
        success_url=meeting_page_url("minutes", region, meeting),
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def minutes_approve(request, region, pk):
    return _minutes_action(
        request, region, pk, form_class=VersionForm,
        incomplete=_("Reload the page and try again."),
        act=lambda minutes, form: services.approve_minutes(
            minutes=minutes, by=request.user, **crud.locked(form)
        ),
        message=_("The minutes are approved and now locked."),
    )  # fmt: skip


@require_POST
@region_view(Permission.MEETING_EDIT)
def minutes_withdraw(request, region, pk):
    return _minutes_action(
        request, region, pk, form_class=WithdrawForm,
        incomplete=_("Say why the approval is withdrawn."),
        act=lambda minutes, form: services.withdraw_approval(
            minutes=minutes, by=request.user, reason=form.cleaned_data["reason"],
            **crud.locked(form),
        ),
        message=_("The approval was withdrawn; the minutes can be corrected."),
    )  # fmt: skip
