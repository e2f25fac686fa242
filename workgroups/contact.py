"""Who may be contacted on WhatsApp, and by whom: a member's number is offered (as a wa.me link)
only when the member agreed (`Member.whatsapp_consent`) and the viewer holds the contact right
(`member.contact_view`) in the member's region (UU PDP; docs/whatsapp.md)."""

from accounts.access import has_permission
from accounts.permissions import Permission


def whatsapp_number(user, member) -> str:
    """The member's E.164 number for a wa.me link to `user`, or "" when not allowed."""
    if member is None or not member.whatsapp_consent or not member.phone:
        return ""
    if not has_permission(user, Permission.MEMBER_CONTACT_VIEW, member.workgroup.region):
        return ""
    return member.phone


def pokja_whatsapp_number(user, workgroup) -> str:
    """The Pokja's official contact number (its secretariat) for a wa.me link, or "" when the
    viewer may not see the Pokja's contact details."""
    if workgroup is None or not workgroup.contact_phone:
        return ""
    if not has_permission(user, Permission.MEMBER_CONTACT_VIEW, workgroup.region):
        return ""
    return workgroup.contact_phone


def member_phones(users) -> dict[int, str]:
    """notifications.channels phone source: {user pk: number} of the users who are members with
    a number and WhatsApp consent."""
    from workgroups.models import Member

    return dict(
        Member.objects.filter(user__in=users, whatsapp_consent=True)
        .exclude(phone="")
        .values_list("user_id", "phone")
    )
