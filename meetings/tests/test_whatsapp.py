"""WhatsApp where people chase each other (issue 24, item 5): the organiser gets a wa.me link
to an invited member or an action item's member only when the member agreed to be contacted;
the copyable Indonesian text and the any-chat link are always there. A returned assessment
offers the province a message to the Pokja's contact."""

import datetime
import html
import re
from urllib.parse import unquote

import pytest
from django.utils import timezone

from planning.tests import helpers as h

pytestmark = pytest.mark.django_db


def _member(consent, phone="+6281234567890"):
    from workgroups.models import Member

    return Member.objects.create(
        workgroup=h.workgroup("73.06"), name="Andi Wijaya", phone=phone, whatsapp_consent=consent
    )


def _item(regions, member):
    from meetings.models import ActionItem

    return ActionItem.objects.create(
        region=regions["73.06"], assigned_region=regions["73.06"], assigned_member=member,
        title="Kirim data KB", due_date=timezone.localdate() + datetime.timedelta(days=3),
    )  # fmt: skip


def _links(page):
    return [html.unescape(x) for x in re.findall(r'href="(https://wa\.me/[^"]*)"', page)]


def test_action_item_offers_the_members_whatsapp_only_with_consent(personas, regions):
    item = _item(regions, _member(consent=True))
    page = personas.client("gowa_operator").get(f"/r/73.06/action-items/{item.pk}/").content
    links = _links(page.decode())
    numbered = [x for x in links if x.startswith("https://wa.me/6281234567890?text=")]
    assert len(numbered) == 1
    text = unquote(numbered[0].split("text=", 1)[1])
    assert text.startswith("Yth. Andi Wijaya,\nMengingatkan tindak lanjut “Kirim data KB”")
    assert f"/r/73.06/action-items/{item.pk}/" in text

    item2 = _item(regions, _member(consent=False, phone="+6281298765432"))
    page2 = personas.client("gowa_operator").get(f"/r/73.06/action-items/{item2.pk}/").content
    links2 = _links(page2.decode())
    assert links2 and all(x.startswith("https://wa.me/?text=") for x in links2)
    # a member (no manage right) gets no share block
    member_page = personas.client("gowa_member").get(f"/r/73.06/action-items/{item.pk}/")
    assert "wa.me" not in member_page.content.decode()


def test_invitation_share_per_consenting_member(personas, regions):
    from meetings.models import Meeting, Participant

    start = timezone.now() + datetime.timedelta(days=5)
    meeting = Meeting.objects.create(
        region=regions["73.06"], title="Rapat Pokja Triwulan", venue="Aula Kantor Bupati",
        starts_at=start, ends_at=start + datetime.timedelta(hours=2),
    )  # fmt: skip
    member = _member(consent=True)
    Participant.objects.create(meeting=meeting, member=member, name=member.name, invited=True)
    page = personas.client("gowa_operator").get(f"/r/73.06/meetings/{meeting.pk}/").content
    [numbered] = [x for x in _links(page.decode()) if x.startswith("https://wa.me/62")]
    text = unquote(numbered.split("text=", 1)[1])
    assert "Undangan Rapat Pokja Triwulan" in text and "Tempat: Aula Kantor Bupati" in text


def test_returned_assessment_offers_the_province_a_message_to_the_pokja(personas, regions):
    from assessment.models import Assessment

    workgroup = h.workgroup("73.06")
    workgroup.contact_phone = "+6281311112222"
    workgroup.contact_name = "Sekretariat Pokja"
    workgroup.save()
    year = timezone.localdate().year
    Assessment.objects.create(region=regions["73.06"], year=year, status="returned")
    url = f"/r/73.06/assessment/?year={year}"
    page = personas.client("sulsel_admin").get(url).content.decode()
    [numbered] = [x for x in _links(page) if x.startswith("https://wa.me/6281311112222")]
    assert "dikembalikan oleh provinsi" in unquote(numbered)
    assert 'id="returned-share"' not in personas.client("sulsel_viewer").get(url).content.decode()


def test_member_consent_is_recorded_with_the_e164_number_and_audited(personas, regions):
    from audit.models import AuditEvent
    from workgroups.services import create_member, update_member

    member = create_member(
        by=personas.gowa_operator, workgroup=h.workgroup("73.06"), name="Citra",
        phone="0812-3456-7890", whatsapp_consent=True,
    )  # fmt: skip
    assert (member.phone, member.whatsapp_consent) == ("+6281234567890", True)
    update_member(
        by=personas.gowa_operator, member=member, expected_version=member.version,
        whatsapp_consent=False,
    )  # fmt: skip
    member.refresh_from_db()
    assert member.whatsapp_consent is False
    events = AuditEvent.objects.filter(model="workgroups.Member", object_id=str(member.pk))
    assert any("whatsapp_consent" in (e.changes or {}) for e in events)
