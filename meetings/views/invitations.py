"""Whom a meeting invites (Pokja members, institutions, guests) and sending the invitations."""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from core.errors import DomainError
from meetings import services
from meetings.forms import GuestForm, InviteeFilter, InviteesForm
from meetings.models import Participant
from meetings.views.common import detail_url, editable_meeting, meeting_page_url


def _set_invitees(request, meeting, form, kept):
    """Save the ticks of the members shown (the filtered list); `kept`, the members invited but
    not shown, stay invited."""
    try:
        return services.set_invitees(
            meeting=meeting,
            by=request.user,
            members=kept | {m.pk for m in form.cleaned_data["members"]},
            institutions=form.cleaned_data["institutions"],
        )
    except DomainError as exc:
        for entry in exc.errors:
            form.add_error(None, entry["message"])
        raise


def _filtered(request, meeting):
    """The filter of the invite screen (from the query string) and the members it shows."""
    everyone = services.eligible_members(meeting)
    filters = InviteeFilter(request.GET or None, members=everyone)
    return filters, filters.apply(everyone)


@region_view(Permission.MEETING_EDIT)
def meeting_invitees(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    filters, shown = _filtered(request, meeting)
    invited = set(
        meeting.participants.filter(member__isnull=False).values_list("member_id", flat=True)
    )
    initial = {
        "members": list(invited),
        "institutions": list(meeting.invited_institutions.values_list("institution_id", flat=True)),
    }
    form = InviteesForm(
        crud.posted(request),
        initial=initial,
        members=shown,
        institutions=services.eligible_institutions(meeting),
    )
    shown_ids = set(shown.values_list("pk", flat=True))
    return crud.form_screen(
        request,
        form,
        save=lambda form: _set_invitees(request, meeting, form, invited - shown_ids),
        template="meetings/invitees.html",
        context={
            "meeting": meeting,
            "filters": filters,
            "shown": len(shown_ids),
            "not_shown_invited": len(invited - shown_ids),
            "query": request.GET.urlencode(),
            "guest_form": GuestForm(regions=services.eligible_regions(meeting)),
            "guests": meeting.participants.filter(member__isnull=True, invited=True),
        },
        message=lambda result: (
            _("%(members)s members and %(institutions)s institutions are invited.")
            % {"members": result["members"], "institutions": result["institutions"]}
        ),
        success_url=detail_url(region, meeting, "participants"),
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def invite_group(request, region, pk):
    """Invite every member the filter shows (a whole sub-group, institution, role or region) in
    one action."""
    meeting = editable_meeting(request, region, pk)
    filters, shown = _filtered(request, meeting)
    group = filters.group() or _("all Pokja members")
    url = meeting_page_url("invitees", region, meeting)
    return crud.confirm_action(
        request,
        form=filters if filters.is_bound else None,  # a filter that does not parse invites nobody
        action=lambda _form: services.invite_members(
            meeting=meeting, by=request.user, members=shown, group=group
        ),
        message=lambda added: (
            _("%(count)s members of %(group)s were invited.") % {"count": added, "group": group}
        ),
        success_url=f"{url}?{request.GET.urlencode()}" if request.GET else url,
    )


def _labelled_errors(form):
    for field, errors in form.errors.items():
        for error in errors:
            yield f"{form.fields[field].label if field in form.fields else ''}: {error}"


@require_POST
@region_view(Permission.MEETING_EDIT)
def guest_add(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    walk_in = request.POST.get("walk_in") == "1"

    def add(form):
        data = form.cleaned_data
        return services.add_guest(
            meeting=meeting,
            by=request.user,
            name=data["name"],
            position=data["position"],
            institution_name=data["institution_name"],
            email=data["email"],
            phone=data["phone"],
            region=data["region"],
            invited=not walk_in,
            attendance=data.get("attendance") or Participant.Attendance.UNKNOWN,
            represented_by=data.get("represented_by", ""),
        )

    return crud.confirm_action(
        request,
        form=GuestForm(request.POST, regions=services.eligible_regions(meeting), walk_in=walk_in),
        incomplete=_labelled_errors,
        action=add,
        message=lambda participant: _("%(name)s was added.") % {"name": participant.name},
        success_url=meeting_page_url("attendance" if walk_in else "invitees", region, meeting),
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def participant_delete(request, region, pk, participant_pk):
    meeting = editable_meeting(request, region, pk)
    participant = get_object_or_404(meeting.participants, pk=participant_pk)
    page = "attendance" if request.POST.get("next_page") == "attendance" else "invitees"
    return crud.confirm_action(
        request,
        action=lambda _form: services.remove_participant(participant=participant, by=request.user),
        message=_("%(name)s was taken off the list.") % {"name": participant.name},
        success_url=meeting_page_url(page, region, meeting),
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def send_invitations(request, region, pk):
    meeting = editable_meeting(request, region, pk)

    def send(_form):
        count = services.send_invitations(
            meeting=meeting, by=request.user, resend=request.POST.get("resend") == "1"
        )
        if count:
            messages.success(
                request,
                _("The invitation is being e-mailed to %(count)s participants.") % {"count": count},
            )
        else:
            messages.info(
                request,
                _(
                    "Nobody to e-mail: every invited participant with an e-mail address already has the invitation."
                ),
            )

    return crud.confirm_action(
        request, action=send, success_url=detail_url(region, meeting, "participants")
    )
