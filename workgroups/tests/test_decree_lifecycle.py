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
