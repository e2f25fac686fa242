"""Announcements a province sends to its kab/kota, with read receipts."""

from django.db.models import Count
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import crud
from accounts.access import has_permission, region_view
from accounts.permissions import Permission
from meetings import services
from meetings.forms import AnnouncementForm
from meetings.models import AnnouncementRead
from meetings.scope import announcements_in, get_announcement


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
    listing = crud.listing(
        request,
        announcements,
        search=("title", "body"),
        sorts=crud.dated_sorts("published_at"),
    )
    return render(
        request,
        "meetings/announcement_list.html",
        {
            "region": region,
            "announcements": listing.page,
            "listing": listing,
            "read_ids": read_ids,
            "can_send": region.is_province
            and has_permission(request.user, Permission.ANNOUNCEMENT_SEND, region),
        },
    )


@region_view(Permission.ANNOUNCEMENT_SEND)
def announcement_create(request, region):
    if not region.is_province:
        raise Http404("Announcements are sent by provinces")
    return crud.form_screen(
        request,
        AnnouncementForm(crud.posted(request), region=region),
        save=lambda form: services.send_announcement(
            region=region,
            by=request.user,
            title=form.cleaned_data["title"],
            body=form.cleaned_data["body"],
            recipients=form.cleaned_data["recipients"],
        ),
        template="meetings/announcement_form.html",
        message=_("The announcement was sent."),
        success_url=lambda announcement: reverse(
            "meetings:announcement_detail", kwargs={"code": region.code, "pk": announcement.pk}
        ),
    )


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
