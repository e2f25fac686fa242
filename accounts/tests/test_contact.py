"""Users have an e-mail address and an e-mail language: on the profile page, in the admin and
with `manage.py add_user --email`."""

import pytest
from django.core.management import call_command

from audit.models import AuditEvent


def test_the_profile_page_sets_the_address_and_language(personas):
    client = personas.client("gowa_operator")
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="email"' in page and 'name="language"' in page
    response = client.post(
        "/accounts/profile/contact/", {"email": "operator@gowakab.go.id", "language": "en"}
    )
    assert response.status_code == 302
    user = personas.gowa_operator
    user.refresh_from_db()
    assert (user.email, user.language) == ("operator@gowakab.go.id", "en")
    event = AuditEvent.objects.get(code="accounts.contact")
    assert event.changes["email"] == ["", "operator@gowakab.go.id"]
    # A bad address changes nothing.
    client.post("/accounts/profile/contact/", {"email": "bukan-alamat", "language": "id"})
    user.refresh_from_db()
    assert user.email == "operator@gowakab.go.id"


def test_the_admin_shows_the_address_and_language(personas):
    admin = personas.national_admin
    admin.is_staff = admin.is_superuser = True
    admin.save()
    page = personas.client("national_admin").get(
        f"/admin/accounts/user/{personas.gowa_operator.pk}/change/"
    )
    assert page.status_code == 200
    content = page.content.decode()
    assert 'name="email"' in content and 'name="language"' in content


@pytest.mark.django_db
def test_add_user_takes_an_email(regions, monkeypatch):
    from django.contrib.auth import get_user_model

    monkeypatch.setenv("SIPOKJA_PASSWORD", "sandi-yang-cukup-panjang")
    call_command(
        "add_user", "baru", "--role", "regency_operator", "--region", "73.06",
        "--email", "baru@example.org", stdout=None,
    )  # fmt: skip
    assert get_user_model().objects.get(username="baru").email == "baru@example.org"
