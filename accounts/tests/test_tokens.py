"""Finding 5 of issue 17: API tokens expire, are listed with their last use, stop working when
the password changes or is reset, and at most N stay active per user (oldest revoked first)."""

import datetime

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.test import Client
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.models import ApiToken

PASSWORD = "kata-sandi-yang-panjang-1"
NEW_PASSWORD = "Pokja-Gowa-baru-2027!"


@pytest.fixture
def operator(personas):
    user = personas.gowa_operator
    user.set_password(PASSWORD)
    user.save()
    return user


def issue(username=None, password=PASSWORD, name="BI") -> str:
    response = Client().post(
        "/api/v1/auth/token",
        {"username": username or "gowa_operator", "password": password, "name": name},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return response.json()["token"]


def works(raw) -> bool:
    status = Client(headers={"authorization": f"Bearer {raw}"}).get("/api/v1/auth/tokens")
    assert status.status_code in (200, 401)
    return status.status_code == 200


def test_a_token_expires_after_the_configured_days(operator, settings):
    raw = issue()
    assert works(raw)
    token = ApiToken.objects.get(user=operator)
    ApiToken.objects.filter(pk=token.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=91)
    )
    assert not works(raw)
    settings.SIPOKJA_API_TOKEN_DAYS = 120
    assert works(raw)


def test_tokens_are_listed_with_last_use_and_expiry(operator):
    raw = issue()
    client = Client(headers={"authorization": f"Bearer {raw}"})
    [listed] = client.get("/api/v1/auth/tokens").json()
    assert listed["last_used_at"] is not None  # this very request used it
    expires = datetime.datetime.fromisoformat(listed["expires_at"])
    created = datetime.datetime.fromisoformat(listed["created_at"])
    assert expires - created == datetime.timedelta(days=90)
    login = Client()
    login.force_login(operator, backend="django.contrib.auth.backends.ModelBackend")
    page = login.get("/accounts/profile/")
    assert page.status_code == 200
    assert "Berlaku sampai" in page.content.decode() or "Expires" in page.content.decode()


def test_an_old_token_is_refused_after_a_password_change(operator):
    raw = issue()
    assert works(raw)
    client = Client()
    client.force_login(operator, backend="django.contrib.auth.backends.ModelBackend")
    response = client.post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302, response.context["form"].errors
    assert not works(raw)
    assert works(issue(password=NEW_PASSWORD))


def test_an_old_token_is_refused_after_a_password_reset(operator):
    raw = issue()
    uid = urlsafe_base64_encode(force_bytes(operator.pk))
    token = default_token_generator.make_token(operator)
    client = Client()
    response = client.get(f"/accounts/reset/{uid}/{token}/", follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302, response.context["form"].errors
    assert not works(raw)


def test_a_hash_upgraded_at_log_in_keeps_the_tokens(operator):
    """Logging in with a password stored under an older hasher re-hashes it: not a change."""
    operator.password = make_password(PASSWORD, hasher="pbkdf2_sha256")
    operator.save()
    raw = issue()
    operator.refresh_from_db()
    assert operator.password.startswith("argon2")
    assert works(raw)


def test_at_most_n_tokens_stay_active_oldest_revoked_first(operator, settings):
    settings.SIPOKJA_API_TOKEN_MAX_ACTIVE = 3
    raws = [issue(name=f"t{i}") for i in range(5)]
    assert [works(raw) for raw in raws] == [False, False, True, True, True]
    assert ApiToken.objects.filter(user=operator).active().count() == 3
    assert set(ApiToken.objects.filter(user=operator).active().values_list("name", flat=True)) == {
        "t2",
        "t3",
        "t4",
    }
