"""HTML pages of the forum: meetings, invitations, attendance, minutes, action items, the region
agenda, announcements and the letterhead. Views parse input, call a service and redirect; scope
and rights are checked by `region_view` and meetings/scope.py."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from core.errors import ConflictError, DomainError
from core.uploads import safe_filename
from meetings import services
from meetings.attendance import attendance_summary, rates_by_institution, regions_attendance
from meetings.calendar import meeting_ics
from meetings.files import serve_stored
from meetings.formats import meeting_when
from meetings.forms import (
    ActionItemForm,
    AgendaItemForm,
    AnnouncementForm,
    DecisionFormSet,
    GuestForm,
    InviteesForm,
    LetterheadForm,
    MaterialForm,
    MeetingForm,
    MinutesForm,
    ProgressForm,
    VersionForm,
    WithdrawForm,
    apply_domain_error,
)
from meetings.links import meeting_url
from meetings.models import (
    ActionItem,
    AnnouncementRead,
    Letterhead,
    Meeting,
    Minutes,
    Participant,
)
from meetings.scope import (
    announcements_in,
    can_edit_meeting,
    can_manage_item,
    can_update_item,
    get_announcement,
    get_item,
    get_meeting,
    items_in,
    meetings_in,
    require_item_manage,
    require_item_update,
    require_meeting_edit,
)
from meetings.timezones import region_timezone


def _posted(request):
    """The POST data of a POST (even an empty one, e.g. all boxes unticked), else None."""
    return request.POST if request.method == "POST" else None


def _detail(region, meeting, anchor=""):
    url = reverse("meetings:detail", kwargs={"code": region.code, "pk": meeting.pk})
    return redirect(url + (f"#{anchor}" if anchor else ""))


def _editable_meeting(request, region, pk) -> Meeting:
    meeting = get_meeting(region, pk)
    require_meeting_edit(request.user, meeting)
    return meeting


def _report(request, exc):
    messages.error(request, exc.message)
    for entry in exc.errors:
        if entry.get("message") and entry["message"] != str(exc.message):
            messages.error(request, entry["message"])


# --- Meetings ---------------------------------------------------------------------------------


@region_view(Permission.REGION_VIEW)
def meeting_list(request, region):
    now = timezone.now()
    meetings = meetings_in(region).annotate(participant_count=Count("participants"))
    below = []
    if region.is_province:
        below = list(
            Meeting.objects.filter(region__parent=region)
            .select_related("region")
            .order_by("-starts_at")[:20]
        )
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "region": region,
            "upcoming": meetings.filter(ends_at__gte=now).order_by("starts_at"),
            "past": meetings.filter(ends_at__lt=now).order_by("-starts_at")[:50],
            "below": below,
            "can_edit": has_permission(request.user, Permission.MEETING_EDIT, region),
        },
    )


@region_view(Permission.MEETING_EDIT)
def meeting_create(request, region):
    with timezone.override(region_timezone(region)):
        form = MeetingForm(_posted(request), region=region)
        if request.method == "POST" and form.is_valid():
            try:
                meeting = services.create_meeting(
                    region=region,
                    by=request.user,
                    invited_regions=form.cleaned_data.get("invited_regions") or [],
                    invite_all_children=form.cleaned_data.get("invite_all_children", False),
                    **form.service_fields(),
                )
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                messages.success(request, _("The meeting was created. Now choose whom to invite."))
                return redirect("meetings:invitees", code=region.code, pk=meeting.pk)
        return render(
            request, "meetings/meeting_form.html", {"region": region, "form": form, "meeting": None}
        )


@region_view(Permission.MEETING_EDIT)
def meeting_edit(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    with timezone.override(meeting.tz):
        initial = {
            "version": meeting.version,
            "invited_regions": list(meeting.invited_regions.values_list("region_id", flat=True)),
        }
        form = MeetingForm(
            _posted(request),
            instance=meeting,
            initial=initial,
            region=meeting.region,
            editing=True,
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.update_meeting(
                    meeting=Meeting.objects.get(pk=meeting.pk),
                    by=request.user,
                    expected_version=form.cleaned_data["version"],
                    invited_regions=form.cleaned_data.get("invited_regions")
                    if meeting.region.is_province
                    else None,
                    invite_all_children=form.cleaned_data.get("invite_all_children", False),
                    **form.service_fields(),
                )
            except DomainError as exc:
                apply_domain_error(form, exc)
            else:
                messages.success(request, _("The meeting was saved."))
                return _detail(region, meeting)
        return render(
            request,
            "meetings/meeting_form.html",
            {"region": region, "form": form, "meeting": meeting},
        )


@region_view(Permission.REGION_VIEW)
def meeting_detail(request, region, pk):
    meeting = get_meeting(region, pk)
    can_edit = can_edit_meeting(request.user, meeting)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    items = meeting.action_items.select_related(
        "assigned_region", "assigned_institution", "assigned_member"
    )
    if meeting.region_id != region.pk:
        # Seen from an invited region: its own commitments (the rest is the organiser's business).
        items = items.filter(assigned_region=region)
    context = {
        "region": region,
        "meeting": meeting,
        "when": meeting_when(meeting),
        "organised_here": meeting.region_id == region.pk,
        "can_edit": can_edit,
        "agenda": meeting.agenda_items.all(),
        "materials": meeting.materials.all(),
        "invited_regions": regions_attendance(meeting),
        "invited_institutions": meeting.invited_institutions.select_related("institution__region"),
        "participants": meeting.participants.select_related("region"),
        "summary": attendance_summary(meeting),
        "minutes": minutes,
        "show_minutes": minutes is not None and (minutes.is_approved or can_edit),
        "items": items,
    }
    if can_edit:
        with timezone.override(meeting.tz):
            context["agenda_form"] = AgendaItemForm()
        context["material_form"] = MaterialForm()
        context["unsent"] = meeting.participants.filter(
            invited=True, invitation_sent_at__isnull=True
        ).count()
    return render(request, "meetings/meeting_detail.html", context)


@region_view(Permission.MEETING_EDIT)
def meeting_invitees(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    initial = {
        "members": list(
            meeting.participants.filter(member__isnull=False).values_list("member_id", flat=True)
        ),
        "institutions": list(meeting.invited_institutions.values_list("institution_id", flat=True)),
    }
    form = InviteesForm(
        _posted(request),
        initial=initial,
        members=services.eligible_members(meeting),
        institutions=services.eligible_institutions(meeting),
    )
    if request.method == "POST" and form.is_valid():
        try:
            result = services.set_invitees(
                meeting=meeting,
                by=request.user,
                members=form.cleaned_data["members"],
                institutions=form.cleaned_data["institutions"],
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
            for entry in exc.errors:
                form.add_error(None, entry["message"])
        else:
            messages.success(
                request,
                _("%(members)s members and %(institutions)s institutions are invited.")
                % {"members": result["members"], "institutions": result["institutions"]},
            )
            return _detail(region, meeting, "participants")
    guests = meeting.participants.filter(member__isnull=True, invited=True)
    return render(
        request,
        "meetings/invitees.html",
        {
            "region": region,
            "meeting": meeting,
            "form": form,
            "guest_form": GuestForm(regions=services.eligible_regions(meeting)),
            "guests": guests,
        },
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def guest_add(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    walk_in = request.POST.get("walk_in") == "1"
    form = GuestForm(request.POST, regions=services.eligible_regions(meeting), walk_in=walk_in)
    if not form.is_valid():
        for field, errors in form.errors.items():
            for error in errors:
                messages.error(
                    request, f"{form.fields[field].label if field in form.fields else ''}: {error}"
                )
    else:
        data = form.cleaned_data
        try:
            participant = services.add_guest(
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
        except DomainError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("%(name)s was added.") % {"name": participant.name})
    target = "meetings:attendance" if walk_in else "meetings:invitees"
    return redirect(target, code=region.code, pk=meeting.pk)


@require_POST
@region_view(Permission.MEETING_EDIT)
def participant_delete(request, region, pk, participant_pk):
    meeting = _editable_meeting(request, region, pk)
    participant = get_object_or_404(meeting.participants, pk=participant_pk)
    services.remove_participant(participant=participant, by=request.user)
    messages.success(request, _("%(name)s was taken off the list.") % {"name": participant.name})
    target = (
        "meetings:attendance"
        if request.POST.get("next_page") == "attendance"
        else "meetings:invitees"
    )
    return redirect(target, code=region.code, pk=meeting.pk)


@require_POST
@region_view(Permission.MEETING_EDIT)
def agenda_add(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    with timezone.override(meeting.tz):
        form = AgendaItemForm(request.POST)
        valid = form.is_valid()
    if not valid:
        messages.error(request, _("The session was not added: give it a title and valid times."))
    else:
        try:
            services.add_agenda_item(meeting=meeting, by=request.user, **form.cleaned_data)
        except DomainError as exc:
            _report(request, exc)
        else:
            messages.success(request, _("The session was added to the programme."))
    return _detail(region, meeting, "agenda")


@require_POST
@region_view(Permission.MEETING_EDIT)
def agenda_delete(request, region, pk, item_pk):
    meeting = _editable_meeting(request, region, pk)
    item = get_object_or_404(meeting.agenda_items, pk=item_pk)
    services.delete_agenda_item(item=item, by=request.user)
    messages.success(request, _("The session was removed."))
    return _detail(region, meeting, "agenda")


@require_POST
@region_view(Permission.MEETING_EDIT)
def material_add(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    form = MaterialForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to upload."))
    else:
        try:
            services.add_material(
                meeting=meeting,
                by=request.user,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The material was uploaded."))
    return _detail(region, meeting, "materials")


@region_view(Permission.REGION_VIEW)
def material_download(request, region, pk, material_pk):
    meeting = get_meeting(region, pk)
    material = get_object_or_404(meeting.materials, pk=material_pk)
    return serve_stored(material.file, material.original_filename or material.title)


@require_POST
@region_view(Permission.MEETING_EDIT)
def material_delete(request, region, pk, material_pk):
    meeting = _editable_meeting(request, region, pk)
    material = get_object_or_404(meeting.materials, pk=material_pk)
    services.delete_material(material=material, by=request.user)
    messages.success(request, _("The material was removed."))
    return _detail(region, meeting, "materials")


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@region_view(Permission.REGION_VIEW)
def invitation_pdf(request, region, pk):
    from meetings.pdf import invitation_pdf as build

    meeting = get_meeting(region, pk)
    return _pdf_response(build(meeting), f"Undangan-{meeting.pk}.pdf")


@region_view(Permission.REGION_VIEW)
def calendar_ics(request, region, pk):
    meeting = get_meeting(region, pk)
    response = HttpResponse(
        meeting_ics(meeting, url=meeting_url(meeting, region)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="rapat-{meeting.pk}.ics"'
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@region_view(Permission.MEETING_EDIT)
def send_invitations(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    try:
        count = services.send_invitations(
            meeting=meeting, by=request.user, resend=request.POST.get("resend") == "1"
        )
    except DomainError as exc:
        _report(request, exc)
    else:
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
    return _detail(region, meeting, "participants")


@region_view(Permission.MEETING_EDIT)
def attendance(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    participants = list(meeting.participants.select_related("region"))
    errors = []
    if request.method == "POST":
        entries = [
            {
                "participant_id": p.pk,
                "attendance": request.POST.get(f"attendance-{p.pk}", p.attendance),
                "represented_by": request.POST.get(f"represented_by-{p.pk}", ""),
            }
            for p in participants
        ]
        try:
            changed = services.record_attendance(meeting=meeting, by=request.user, entries=entries)
        except DomainError as exc:
            errors = [exc.message, *[e["message"] for e in exc.errors]]
            posted = {e["participant_id"]: e for e in entries}
            for p in participants:
                p.attendance = posted[p.pk]["attendance"]
                p.represented_by = posted[p.pk]["represented_by"]
        else:
            messages.success(
                request, _("Attendance saved (%(count)s changes).") % {"count": changed}
            )
            return redirect("meetings:attendance", code=region.code, pk=meeting.pk)
    return render(
        request,
        "meetings/attendance.html",
        {
            "region": region,
            "meeting": meeting,
            "participants": participants,
            "choices": Participant.Attendance.choices,
            "errors": errors,
            "summary": attendance_summary(meeting),
            "by_institution": rates_by_institution(participants),
            "by_region": regions_attendance(meeting),
            "guest_form": GuestForm(regions=services.eligible_regions(meeting), walk_in=True),
            "started": meeting.has_started,
        },
    )


@region_view(Permission.REGION_VIEW)
def attendance_sheet(request, region, pk):
    from meetings.pdf import attendance_sheet_pdf

    meeting = get_meeting(region, pk)
    try:
        blank = max(0, min(int(request.GET.get("blank", 10)), 60))
    except ValueError:
        blank = 10
    return _pdf_response(
        attendance_sheet_pdf(meeting, blank_rows=blank), f"Daftar-hadir-{meeting.pk}.pdf"
    )


@region_view(Permission.REGION_VIEW)
def attendance_report(request, region):
    """Attendance rates of the meetings organised by this region: per meeting and per institution."""
    meetings = list(
        Meeting.objects.filter(
            region=region, status=Meeting.Status.SCHEDULED, starts_at__lte=timezone.now()
        )
        .select_related("region")
        .order_by("-starts_at")[:100]
    )
    participants = list(Participant.objects.filter(meeting__in=meetings))
    rows = [{"meeting": m, "summary": attendance_summary(m)} for m in meetings]
    return render(
        request,
        "meetings/attendance_report.html",
        {"region": region, "rows": rows, "by_institution": rates_by_institution(participants)},
    )


# --- Minutes ----------------------------------------------------------------------------------


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
    meeting = _editable_meeting(request, region, pk)
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
    form = MinutesForm(_posted(request), initial=initial)
    formset = DecisionFormSet(_posted(request), initial=decisions_initial, prefix="decisions")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            services.save_minutes(
                meeting=meeting,
                by=request.user,
                body=form.cleaned_data["body"],
                chair_name=form.cleaned_data["chair_name"],
                secretary_name=form.cleaned_data["secretary_name"],
                decisions=[f.cleaned_data for f in formset.forms if f.cleaned_data],
                expected_version=form.cleaned_data.get("version"),
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("The minutes were saved."))
            return redirect("meetings:minutes", code=region.code, pk=meeting.pk)
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "region": region,
            "meeting": meeting,
            "form": form,
            "formset": formset,
            "minutes": minutes,
        },
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def minutes_approve(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    form = VersionForm(request.POST)
    try:
        if not form.is_valid():
            raise ConflictError(_("Reload the page and try again."))
        services.approve_minutes(
            minutes=minutes, by=request.user, expected_version=form.cleaned_data["version"]
        )
    except DomainError as exc:
        _report(request, exc)
    else:
        messages.success(request, _("The minutes are approved and now locked."))
    return redirect("meetings:minutes", code=region.code, pk=meeting.pk)


@require_POST
@region_view(Permission.MEETING_EDIT)
def minutes_withdraw(request, region, pk):
    meeting = _editable_meeting(request, region, pk)
    minutes = get_object_or_404(Minutes, meeting=meeting)
    form = WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why the approval is withdrawn."))
        return redirect("meetings:minutes", code=region.code, pk=meeting.pk)
    try:
        services.withdraw_approval(
            minutes=minutes,
            by=request.user,
            reason=form.cleaned_data["reason"],
            expected_version=form.cleaned_data["version"],
        )
    except DomainError as exc:
        _report(request, exc)
    else:
        messages.success(request, _("The approval was withdrawn; the minutes can be corrected."))
    return redirect("meetings:minutes", code=region.code, pk=meeting.pk)


@region_view(Permission.REGION_VIEW)
def minutes_pdf(request, region, pk):
    from meetings.pdf import minutes_pdf as build

    meeting = get_meeting(region, pk)
    minutes = Minutes.objects.filter(meeting=meeting).first()
    if minutes is None:
        raise Http404("No minutes")
    if not minutes.is_approved and not can_edit_meeting(request.user, meeting):
        raise PermissionDenied
    return _pdf_response(build(meeting), f"Notulen-{meeting.pk}.pdf")


# --- Action items -----------------------------------------------------------------------------


@region_view(Permission.REGION_VIEW)
def item_list(request, region):
    today = timezone.localdate()
    items = items_in(region)
    status = request.GET.get("status", "open")
    if status == "open":
        items = items.filter(status__in=ActionItem.OPEN_STATUSES)
    elif status in ActionItem.Status.values:
        items = items.filter(status=status)
    else:
        status = "all"
    side = request.GET.get("side", "")
    if side == "assigned":
        items = items.filter(assigned_region=region)
    elif side == "set":
        items = items.filter(region=region)
    if request.GET.get("overdue") == "1":
        items = items.filter(status__in=ActionItem.OPEN_STATUSES, due_date__lt=today)
    return render(
        request,
        "meetings/item_list.html",
        {
            "region": region,
            "items": items.order_by("due_date", "pk")[:500],
            "status": status,
            "side": side,
            "overdue": request.GET.get("overdue") == "1",
            "statuses": ActionItem.Status.choices,
            "today": today,
            "can_create": has_permission(request.user, Permission.MEETING_EDIT, region),
        },
    )


@region_view(Permission.MEETING_EDIT)
def item_create(request, region):
    meeting = None
    meeting_pk = request.GET.get("meeting") or request.POST.get("meeting")
    if meeting_pk:
        meeting = Meeting.objects.filter(region=region, pk=meeting_pk).first()
    form = ActionItemForm(
        _posted(request), region=region, initial={"meeting": meeting.pk if meeting else None}
    )
    if request.method == "POST" and form.is_valid():
        try:
            item = services.create_action_item(
                region=region, by=request.user, **form.service_fields()
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("The action item was created."))
            if item.meeting_id and request.POST.get("another") == "1":
                return redirect(
                    reverse("meetings:item_create", kwargs={"code": region.code})
                    + f"?meeting={item.meeting_id}"
                )
            return redirect("meetings:item_detail", code=region.code, pk=item.pk)
    return render(
        request,
        "meetings/item_form.html",
        {"region": region, "form": form, "item": None, "meeting": meeting},
    )


@region_view(Permission.REGION_VIEW)
def item_detail(request, region, pk):
    item = get_item(region, pk)
    can_update = can_update_item(request.user, item)
    return render(
        request,
        "meetings/item_detail.html",
        {
            "region": region,
            "item": item,
            "notes": item.notes.all(),
            "can_update": can_update,
            "can_manage": can_manage_item(request.user, item),
            "overdue": item.is_overdue(),
            "progress_form": ProgressForm(initial={"version": item.version, "status": item.status})
            if can_update
            else None,
        },
    )


@region_view(Permission.MEETING_EDIT)
def item_edit(request, region, pk):
    item = get_item(region, pk)
    require_item_manage(request.user, item)
    initial = {
        "version": item.version, "kind": item.kind, "title": item.title, "description": item.description,
        "assigned_region": item.assigned_region_id, "assigned_institution": item.assigned_institution_id,
        "assigned_member": item.assigned_member_id, "due_date": item.due_date, "meeting": item.meeting_id,
    }  # fmt: skip
    form = ActionItemForm(_posted(request), region=item.region, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_action_item(
                item=ActionItem.objects.get(pk=item.pk),
                by=request.user,
                expected_version=form.cleaned_data["version"],
                **form.service_fields(),
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("The action item was saved."))
            return redirect("meetings:item_detail", code=region.code, pk=item.pk)
    return render(
        request,
        "meetings/item_form.html",
        {"region": region, "form": form, "item": item, "meeting": item.meeting},
    )


@require_POST
@region_view(Permission.ACTION_ITEM_UPDATE)
def item_progress(request, region, pk):
    item = get_item(region, pk)
    require_item_update(request.user, item)
    form = ProgressForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    else:
        try:
            services.report_progress(
                item=item,
                by=request.user,
                text=form.cleaned_data["text"],
                status=form.cleaned_data["status"],
                evidence=form.cleaned_data["evidence"],
                expected_version=form.cleaned_data["version"],
            )
        except DomainError as exc:
            _report(request, exc)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The progress was recorded."))
    return redirect("meetings:item_detail", code=region.code, pk=item.pk)


@region_view(Permission.REGION_VIEW)
def item_evidence(request, region, pk, note_pk):
    item = get_item(region, pk)
    note = get_object_or_404(item.notes.exclude(evidence=""), pk=note_pk)
    return serve_stored(note.evidence, note.evidence_filename or f"bukti-{item.pk}")


# --- Region agenda ----------------------------------------------------------------------------


@region_view(Permission.REGION_VIEW)
def region_agenda(request, region):
    """What needs attention: overdue items, items due in the next 30 days, meetings coming up."""
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=30)
    open_items = items_in(region).filter(status__in=ActionItem.OPEN_STATUSES)
    now = timezone.now()
    return render(
        request,
        "meetings/agenda.html",
        {
            "region": region,
            "today": today,
            "overdue": open_items.filter(due_date__lt=today).order_by("due_date"),
            "upcoming_items": open_items.filter(
                due_date__gte=today, due_date__lte=horizon
            ).order_by("due_date"),
            "meetings": meetings_in(region)
            .filter(
                status=Meeting.Status.SCHEDULED,
                ends_at__gte=now,
                starts_at__lte=now + datetime.timedelta(days=60),
            )
            .order_by("starts_at"),
        },
    )


# --- Announcements ----------------------------------------------------------------------------


@region_view(Permission.REGION_VIEW)
def announcement_list(request, region):
    announcements = announcements_in(region)
    if region.is_province:
        announcements = announcements.annotate(
            recipient_count=Count("recipients", distinct=True),
            read_count=Count("reads__region", distinct=True),
        )
    read_ids = set(
        AnnouncementRead.objects.filter(region=region, user=request.user).values_list(
            "announcement_id", flat=True
        )
    )
    return render(
        request,
        "meetings/announcement_list.html",
        {
            "region": region,
            "announcements": announcements[:200],
            "read_ids": read_ids,
            "can_send": region.is_province
            and has_permission(request.user, Permission.ANNOUNCEMENT_SEND, region),
        },
    )


@region_view(Permission.ANNOUNCEMENT_SEND)
def announcement_create(request, region):
    if not region.is_province:
        raise Http404("Announcements are sent by provinces")
    form = AnnouncementForm(_posted(request), region=region)
    if request.method == "POST" and form.is_valid():
        try:
            announcement = services.send_announcement(
                region=region,
                by=request.user,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                recipients=form.cleaned_data["recipients"],
            )
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("The announcement was sent."))
            return redirect("meetings:announcement_detail", code=region.code, pk=announcement.pk)
    return render(request, "meetings/announcement_form.html", {"region": region, "form": form})


@region_view(Permission.REGION_VIEW)
def announcement_detail(request, region, pk):
    announcement = get_announcement(region, pk)
    services.record_read(announcement=announcement, region=region, by=request.user)
    receipts = None
    if region.pk == announcement.region_id:
        first_reads = {}
        for read in announcement.reads.select_related("user").order_by("read_at"):
            first_reads.setdefault(read.region_id, read)
        receipts = [
            {"region": recipient.region, "read": first_reads.get(recipient.region_id)}
            for recipient in announcement.recipients.select_related("region")
        ]
    return render(
        request,
        "meetings/announcement_detail.html",
        {
            "region": region,
            "announcement": announcement,
            "receipts": receipts,
            "read_count": sum(1 for r in receipts or [] if r["read"]),
        },
    )


# --- Letterhead -------------------------------------------------------------------------------


@region_view(Permission.REGION_EDIT)
def letterhead_edit(request, region):
    letterhead = Letterhead.objects.filter(region=region).first()
    initial = {"version": letterhead.version} if letterhead else {}
    form = LetterheadForm(
        _posted(request),
        request.FILES if request.method == "POST" else None,
        instance=letterhead,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.save_letterhead(
                region=region,
                by=request.user,
                expected_version=form.cleaned_data.get("version"),
                logo=form.cleaned_data.get("logo_upload"),
                remove_logo=form.cleaned_data.get("remove_logo", False),
                **{name: form.cleaned_data[name] for name in Letterhead.EDITABLE_FIELDS},
            )
        except ValidationError as exc:
            form.add_error("logo_upload", exc)
        except DomainError as exc:
            apply_domain_error(form, exc)
        else:
            messages.success(request, _("The letterhead was saved."))
            return redirect("meetings:letterhead", code=region.code)
    return render(
        request,
        "meetings/letterhead.html",
        {"region": region, "form": form, "letterhead": letterhead},
    )


@region_view(Permission.REGION_VIEW)
def letterhead_logo(request, region):
    letterhead = Letterhead.objects.filter(region=region).exclude(logo="").first()
    if letterhead is None:
        raise Http404("No logo")
    return serve_stored(letterhead.logo, "logo", inline=True)
