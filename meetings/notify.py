"""Who the meetings app tells, through the notifications inbox (and e-mail, as each user
chose): invitees who are users about an invitation, a change or a cancellation (their e-mail
carries the .ics); invitees known only by an address (or users without one on their account)
get the e-mail with the .ics directly; the
owner of an action item when it is assigned and when it is overdue. Called with one line from
meetings.services and meetings.reminders."""

from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from jobs import mail
from meetings.calendar import meeting_ics
from meetings.emails import ICS_MIMETYPE, _reply_to, queue_invitations
from meetings.formats import meeting_dates, meeting_times
from meetings.links import absolute
from meetings.models import Participant
from notifications import kinds, recipients
from notifications.services import notify

# What invitees are told about when it changes.
WATCHED = ("title", "status", "starts_at", "ends_at", "venue", "online_url")


def _by_address(participant) -> bool:
    """Whether the invitation e-mail goes straight to the participant's address: not a user, or
    a user without an address on their account (then their choice cannot apply)."""
    user = _user_of(participant)
    return user is None or not user.email


def _user_of(participant):
    member = participant.member
    if member is not None and member.user_id and member.user and member.user.is_active:
        return member.user
    return None


def _path(meeting, region=None) -> str:
    code = (region or meeting.region).code
    return reverse("meetings:detail", kwargs={"code": code, "pk": meeting.pk})


def _ics(meeting):
    with translation.override("id"):
        return meeting_ics(meeting, url=absolute(_path(meeting)))


def _tell_users(meeting, participants, *, kind, title):
    """Notify the participants who are users, grouped by the region whose page they open."""
    by_region = {}
    for participant in participants:
        user = _user_of(participant)
        if user is not None:
            region = participant.region if participant.region_id else meeting.region
            by_region.setdefault(region, []).append(user)
    attachments = [("undangan.ics", _ics(meeting), ICS_MIMETYPE)]
    for region, users in by_region.items():
        notify(
            kind=kind,
            users=users,
            title=title,
            body=lambda: f"{meeting_dates(meeting)} {meeting_times(meeting)}\n{meeting.venue}",
            url=_path(meeting, region),
            region=meeting.region,
            attachments=attachments,
        )


def invitations(meeting, participant_pks, *, by):
    """Send the invitations: an inbox notification (and e-mail with the .ics, as chosen) to
    invitees who are users, the invitation e-mail with the .ics to those with only an address."""
    participants = list(
        Participant.objects.filter(pk__in=participant_pks).select_related("member__user", "region")
    )
    _tell_users(
        meeting,
        participants,
        kind=kinds.MEETING_INVITATION,
        title=lambda: _("Invitation: %(title)s") % {"title": meeting.title},
    )
    others = [p.pk for p in participants if _by_address(p)]
    return queue_invitations(meeting, others, by=by)


def snapshot(meeting) -> dict:
    return {name: getattr(meeting, name) for name in WATCHED}


def changed(meeting, before: dict, *, by) -> None:
    """After a meeting was saved: tell the invitees already invited when it was cancelled, or
    when its title, time or place changed."""
    after = snapshot(meeting)
    if after == before:
        return
    if meeting.is_cancelled:
        if before["status"] == meeting.status:
            return
        kind = kinds.MEETING_CANCELLED
        title = lambda: _("Cancelled: %(title)s") % {"title": meeting.title}  # noqa: E731
    else:
        kind = kinds.MEETING_CHANGED
        title = lambda: _("Changed: %(title)s") % {"title": meeting.title}  # noqa: E731
    participants = list(
        meeting.participants.filter(invited=True, invitation_sent_at__isnull=False).select_related(
            "member__user", "region"
        )
    )
    _tell_users(meeting, participants, kind=kind, title=title)
    addresses = sorted(
        {p.contact_email() for p in participants if _by_address(p) and p.contact_email()}
    )
    if not addresses:
        return
    ics = _ics(meeting)
    messages = []
    with translation.override("id"):
        subject = str(title())
        body = "\n".join(
            [
                subject,
                f"{meeting_dates(meeting)} {meeting_times(meeting)}",
                meeting.venue,
                absolute(_path(meeting)),
            ]
        )
    for address in addresses:
        message = EmailMessage(
            subject=subject, body=body, to=[address], reply_to=_reply_to(meeting.region)
        )
        message.attach("undangan.ics", ics, ICS_MIMETYPE)
        messages.append(message)
    mail.send(messages, by=by, region=meeting.region)


def _owners(item):
    member = item.assigned_member
    if member is not None and member.user_id and member.user:
        return [member.user]
    return recipients.operators(item.assigned_region)


def _item_path(item) -> str:
    return reverse(
        "meetings:item_detail", kwargs={"code": item.assigned_region.code, "pk": item.pk}
    )


def owner_ids(item) -> set:
    return {user.pk for user in _owners(item)}


def item_assigned(item, *, skip=frozenset()) -> None:
    """Tell the item's owners it is theirs; on a change, only owners it was not theirs before."""
    notify(
        kind=kinds.ACTION_ITEM_ASSIGNED,
        users=[user for user in _owners(item) if user.pk not in skip],
        title=lambda: (
            _("Action item for you: %(title)s (due %(due)s)")
            % {"title": item.title, "due": item.due_date.strftime("%d-%m-%Y")}
        ),
        body=item.description,
        url=_item_path(item),
        region=item.assigned_region,
    )


def item_overdue(item) -> None:
    """Once per item and due date, however often the reminders run."""
    notify(
        kind=kinds.ACTION_ITEM_OVERDUE,
        users=_owners(item),
        title=lambda: _("Overdue: %(title)s") % {"title": item.title},
        url=_item_path(item),
        region=item.assigned_region,
        key=f"action_item.overdue:{item.pk}:{item.due_date.isoformat()}",
    )
