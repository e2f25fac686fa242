import datetime

import pytest
from django.utils import timezone

from privacy import services
from privacy.models import Breach, DataRequest
from privacy.tests.helpers import PERSON, plant
from regions.models import Region

pytestmark = pytest.mark.django_db


def test_a_withdrawn_consent_stops_the_whatsapp_link_for_that_member(personas):
    _user, member, other, _pokja = plant(personas)
    page = "/r/73.06/pokja/members/"
    client = personas.client("gowa_operator")
    assert "wa.me" not in client.get(page).content.decode()  # no consent, no link

    response = client.post(
        f"/privacy/members/{member.pk}/consent/",
        {"purpose": "whatsapp", "method": "form", "text": "Saya setuju dihubungi lewat WhatsApp."},
    )
    assert response.status_code == 302
    html = client.get(page).content.decode()
    assert "https://wa.me/6281234509876" in html
    assert "wa.me/6281377766655" not in html  # the other member gave none

    # The member withdraws it themselves: the link is gone at once.
    own = personas.client("anonymous")
    own.force_login(member.user, backend="django.contrib.auth.backends.ModelBackend")
    assert own.post(f"/privacy/members/{member.pk}/consent/whatsapp/withdraw/").status_code == 302
    assert "wa.me" not in client.get(page).content.decode()
    consent = member.consents.get()
    assert consent.withdrawn_at and consent.text.startswith("Saya setuju")
    from audit.models import AuditEvent

    assert AuditEvent.objects.filter(model="privacy.Consent", action="update").exists()


def test_an_open_request_past_three_days_shows_as_overdue_to_the_province(personas):
    gowa = Region.objects.get(code="73.06")
    fresh = services.create_request(
        region=gowa, kind="access", requester_name="Budi", subject_name="Budi", by=None
    )
    old = services.create_request(
        region=gowa, kind="deletion", requester_name="Sari", subject_name="Sari", by=None
    )
    DataRequest.objects.filter(pk=old.pk).update(
        received_at=timezone.now() - datetime.timedelta(hours=80),
        deadline=timezone.now() - datetime.timedelta(hours=8),
    )
    assert fresh.deadline - fresh.received_at == datetime.timedelta(hours=72)
    admin = personas.client("sulsel_admin")
    listing = admin.get("/privacy/requests/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert listing.count('data-overdue="1"') == 1 and "Terlambat 8 jam" in listing
    home = admin.get("/").content.decode()
    assert "Terlambat 8 jam" in home and "sisa 71 jam" in home
    # The DPO (province admins) were told of each request in their inbox.
    assert personas.sulsel_admin.notifications.filter(kind="privacy.request").count() == 2
    assert personas.sultra_admin.notifications.count() == 0
    assert personas.client("sultra_admin").get(f"/privacy/requests/{old.pk}/").status_code == 404
    # The hourly check tells the province once that it is overdue.
    from privacy.deadlines import notify_overdue

    assert notify_overdue() == 1 and notify_overdue() == 0
    overdue = personas.sulsel_admin.notifications.get(key=f"privacy.request.overdue:{old.pk}")
    assert overdue.url == f"/privacy/requests/{old.pk}/"
    # Closing it records who handled it and what was done.
    response = admin.post(
        f"/privacy/requests/{old.pk}/", {"status": "done", "outcome": "Data dihapus."}
    )
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.status == "done" and old.handled_by == personas.sulsel_admin and old.closed_at


def test_a_breach_runs_its_clock_from_discovery_and_yields_letters_in_indonesian(personas):
    discovered = timezone.now() - datetime.timedelta(hours=10)
    breach = services.record_breach(
        by=personas.sulsel_admin, region=Region.objects.get(code="73"),
        title="Laptop hilang", data_affected="Nama dan nomor telepon anggota Pokja",
        subjects_count=40, occurred_at=discovered - datetime.timedelta(days=1),
        discovered_at=discovered, how="Laptop tertinggal di bandara",
    )  # fmt: skip
    assert breach.deadline == discovered + datetime.timedelta(hours=72)
    assert personas.national_admin.notifications.filter(kind="privacy.breach").exists()
    national = personas.client("national_admin")
    assert "Laptop hilang" in national.get("/privacy/breaches/").content.decode()
    assert "Laptop hilang" in national.get("/").content.decode()
    assert personas.client("sultra_admin").get(f"/privacy/breaches/{breach.pk}/").status_code == 404
    from privacy.letters import letter_html

    letter = letter_html(breach, "authority")
    assert "Pemberitahuan Kegagalan Pelindungan Data Pribadi" in letter
    assert "Pasal 46" in letter and "40 orang" in letter
    pdf = national.get(f"/privacy/breaches/{breach.pk}/letter/subjects/")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    national.post(f"/privacy/breaches/{breach.pk}/", {"status": "notified", "actions": "x"})
    breach.refresh_from_db()
    assert breach.status == Breach.Status.NOTIFIED and breach.notified_at


def test_a_member_corrects_their_own_contact_data_audited(personas):
    user, member, _other, _pokja = plant(personas)
    client = personas.client("anonymous")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    assert (
        "Unduh data saya"
        in client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    )
    response = client.post(
        "/privacy/me/contact/",
        {"name": PERSON["name"], "phone": "081200000001", "email": PERSON["email"]},
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.phone == "081200000001"
    from audit.models import AuditEvent

    assert AuditEvent.objects.filter(code="privacy.self_correction", actor_id=user.pk).exists()
    assert AuditEvent.objects.filter(
        model="workgroups.Member", object_id=str(member.pk), action="update"
    ).exists()
    # Someone without a member record has nothing to correct.
    assert personas.client("sulsel_viewer").get("/privacy/me/contact/").status_code == 404


def test_the_member_flag_and_the_consent_register_always_agree(personas):
    from workgroups import services as workgroup_services
    from workgroups.contact import whatsapp_number

    _user, member, _other, _pokja = plant(personas)
    operator = personas.gowa_operator
    assert not member.whatsapp_consent and whatsapp_number(operator, member) == ""

    # Consent given in the register: the flag follows, so the wa.me sources offer the number.
    services.give_consent(member=member, purpose="whatsapp", text="Setuju", method="form", by=None)
    member.refresh_from_db()
    assert member.whatsapp_consent and whatsapp_number(operator, member) == member.phone

    # Withdrawn in the register: the flag is cleared at once.
    services.withdraw_consent(member=member, purpose="whatsapp", by=None)
    member.refresh_from_db()
    assert not member.whatsapp_consent and whatsapp_number(operator, member) == ""

    # Ticked on the member form (the workgroups service): a consent is recorded in the register.
    member = workgroup_services.update_member(
        by=operator, member=member, expected_version=member.version, whatsapp_consent=True
    )
    assert services.consent_in_force(member, "whatsapp")
    assert member.consents.filter(withdrawn_at__isnull=True).get().method == "form"
    # Cleared on the form: withdrawn in the register.
    member.refresh_from_db()
    workgroup_services.update_member(
        by=operator, member=member, expected_version=member.version, whatsapp_consent=False
    )
    assert not services.consent_in_force(member, "whatsapp")
