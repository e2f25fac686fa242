"""A create form sent twice on a flaky connection creates one record (issue 22)."""

import pytest
from django.core.cache import cache

from policies.models import Policy
from policies.tests.test_policies import PERBUP

pytestmark = pytest.mark.django_db


def test_the_same_create_form_sent_twice_saves_once(personas):
    cache.clear()
    client = personas.client("gowa_operator")
    data = dict(PERBUP)
    first = client.post("/r/73.06/policies/new/", data)
    assert first.status_code == 302, first.context["form"].errors
    second = client.post("/r/73.06/policies/new/", data)
    assert second.status_code == 302 and second.url == first.url
    assert Policy.objects.filter(region__code="73.06").count() == 1
    # A different form (another title) is a new record.
    third = client.post("/r/73.06/policies/new/", data | {"title": "Perbup kedua"})
    assert third.status_code == 302
    assert Policy.objects.filter(region__code="73.06").count() == 2
