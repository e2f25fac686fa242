"""E-mails of the meetings app, always in Indonesian: invitations (with the .ics attached) and
reminders. Built here, sent through Django's mail API."""

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.calendar import meeting_ics
from meetings.formats import meeting_dates, meeting_times
from meetings.links import item_url, meeting_url
from meetings.models import Meeting, Participant

ICS_MIMETYPE = "text/calendar"


def _reply_to(region):
    return [region.office_email] if region.office_email else None


def invitation_message(meeting, participant, ics: bytes) -> EmailMessage:
    region = participant.region if participant.region_id else meeting.region
    context = {
        "meeting": meeting,
        "participant": participant,
        "dates": meeting_dates(meeting),
        "times": meeting_times(meeting),
        "url": meeting_url(meeting, region),
        "organiser": meeting.region.office_name or meeting.region.display_name,
    }
    subject = _("Invitation: %(title)s") % {"title": meeting.title}
    body = render_to_string("meetings/email/invitation.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[participant.contact_email()],
        reply_to=_reply_to(meeting.region),
    )
    message.attach("undangan.ics", ics, ICS_MIMETYPE)
    return message


def deliver_invitations(meeting_pk, participant_pks) -> int:
    """Send the invitation e-mails (called after the transaction that recorded them commits)."""
    meeting = Meeting.objects.select_related("region").filter(pk=meeting_pk).first()
    if meeting is None:
        return 0
    participants = Participant.objects.filter(pk__in=participant_pks).select_related(
        "member__user", "region"
    )
    with translation.override("id"):
        ics = meeting_ics(meeting, url=meeting_url(meeting))
        messages = [invitation_message(meeting, p, ics) for p in participants if p.contact_email()]
    if not messages:
        return 0
    return get_connection().send_messages(messages)


def meeting_reminder(meeting, recipient) -> EmailMessage:
    with translation.override("id"):
        context = {
            "meeting": meeting,
            "dates": meeting_dates(meeting),
            "times": meeting_times(meeting),
            "url": meeting_url(meeting),
        }
        subject = _("Reminder: %(title)s is tomorrow") % {"title": meeting.title}
        body = render_to_string("meetings/email/meeting_reminder.txt", context)
        message = EmailMessage(
            subject=subject, body=body, to=[recipient], reply_to=_reply_to(meeting.region)
        )
        message.attach("undangan.ics", meeting_ics(meeting, url=context["url"]), ICS_MIMETYPE)
    return message


def item_reminder(item, recipient, *, overdue: bool) -> EmailMessage:
    with translation.override("id"):
        context = {"item": item, "overdue": overdue, "url": item_url(item)}
        if overdue:
            subject = _("Overdue: %(title)s") % {"title": item.title}
        else:
            subject = _("Due soon: %(title)s") % {"title": item.title}
        body = render_to_string("meetings/email/item_reminder.txt", context)
        return EmailMessage(
            subject=subject, body=body, to=[recipient], reply_to=_reply_to(item.region)
        )
