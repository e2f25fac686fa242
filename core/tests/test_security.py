from django.test import Client


def test_pages_send_a_csp_without_inline_scripts(db):
    response = Client().get("/accounts/login/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self';" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_scripts(personas):
    import re

    content = personas.client("sulsel_admin").get("/r/73/").content.decode()
    for tag in re.findall(r"<script[^>]*>", content):
        assert "src=" in tag or 'type="application/json"' in tag, tag
    assert " style=" not in content


def test_healthz(db):
    assert Client().get("/healthz").json() == {"status": "ok"}


def test_privacy_page_lists_member_contact_data(db):
    content = Client().get("/privacy/").content.decode()
    assert "telepon" in content.lower() or "phone" in content.lower()
    assert "UU PDP" in content


def test_production_settings_pass_check_deploy(tmp_path):
    import os
    import subprocess
    import sys

    from django.conf import settings

    secret_file = tmp_path / "secret"
    secret_file.write_text("k" * 30 + "-production-secret-" + "x" * 30)
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "SECURE_SSL_REDIRECT",
            "SESSION_COOKIE_SECURE",
            "CSRF_COOKIE_SECURE",
            "SIPOKJA_STATIC_MANIFEST",
            "DEBUG",
            "SECRET_KEY",
        }
    }
    env.update({"SECRET_KEY_FILE": str(secret_file), "ALLOWED_HOSTS": "sipokja.example.go.id"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
