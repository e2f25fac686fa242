"""Follow-up actions (action items) and the region agenda that lists what needs attention."""

import datetime

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import crud
from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from meetings import services
from meetings.files import serve_stored
from meetings.forms import ActionItemForm, ProgressForm
from meetings.models import ActionItem, Meeting
from meetings.scope import (
    can_manage_item,
    can_update_item,
    get_item,
    items_in,
    meetings_in,
    require_item_manage,
    require_item_update,
)
from meetings.whatsapp import item_share


def _item_url(region, item) -> str:
    return reverse("meetings:item_detail", kwargs={"code": region.code, "pk": item.pk})


ITEM_SORTS = {
    "due": (gettext_lazy("Due date, earliest first"), ("due_date", "pk")),
    "-due": (gettext_lazy("Due date, latest first"), ("-due_date", "-pk")),
    "title": (gettext_lazy("Title"), ("title", "pk")),
    "status": (gettext_lazy("Status"), ("status", "due_date", "pk")),
}


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
    listing = crud.listing(
        request,
        items,
        search=("title", "description", "assigned_institution__name", "assigned_member__name"),
        sorts=ITEM_SORTS,
    )
    return render(
        request,
        "meetings/item_list.html",
        {
            "region": region,
            "listing": listing,
            "items": listing.page,
            "status": status,
            "side": side,
            "overdue": request.GET.get("overdue") == "1",
            "statuses": ActionItem.Status.choices,
            "today": today,
            "can_create": has_permission(request.user, Permission.MEETING_EDIT, region),
            "can_close": has_permission(request.user, Permission.ACTION_ITEM_UPDATE, region),
        },
    )


@require_POST
@region_view(Permission.ACTION_ITEM_UPDATE)
def items_done(request, region):
    """Mark the ticked action items done at once. Every item must be reachable from the region
    (else 404) and one the user may update (else 403)."""
    try:
        ids = {int(pk) for pk in request.POST.getlist("items")}
    except ValueError:
        raise Http404 from None
    items = list(items_in(region).filter(pk__in=ids).order_by("pk"))
    if len(items) != len(ids):
        raise Http404
    for item in items:
        require_item_update(request.user, item)
    back = reverse("meetings:items", kwargs={"code": region.code})
    query = request.POST.get("query", "")
    back = f"{back}?{query}" if query else back
    if not items:
        messages.error(request, _("Tick the action items to mark done."))
        return redirect(back)
    return crud.confirm_action(
        request,
        action=lambda _form: services.mark_items_done(
            items=items,
            by=request.user,
            region=region,
            text=request.POST.get("text") or _("Marked done from the list of action items."),
        ),
        message=lambda closed: _("%(count)s action items were marked done.") % {"count": closed},
        success_url=back,
    )


@region_view(Permission.MEETING_EDIT)
def item_create(request, region):
    meeting = None
    meeting_pk = request.GET.get("meeting") or request.POST.get("meeting")
    if meeting_pk:
        meeting = Meeting.objects.filter(region=region, pk=meeting_pk).first()

    def next_url(item):
        if item.meeting_id and request.POST.get("another") == "1":
            url = reverse("meetings:item_create", kwargs={"code": region.code})
            return url + f"?meeting={item.meeting_id}"
        return _item_url(region, item)

    return crud.form_screen(
        request,
        ActionItemForm(
            crud.posted(request),
            region=region,
            initial={"meeting": meeting.pk if meeting else None},
        ),
        save=lambda form: services.create_action_item(
            region=region, by=request.user, **form.service_fields()
        ),
        template="meetings/item_form.html",
        context={"item": None, "meeting": meeting},
        message=_("The action item was created."),
        success_url=next_url,
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
            "wa_share": item_share(request, item) if item.is_open else None,
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
    return crud.form_screen(
        request,
        ActionItemForm(crud.posted(request), region=item.region, initial=initial),
        save=lambda form: services.update_action_item(
            item=ActionItem.objects.get(pk=item.pk),
            by=request.user,
            **crud.locked(form),
            **form.service_fields(),
        ),
        template="meetings/item_form.html",
        context={"item": item, "meeting": item.meeting},
        message=_("The action item was saved."),
        success_url=_item_url(region, item),
    )


@require_POST
@region_view(Permission.ACTION_ITEM_UPDATE)
def item_progress(request, region, pk):
    item = get_item(region, pk)
    require_item_update(request.user, item)
    return crud.confirm_action(
        request,
        form=ProgressForm(request.POST, request.FILES),
        action=lambda form: services.report_progress(
            item=item,
            by=request.user,
            text=form.cleaned_data["text"],
            status=form.cleaned_data["status"],
            evidence=form.cleaned_data["evidence"],
            **crud.locked(form),
        ),
        message=_("The progress was recorded."),
        success_url=_item_url(region, item),
    )


@region_view(Permission.REGION_VIEW)
def item_evidence(request, region, pk, note_pk):
    item = get_item(region, pk)
    note = get_object_or_404(item.notes.exclude(evidence=""), pk=note_pk)
    return serve_stored(note.evidence, note.evidence_filename or f"bukti-{item.pk}")


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
