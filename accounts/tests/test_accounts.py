import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import Client

from accounts.models import ApiToken, RoleAssignment
from audit.models import AuditEvent

PASSWORD = "kata-sandi-yang-panjang-1"


@pytest.fixture
def operator(personas):
    user = personas.gowa_operator
    user.email = "operator@gowakab.go.id"
    user.set_password(PASSWORD)
    user.save()
    return user


def test_passwords_are_hashed_with_argon2(operator):
    assert identify_hasher(operator.password).algorithm == "argon2"


def test_login_and_logout(operator):
    client = Client()
    response = client.post("/accounts/login/", {"username": "gowa_operator", "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/r/73.06/").status_code == 200
    client.post("/accounts/logout/")
    assert client.get("/r/73.06/").status_code == 302


def test_login_page_is_indonesian_by_default(db):
    content = Client().get("/accounts/login/").content.decode()
    assert "Masuk ke Sipokja" in content
    assert 'lang="id"' in content


def test_language_switch_to_english(db):
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert "Log in to Sipokja" in client.get("/accounts/login/").content.decode()


def test_lockout_after_repeated_failures(operator, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/accounts/login/", {"username": "gowa_operator", "password": "salah"})
    response = client.post("/accounts/login/", {"username": "gowa_operator", "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_api_token_refused_when_locked_out(operator, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/api/v1/auth/token",
            {"username": "gowa_operator", "password": "x"},
            content_type="application/json",
        )
    response = client.post(
        "/api/v1/auth/token",
        {"username": "gowa_operator", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code in (403, 429)
    assert not ApiToken.objects.filter(user=operator).exists()


def test_password_reset_sends_email(operator, django_capture_on_commit_callbacks):
    # The e-mail leaves by a mail job once the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post("/accounts/password-reset/", {"email": "operator@gowakab.go.id"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/reset/" in mail.outbox[0].body


def test_token_issue_use_and_revoke(operator):
    client = Client()
    response = client.post(
        "/api/v1/auth/token",
        {"username": "gowa_operator", "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200
    token = response.json()["token"]
    authed = Client(headers={"authorization": f"Bearer {token}"})
    assert authed.get("/api/v1/regions/73.06").status_code == 200
    assert ApiToken.objects.get(user=operator).key_hash != token  # only the hash is stored
    token_id = authed.get("/api/v1/auth/tokens").json()[0]["id"]
    assert authed.delete(f"/api/v1/auth/tokens/{token_id}").status_code == 204
    assert authed.get("/api/v1/regions/73.06").status_code == 401


def test_token_with_wrong_password(operator):
    response = Client().post(
        "/api/v1/auth/token",
        {"username": "gowa_operator", "password": "salah"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_profile_creates_and_revokes_tokens(personas):
    client = personas.client("sulsel_viewer")
    response = client.post("/accounts/profile/", {"name": "Dashboard BI"})
    raw = response.context["new_token"]
    assert raw.startswith("spk_")
    token = ApiToken.objects.get(user=personas.sulsel_viewer)
    assert token.name == "Dashboard BI"
    client.post(f"/accounts/tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert (
        Client(headers={"authorization": f"Bearer {raw}"}).get("/api/v1/regions").status_code == 401
    )


def test_add_user_command_creates_user_with_role(regions, monkeypatch):
    monkeypatch.setenv("SIPOKJA_PASSWORD", PASSWORD)
    call_command("add_user", "operator.maros", role="regency_operator", region="7309")
    user = get_user_model().objects.get(username="operator.maros")
    assert user.check_password(PASSWORD)
    assignment = RoleAssignment.objects.get(user=user)
    assert (assignment.role, assignment.region.code) == ("regency_operator", "73.09")
    assert AuditEvent.objects.filter(
        model="accounts.RoleAssignment", object_id=str(assignment.pk), action="create"
    ).exists()


def test_add_user_command_updates_existing_user(regions, monkeypatch):
    monkeypatch.setenv("SIPOKJA_PASSWORD", PASSWORD)
    call_command("add_user", "kepala", role="viewer", region="73")
    monkeypatch.setenv("SIPOKJA_PASSWORD", PASSWORD + "-baru")
    call_command("add_user", "kepala", role="provincial_admin", region="73")
    user = get_user_model().objects.get(username="kepala")
    assert user.check_password(PASSWORD + "-baru")
    assert sorted(user.role_assignments.values_list("role", flat=True)) == [
        "provincial_admin",
        "viewer",
    ]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"role": "regency_operator"}, "memerlukan kode wilayah"),
        ({"role": "regency_operator", "region": "99.99"}, "tidak dikenal"),
        ({"role": "national_admin", "region": "73"}, "seluruh Indonesia"),
    ],
)
def test_add_user_command_refuses_bad_input(regions, monkeypatch, options, message):
    monkeypatch.setenv("SIPOKJA_PASSWORD", PASSWORD)
    with pytest.raises(CommandError, match=message):
        call_command("add_user", "someone", **options)
    assert not get_user_model().objects.filter(username="someone").exists()
