"""The SK's life (issue 26): a decree replaces an older one (kept, shown as replaced) and the
province matrix shows "SK berakhir dalam 90 hari" while no successor is registered."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from workgroups import services
from workgroups.decree_lifecycle import expiring_decrees
from workgroups.models import Decree
from workgroups.tests.helpers import pdf_upload


def _amendment(today) -> dict:
    """The fields of Gowa's amending decree signed and valid from `today`, as the page form and
    the API take them."""
    day = today.isoformat()
    return {
        "number": "188/2/2025",
        "title": "Perubahan Pokja",
        "kind": Decree.Kind.AMENDMENT,
        "issuer": "regent",
        "signed_on": day,
        "valid_from": day,
    }


def _decree(workgroup, number, valid_from, valid_until, **extra):
    return services.add_decree(
        by=None,
        workgroup=workgroup,
        number=number,
        title="Pembentukan Pokja",
        signed_on=valid_from,
        issuer="regent",
        valid_from=valid_from,
        valid_until=valid_until,
        file=pdf_upload(),
        **extra,
    )


def test_a_decree_replaces_an_older_one_which_stays_in_the_history(personas, gowa_pokja):
    today = timezone.localdate()
    old = _decree(gowa_pokja, "188/1/2024", today - datetime.timedelta(days=400), None)
    new = _decree(
        gowa_pokja,
        "188/2/2025",
        today - datetime.timedelta(days=10),
        None,
        kind="renewal",
        replaces=old,
    )
    assert list(old.replaced_by.all()) == [new]
    assert gowa_pokja.current_decree() == new
    page = personas.client("gowa_operator").get("/r/73.06/pokja/decrees/")
    assert dict((d.number, s) for d, s in page.context["rows"]) == {
        "188/2/2025": "current",
        "188/1/2024": "replaced",
    }
    assert Decree.objects.count() == 2


def test_a_decree_cannot_replace_itself_or_another_pokjas(gowa_pokja, regions):
    decree = _decree(gowa_pokja, "188/1/2024", datetime.date(2024, 1, 1), None)
    decree.replaces = decree
    with pytest.raises(ValidationError):
        decree.full_clean(exclude=["file"])


def test_province_matrix_shows_sk_ending_within_90_days(personas, gowa_pokja, regions):
    today = timezone.localdate()
    ending = _decree(
        gowa_pokja,
        "188/1/2024",
        today - datetime.timedelta(days=300),
        today + datetime.timedelta(days=30),
    )
    assert expiring_decrees([gowa_pokja.region]) == {"73.06": ending}
    page = personas.client("sulsel_viewer").get("/r/73/assessment/matrix/")
    assert "SK berakhir dalam 90 hari" in page.content.decode()

    # a successor registered: no warning any more
    _decree(
        gowa_pokja,
        "188/2/2025",
        today + datetime.timedelta(days=31),
        None,
        kind="renewal",
        replaces=ending,
    )
    assert expiring_decrees([gowa_pokja.region]) == {}
    page = personas.client("sulsel_viewer").get("/r/73/assessment/matrix/")
    assert "SK berakhir dalam 90 hari" not in page.content.decode()


def test_no_warning_for_a_decree_ending_later(gowa_pokja, regions):
    today = timezone.localdate()
    _decree(gowa_pokja, "188/1/2024", today, today + datetime.timedelta(days=91))
    assert expiring_decrees([gowa_pokja.region]) == {}


def test_the_decree_form_offers_only_this_pokjas_earlier_decrees(personas, gowa_pokja):
    today = timezone.localdate()
    old = _decree(gowa_pokja, "188/1/2024", today - datetime.timedelta(days=400), None)
    client = personas.client("gowa_operator")
    page = client.get("/r/73.06/pokja/decrees/new/")
    assert list(page.context["form"].fields["replaces"].queryset) == [old]
    response = client.post(
        "/r/73.06/pokja/decrees/new/",
        _amendment(today) | {"replaces": old.pk, "upload": pdf_upload()},
    )
    assert response.status_code == 302, response.context["form"].errors
    new = Decree.objects.get(number="188/2/2025")
    assert new.replaces == old and Decree.objects.filter(pk=old.pk).exists()


def test_the_api_sets_replaces_by_id_and_refuses_another_regions_decree(
    personas, gowa_pokja, regions
):
    today = timezone.localdate()
    old = _decree(gowa_pokja, "188/1/2024", today - datetime.timedelta(days=400), None)
    client = personas.api_client("gowa_operator")
    fields = _amendment(today)
    path = "/api/v1/regions/73.06/workgroup/decrees"
    created = client.post(path, data={**fields, "replaces": old.pk, "file": pdf_upload()})
    assert created.status_code == 201, created.content
    assert created.json()["replaces"] == old.pk
    assert client.get(f"{path}/{old.pk}").json()["replaces"] is None
    # An id that is not a decree of this region: 404, nothing written.
    missing = client.post(
        path, data={**fields, "number": "188/3/2025", "replaces": 999999, "file": pdf_upload()}
    )
    assert missing.status_code == 404
    assert not Decree.objects.filter(number="188/3/2025").exists()
