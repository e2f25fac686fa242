"""Which meetings, action items and announcements a region's pages reach, and who may change
them. Always start from the region resolved by `region_view`/`get_region` (so a region outside
the user's scope is already a 404), then fetch the object through it: an object the region
neither owns nor is invited to / assigned is a 404 as well.

Rules:
- A meeting is reached through its organising region and through every region it invites.
  Changing it needs MEETING_EDIT in the organising region (invited regions read only).
- An action item is reached through the region that set it and the region it is assigned to.
  Editing it (title, assignment, due date) needs MEETING_EDIT in the region that set it.
  Reporting progress (status, notes, evidence) is open to: those who may edit it; operators of
  the assigned region (ACTION_ITEM_UPDATE and MEETING_EDIT there); and a member (ACTION_ITEM_UPDATE
  only) when the item is assigned to their own member record.
- An announcement is reached through the province that sent it and the kab/kota it went to.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404

from accounts.access import has_permission
from accounts.permissions import Permission
from meetings.models import ActionItem, Announcement, AnnouncementRecipient, InvitedRegion, Meeting


def meetings_in(region):
    invited = InvitedRegion.objects.filter(region=region).values("meeting_id")
    return Meeting.objects.filter(Q(region=region) | Q(pk__in=invited)).select_related("region")


def get_meeting(region, pk) -> Meeting:
    return get_object_or_404(meetings_in(region), pk=pk)


def can_edit_meeting(user, meeting) -> bool:
    return has_permission(user, Permission.MEETING_EDIT, meeting.region)


def require_meeting_edit(user, meeting) -> None:
    if not can_edit_meeting(user, meeting):
        raise PermissionDenied


def items_in(region):
    return ActionItem.objects.filter(Q(region=region) | Q(assigned_region=region)).select_related(
        "region", "assigned_region", "assigned_institution", "assigned_member", "meeting"
    )


def get_item(region, pk) -> ActionItem:
    return get_object_or_404(items_in(region), pk=pk)


def can_manage_item(user, item) -> bool:
    return has_permission(user, Permission.MEETING_EDIT, item.region)


def can_update_item(user, item) -> bool:
    if can_manage_item(user, item):
        return True
    assigned = item.assigned_region
    if not has_permission(user, Permission.ACTION_ITEM_UPDATE, assigned):
        return False
    if has_permission(user, Permission.MEETING_EDIT, assigned):
        return True
    member = item.assigned_member
    return member is not None and member.user_id is not None and member.user_id == user.pk


def require_item_update(user, item) -> None:
    if not can_update_item(user, item):
        raise PermissionDenied


def require_item_manage(user, item) -> None:
    if not can_manage_item(user, item):
        raise PermissionDenied


def announcements_in(region):
    received = AnnouncementRecipient.objects.filter(region=region).values("announcement_id")
    return Announcement.objects.filter(Q(region=region) | Q(pk__in=received)).select_related(
        "region"
    )


def get_announcement(region, pk) -> Announcement:
    return get_object_or_404(announcements_in(region), pk=pk)


def holds_role_in(user, region) -> bool:
    """True when one of the user's roles is held for exactly this region (a kab/kota user of
    that kab/kota, not a provincial or national user looking in)."""
    if not user.is_authenticated:
        return False
    return user.role_assignments.filter(region=region).exists()
