"""accounts.crud: the one way a create / edit / delete screen handles its form, the version,
the service's refusal and the outcome (the screens of every app are tested through their own
pages; this pins the helper's own rules)."""

import pytest
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from accounts import crud
from core.errors import ConflictError, DomainError
from core.forms import ConfirmForm, VersionField

pytestmark = pytest.mark.django_db


class ThingForm(forms.Form):
    title = forms.CharField()
    version = VersionField(required=False)


class Thing:
    pk = 7
    version = 3

    def __str__(self):
        return "Thing seven"


def _request(method="get", data=None):
    factory = RequestFactory()
    request = factory.post("/", data or {}) if method == "post" else factory.get("/")
    request.user = AnonymousUser()
    request._messages = CookieStorage(request)
    return request


def _screen(request, save):
    return crud.form_screen(
        request,
        crud.bind(request, ThingForm, version_of=Thing()),
        save=save,
        template="crud/confirm_delete.html",
        context={"object": Thing(), "cancel_url": "/back/"},
        message=lambda saved: f"saved {saved}",
        success_url=lambda saved: f"/things/{saved}/",
    )


def test_bind_starts_from_the_record_version_and_binds_only_posts():
    form = crud.bind(_request(), ThingForm, version_of=Thing())
    assert not form.is_bound and form.initial["version"] == 3
    assert crud.bind(_request("post", {"title": "x"}), ThingForm).is_bound


def test_a_valid_post_calls_the_service_then_flashes_and_redirects():
    request = _request("post", {"title": "Rapat", "version": "3"})
    calls = []

    def save(form):
        calls.append(crud.locked(form))
        return 42

    response = _screen(request, save)
    assert response.status_code == 302 and response["Location"] == "/things/42/"
    assert calls == [{"expected_version": 3}]
    assert [str(m) for m in get_messages(request)] == ["saved 42"]


def test_a_refusal_lands_on_the_field_it_names_and_the_form_stays_filled_in():
    request = _request("post", {"title": "Rapat", "version": "3"})

    def refuse(form):
        raise DomainError("No.", errors=[{"field": "title", "message": "Title taken."}])

    response = _screen(request, refuse)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Title taken." in page and 'value="Rapat"' in page


def test_a_model_validation_error_is_shown_too():
    request = _request("post", {"title": "Rapat"})

    def refuse(form):
        raise ValidationError({"title": ["Too short."]})

    assert "Too short." in _screen(request, refuse).content.decode()


def test_delete_carries_the_version_and_shows_a_conflict():
    request = _request("post", {"version": "2"})

    def delete(version):
        assert version == 2
        raise ConflictError("Someone else changed it.")

    response = crud.delete_screen(
        request, Thing(), delete=delete, success_url="/list/", cancel_url="/back/"
    )
    assert response.status_code == 200 and "Someone else changed it." in response.content.decode()


def test_an_unversioned_delete_needs_no_version():
    request = _request("post")
    deleted = []
    response = crud.delete_screen(
        request,
        Thing(),
        delete=deleted.append,
        versioned=False,
        message="gone",
        success_url="/list/",
        cancel_url="/back/",
    )
    assert response.status_code == 302 and deleted == [None]


def test_a_button_reports_an_incomplete_form_or_a_refusal_and_redirects_either_way():
    request = _request("post")
    response = crud.confirm_action(
        request,
        form=ConfirmForm(request.POST),
        incomplete="Reload the page.",
        action=lambda form: pytest.fail("not called"),
        success_url="/back/",
    )
    assert response.status_code == 302
    assert [str(m) for m in get_messages(request)] == ["Reload the page."]

    request = _request("post", {"version": "1"})

    def refuse(form):
        raise DomainError("Not now.", errors=[{"field": "", "message": "Minutes are locked."}])

    crud.confirm_action(request, form=ConfirmForm(request.POST), action=refuse, success_url="/")
    assert [str(m) for m in get_messages(request)] == ["Not now.", "Minutes are locked."]
