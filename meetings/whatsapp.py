"""WhatsApp messages of the forum (core.whatsapp): an invitation for each invited member who
agreed to be contacted, and a reminder of an action item for its assigned member. Texts are in
Indonesian whatever the page's language, like the letters."""

from django.urls import reverse

from core.formats import format_date_id
from core.whatsapp import Share, share
from meetings.formats import meeting_when
from workgroups.contact import whatsapp_number


def invitation_text(request, meeting) -> str:
    url = request.build_absolute_uri(
        reverse("meetings:detail", kwargs={"code": meeting.region.code, "pk": meeting.pk})
    )
    place = meeting.venue or meeting.online_url or "-"
    return (
        f"Undangan {meeting.title}\nWaktu: {meeting_when(meeting)}\nTempat: {place}\nRincian: {url}"
    )


def invitation_shares(request, meeting, participants) -> dict[int, Share]:
    """{participant pk: Share} for the invited participants linked to a member; the number
    only where allowed."""
    text = invitation_text(request, meeting)
    result = {}
    for participant in participants:
        member = participant.member
        if member is None:
            continue
        greeting = f"Yth. {participant.name},\n"
        result[participant.pk] = share(
            greeting + text, whatsapp_number(request.user, member), participant.name
        )
    return result


def item_share(request, item) -> Share:
    url = request.build_absolute_uri(
        reverse("meetings:item_detail", kwargs={"code": item.region.code, "pk": item.pk})
    )
    member = item.assigned_member
    name = member.name if member else item.assigned_region.display_name
    text = (
        f"Yth. {name},\n"
        f"Mengingatkan tindak lanjut \u201c{item.title}\u201d dengan tenggat "
        f"{format_date_id(item.due_date)}.\n"
        f"Mohon laporkan perkembangannya: {url}"
    )
    return share(text, whatsapp_number(request.user, member), member.name if member else "")
