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
