"""A region's meetings: the list, creating and editing one, its page, its programme (agenda)
and its materials."""

from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import region_view
from accounts.permissions import Permission
from meetings import services
from meetings.attendance import attendance_summary, regions_attendance
from meetings.files import serve_stored
from meetings.formats import meeting_when
from meetings.forms import AgendaItemForm, MaterialForm, MeetingForm
from meetings.models import Meeting, Minutes
from meetings.scope import can_edit_meeting, get_meeting, meetings_in
from meetings.timezones import region_timezone
from meetings.views.common import detail_url, editable_meeting, meeting_page_url
from meetings.whatsapp import invitation_shares


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
    past = crud.listing(
        request,
        meetings.filter(ends_at__lt=now),
        search=("title", "venue"),
        sorts=crud.dated_sorts("starts_at"),
    )
    return crud.page(
        request,
        "meetings/meeting_list.html",
        {
            "upcoming": meetings.filter(ends_at__gte=now).order_by("starts_at"),
            "past": past.page,
            "listing": past,
            "below": below,
        },
        edit=Permission.MEETING_EDIT,
    )


@region_view(Permission.MEETING_EDIT)
def meeting_create(request, region):
    with timezone.override(region_timezone(region)):
        return crud.form_screen(
            request,
            crud.bind(request, MeetingForm, region=region),
            save=lambda form: services.create_meeting(
                region=region,
                by=request.user,
                invited_regions=form.cleaned_data.get("invited_regions") or [],
                invite_all_children=form.cleaned_data.get("invite_all_children", False),
                **form.service_fields(),
            ),
            template="meetings/meeting_form.html",
            context={"meeting": None},
            message=_("The meeting was created. Now choose whom to invite."),
            success_url=lambda meeting: meeting_page_url("invitees", region, meeting),
        )


@region_view(Permission.MEETING_EDIT)
def meeting_edit(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    invited = list(meeting.invited_regions.values_list("region_id", flat=True))
    with timezone.override(meeting.tz):
        form = crud.bind(
            request,
            MeetingForm,
            instance=meeting,
            initial={"invited_regions": invited},
            region=meeting.region,
            editing=True,
        )
        return crud.form_screen(
            request,
            form,
            save=lambda form: services.update_meeting(
                meeting=Meeting.objects.get(pk=meeting.pk),
                by=request.user,
                **crud.locked(form),
                invited_regions=form.cleaned_data.get("invited_regions")
                if meeting.region.is_province
                else None,
                invite_all_children=form.cleaned_data.get("invite_all_children", False),
                **form.service_fields(),
            ),
            template="meetings/meeting_form.html",
            context={"meeting": meeting},
            message=_("The meeting was saved."),
            success_url=detail_url(region, meeting),
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
        "participants": list(meeting.participants.select_related("region", "member__workgroup")),
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
        context["wa_shares"] = invitation_shares(
            request, meeting, [p for p in context["participants"] if p.invited]
        )
    return render(request, "meetings/meeting_detail.html", context)


# --- Programme and materials: buttons on the meeting's page -----------------------------------


@require_POST
@region_view(Permission.MEETING_EDIT)
def agenda_add(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    with timezone.override(meeting.tz):
        return crud.confirm_action(
            request,
            form=AgendaItemForm(request.POST),
            incomplete=_("The session was not added: give it a title and valid times."),
            action=lambda form: services.add_agenda_item(
                meeting=meeting, by=request.user, **form.cleaned_data
            ),
            message=_("The session was added to the programme."),
            success_url=detail_url(region, meeting, "agenda"),
        )


@require_POST
@region_view(Permission.MEETING_EDIT)
def agenda_delete(request, region, pk, item_pk):
    meeting = editable_meeting(request, region, pk)
    item = get_object_or_404(meeting.agenda_items, pk=item_pk)
    return crud.confirm_action(
        request,
        action=lambda _form: services.delete_agenda_item(item=item, by=request.user),
        message=_("The session was removed."),
        success_url=detail_url(region, meeting, "agenda"),
    )


@require_POST
@region_view(Permission.MEETING_EDIT)
def material_add(request, region, pk):
    meeting = editable_meeting(request, region, pk)
    return crud.confirm_action(
        request,
        form=MaterialForm(request.POST, request.FILES),
        incomplete=_("Choose a file to upload."),
        action=lambda form: services.add_material(
            meeting=meeting,
            by=request.user,
            title=form.cleaned_data["title"],
            upload=form.cleaned_data["file"],
        ),
        message=_("The material was uploaded."),
        success_url=detail_url(region, meeting, "materials"),
    )


@region_view(Permission.REGION_VIEW)
def material_download(request, region, pk, material_pk):
    meeting = get_meeting(region, pk)
    material = get_object_or_404(meeting.materials, pk=material_pk)
    return serve_stored(material.file, material.original_filename or material.title)


@require_POST
@region_view(Permission.MEETING_EDIT)
def material_delete(request, region, pk, material_pk):
    meeting = editable_meeting(request, region, pk)
    material = get_object_or_404(meeting.materials, pk=material_pk)
    return crud.confirm_action(
        request,
        action=lambda _form: services.delete_material(material=material, by=request.user),
        message=_("The material was removed."),
        success_url=detail_url(region, meeting, "materials"),
    )
