"""E-mails of the meetings app, always in Indonesian: invitations (with the .ics attached) and
reminders. Built here, sent by the mail job (jobs.mail) after the transaction commits."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from jobs import mail
from meetings.calendar import meeting_ics
from meetings.formats import meeting_dates, meeting_times
from meetings.links import item_url, meeting_url
from meetings.models import Participant

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


def queue_invitations(meeting, participant_pks, *, by):
    """Queue the invitation e-mails as one mail job, in the transaction that records them; they
    leave from a worker once it commits. Returns the job (None without any address)."""
    participants = Participant.objects.filter(pk__in=participant_pks).select_related(
        "member__user", "region"
    )
    with translation.override("id"):
        ics = meeting_ics(meeting, url=meeting_url(meeting))
        messages = [invitation_message(meeting, p, ics) for p in participants if p.contact_email()]
        title = _("Invitations: %(title)s") % {"title": meeting.title}
    return mail.send(messages, by=by, region=meeting.region, title=title)


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
