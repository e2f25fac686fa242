"""Permission matrix of the privacy pages: every route and API operation × every persona."""

import datetime

from django.utils import timezone

from tests.matrix import Row, action, api, edit_gowa, edit_sulsel, expect

# Admins of the province (and the national admins) serve requests; the rest of Sulsel may not,
# another province does not see them.
MANAGE_GOWA = expect(
    200, gowa_operator=403, gowa_member=403, sulsel_viewer=403, sultra_admin=404, anonymous=302
)
MANAGE_SULSEL = expect(
    200, gowa_operator=404, gowa_member=404, sulsel_viewer=403, sultra_admin=404, anonymous=302
)
# Lists of one's own provinces: every province admin has one.
ADMINS = expect(200, gowa_operator=403, gowa_member=403, sulsel_viewer=403, anonymous=302)


def _member(personas):
    from meetings.tests import helpers as h

    pokja = h.pokja("73.06", members=1)
    return pokja.members.get()


def _request(personas):
    from privacy import services
    from regions.models import Region

    member = _member(personas)
    request = services.create_request(
        region=Region.objects.get(code="73.06"), kind="deletion", requester_name=member.name,
        subject_name=member.name, member=member, by=None,
    )  # fmt: skip
    return {"request_id": request.pk, "member_id": member.pk}


def _consent(personas):
    from privacy import services

    member = _member(personas)
    services.give_consent(member=member, purpose="whatsapp", text="Setuju", method="form", by=None)
    return {"member_id": member.pk}


def _breach(personas):
    from privacy import services
    from regions.models import Region

    now = timezone.now()
    breach = services.record_breach(
        by=None, region=Region.objects.get(code="73"), title="Surel salah kirim",
        data_affected="Nama", subjects_count=3, occurred_at=now - datetime.timedelta(hours=2),
        discovered_at=now,
    )  # fmt: skip
    return {"breach_id": breach.pk}


_controller = {"controller_name": "Perwakilan BKKBN Provinsi Sulawesi Selatan", "dpo_name": "X"}
_breach_form = {
    "title": "Surel salah kirim",
    "data_affected": "Nama",
    "subjects_count": 3,
    "occurred_at": "2026-01-02T10:00",
    "discovered_at": "2026-01-02T12:00",
}

ROWS = [
    Row("privacy:controller", "GET", "/privacy/controllers/{sulsel}/", edit_sulsel(200)),
    action("privacy:controller", "/privacy/controllers/{sulsel}/", data=_controller, shape=edit_sulsel),
    Row("privacy:requests", "GET", "/privacy/requests/", ADMINS),
    Row("privacy:request_new", "GET", "/privacy/r/{gowa}/requests/new/", MANAGE_GOWA),
    Row("privacy:request", "GET", "/privacy/requests/{request_id}/", MANAGE_GOWA,
        setup=_request),
    Row("privacy:request", "POST", "/privacy/requests/{request_id}/",
        {**MANAGE_GOWA, "national_admin": 302, "sulsel_admin": 302}, setup=_request,
        data={"status": "done", "outcome": "Selesai"}),
    Row("privacy:request_export", "POST", "/privacy/requests/{request_id}/export/",
        {**MANAGE_GOWA, "national_admin": 302, "sulsel_admin": 302}, setup=_request),
    Row("privacy:request_erase", "POST", "/privacy/requests/{request_id}/erase/",
        {**MANAGE_GOWA, "national_admin": 302, "sulsel_admin": 302}, setup=_request),
    Row("privacy:my_export", "POST", "/privacy/me/export/", expect(302)),
    Row("privacy:my_contact", "GET", "/privacy/me/contact/", expect(404, anonymous=302),
        note="none of the personas has a member record"),
    Row("privacy:consent", "GET", "/privacy/members/{member_id}/consent/", edit_gowa(200),
        setup=_consent),
    action("privacy:consent_withdraw", "/privacy/members/{member_id}/consent/whatsapp/withdraw/", _consent),
    Row("privacy:breaches", "GET", "/privacy/breaches/", ADMINS),
    Row("privacy:breach_new", "GET", "/privacy/breaches/new/", ADMINS),
    Row("privacy:breach_new", "POST", "/privacy/breaches/new/",
        {**ADMINS, "national_admin": 302, "sulsel_admin": 302, "sultra_admin": 302},
        data=_breach_form),
    Row("privacy:breach", "GET", "/privacy/breaches/{breach_id}/", MANAGE_SULSEL,
        setup=_breach),
    Row("privacy:breach_letter", "GET", "/privacy/breaches/{breach_id}/letter/authority/",
        MANAGE_SULSEL, setup=_breach),
    Row("GET /api/v1/me/personal-data", "GET", "/api/v1/me/personal-data",
        api(expect(200)), api=True),
]  # fmt: skip
