"""A guest's phone number is stored in E.164 (+62…) like members' numbers; a wrong one is
refused with the same Indonesian message and nothing is added."""

import pytest

from core.errors import DomainError
from meetings import services
from meetings.models import Participant
from meetings.tests import helpers as h

pytestmark = pytest.mark.django_db


def test_guest_phone_is_normalised(personas):
    meeting = h.meeting("73.06")

    guest = services.add_guest(meeting=meeting, by=None, name="Ketua PKK", phone="0812-9000-1234")

    assert guest.phone == "+6281290001234"
    assert guest.contact_phone() == "+6281290001234"


def test_guest_with_a_wrong_phone_is_not_added(personas):
    meeting = h.meeting("73.06")

    with pytest.raises(DomainError) as info:
        services.add_guest(meeting=meeting, by=None, name="Tamu", phone="12-34")

    assert info.value.errors[0]["field"] == "phone"
    assert "bukan nomor telepon" in info.value.errors[0]["message"]
    assert not Participant.objects.exists()


def test_invited_member_is_reached_on_the_members_number(personas):
    workgroup = h.pokja("73.06", members=1)
    meeting = h.meeting("73.06")
    h.invite_pokja(meeting, workgroup)
    member = workgroup.members.get()
    member.phone = "+6281211112222"
    member.save()

    participant = meeting.participants.get()

    assert participant.contact_phone() == "+6281211112222"


def test_guest_form_posts_the_phone(personas):
    from django.urls import reverse

    meeting = h.meeting("73.06")
    client = personas.client("gowa_operator")
    client.post(
        reverse("meetings:guest_add", args=["73.06", meeting.pk]),
        {"name": "Narasumber", "phone": "+62 811 4000 5000"},
    )

    assert Participant.objects.get().phone == "+6281140005000"
