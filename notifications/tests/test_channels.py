"""The outbound seam (docs/whatsapp.md): a notification to a member who agreed to be contacted on
WhatsApp carries a correct wa.me link (E.164 number without '+', URL-encoded Indonesian text);
no number without consent; channels run only after the commit."""

import pytest
from django.test import override_settings

from notifications import channels, kinds
from notifications.services import notify

pytestmark = pytest.mark.django_db(transaction=True)


@override_settings(SIPOKJA_BASE_URL="https://sipokja.example.id")
def test_notification_to_a_consenting_member_offers_a_wa_me_link(personas, regions):
    from planning.tests import helpers as h
    from workgroups.models import Member

    workgroup = h.workgroup("73.06")
    Member.objects.create(
        workgroup=workgroup, name="Andi", user=personas.gowa_member, phone="+6281234567890",
        whatsapp_consent=True,
    )  # fmt: skip
    Member.objects.create(
        workgroup=workgroup, name="Budi", user=personas.gowa_operator, phone="+6281298765432",
        whatsapp_consent=False,
    )  # fmt: skip
    sent = []
    channels.register_channel(sent.extend)
    try:
        notify(
            kind=kinds.ACTION_ITEM_OVERDUE,
            users=[personas.gowa_member, personas.gowa_operator],
            title=lambda: "Tindak lanjut “Kirim laporan” melewati tenggat",
            url="/r/73.06/action-items/1/",
            region=regions["73.06"],
        )
    finally:
        channels.unregister_channel(sent.extend)
    [message] = sent
    assert message.user_id == personas.gowa_member.pk and message.phone == "+6281234567890"
    assert message.wa_link == (
        "https://wa.me/6281234567890?text="
        "Tindak%20lanjut%20%E2%80%9CKirim%20laporan%E2%80%9D%20melewati%20tenggat%0A"
        "https%3A%2F%2Fsipokja.example.id%2Fr%2F73.06%2Faction-items%2F1%2F"
    )
