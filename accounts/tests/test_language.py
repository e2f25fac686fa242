"""Indonesian by default whatever the browser says; English only when chosen, and then it sticks
(issue 22)."""

import pytest

from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def _lang(response):
    return response.headers["Content-Language"]


def test_an_english_browser_gets_indonesian(client, regions):
    response = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert _lang(response) == "id"
    assert '<html lang="id">' in response.content.decode()


def test_an_anonymous_choice_is_kept_in_a_cookie(client, regions):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    assert response.status_code == 302 and response.url == "/accounts/login/"
    assert client.cookies["django_language"].value == "en"
    assert _lang(client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="id")) == "en"


def test_the_choice_is_stored_on_the_user_and_follows_them(personas, client):
    user_client = personas.client("gowa_operator")
    user_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    user = user_client.get("/accounts/profile/").wsgi_request.user
    user.refresh_from_db()
    assert user.language == "en"
    assert AuditEvent.objects.filter(code="accounts.language").exists()
    # Another browser (no cookie), Accept-Language Indonesian: still English.
    client.force_login(user)
    assert _lang(client.get("/accounts/profile/", HTTP_ACCEPT_LANGUAGE="id")) == "en"


def test_a_foreign_next_url_is_refused(client, regions):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "https://evil.test/"})
    assert response.url == "/"


def test_dates_are_written_in_full():
    import datetime

    from django.template import Context, Template
    from django.utils import timezone, translation

    when = timezone.make_aware(datetime.datetime(2026, 12, 3, 9, 0))
    template = Template('{{ d|date:"DATETIME_FORMAT" }} | {{ d|date:"DATE_FORMAT" }}')
    with translation.override("id"):
        text = template.render(Context({"d": when}))
    assert text == "Kamis, 3 Desember 2026 pukul 09.00 WITA | 3 Desember 2026"
    with translation.override("en"):
        text = template.render(Context({"d": when}))
    assert text == "Thursday, 3 December 2026 at 09:00 WITA | 3 December 2026"
