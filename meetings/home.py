"""The forum's part of the home page (accounts.home): a member's own action items and next
meetings; for the province, the follow-up actions past their due date."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.home import HomeItem, HomeSection
from core.formats import format_date_id
from meetings.models import ActionItem, Meeting
from meetings.scope import meetings_in

LIMIT = 10


def _regions(user, role):
    return [
        a.region
        for a in user.role_assignments.filter(role=role).select_related("region")
        if a.region_id is not None
    ]


def _item(item, today):
    late = (today - item.due_date).days
    return HomeItem(
        text=item.title,
        detail=(
            ngettext("Due %(date)s, %(days)d day late.", "Due %(date)s, %(days)d days late.", late)
            if late > 0
            else _("Due %(date)s.")
        )
        % {"date": format_date_id(item.due_date), "days": late},
        url=reverse("meetings:item_detail", kwargs={"code": item.region.code, "pk": item.pk}),
        link_label=_("Report progress"),
        tag="late" if late > 0 else "",
    )


def member_sections(user, year):
    regions = _regions(user, "member")
    if not regions:
        return None
    today = timezone.localdate()
    items = (
        ActionItem.objects.filter(assigned_member__user=user, status__in=ActionItem.OPEN_STATUSES)
        .select_related("region")
        .order_by("due_date", "pk")[:LIMIT]
    )
    meetings = []
    for region in regions:
        meetings.extend(
            meetings_in(region).filter(
                status=Meeting.Status.SCHEDULED, ends_at__gte=timezone.now()
            )[:LIMIT]
        )
    meetings = sorted({m.pk: m for m in meetings}.values(), key=lambda m: (m.starts_at, m.pk))
    return [
        HomeSection(
            key="my-action-items",
            title=_("Your action items"),
            items=[_item(item, today) for item in items],
            empty=_("No open action item is assigned to you."),
        ),
        HomeSection(
            key="next-meetings",
            title=_("Next meetings"),
            items=[
                HomeItem(
                    text=m.title,
                    detail=f"{format_date_id(timezone.localtime(m.starts_at).date())} "
                    f"{timezone.localtime(m.starts_at):%H:%M} · {m.region.display_name}",
                    url=reverse("meetings:detail", kwargs={"code": m.region.code, "pk": m.pk}),
                )
                for m in meetings[:LIMIT]
            ],
            empty=_("No meeting is scheduled."),
        ),
    ]


def province_sections(user, year):
    provinces = _regions(user, "provincial_admin")
    today = timezone.localdate()
    sections = []
    for province in provinces:
        overdue = (
            ActionItem.objects.filter(
                Q(assigned_region=province) | Q(assigned_region__parent=province),
                status__in=ActionItem.OPEN_STATUSES,
                due_date__lt=today,
            )
            .select_related("region", "assigned_region")
            .order_by("due_date", "pk")[:LIMIT]
        )
        items = []
        for item in overdue:
            entry = _item(item, today)
            entry.text = f"{item.assigned_region.display_name}: {item.title}"
            entry.link_label = _("Open")
            items.append(entry)
        sections.append(
            HomeSection(
                key=f"overdue-{province.code}",
                title=_("Follow-up actions past their due date"),
                items=items,
                empty=_("No follow-up action is overdue."),
                more_url=reverse("meetings:items", kwargs={"code": province.code}),
                more_label=_("All action items"),
            )
        )
    return sections
