import pytest
from django.db import models
from django.test.utils import isolate_apps

from privacy.inventory import rows, undeclared_personal_fields


def test_every_personal_looking_field_is_declared_with_purpose_basis_and_retention():
    assert undeclared_personal_fields() == []
    for row in rows():
        assert row["purpose"] and row["legal_basis"] and row["retention"], row["model"]
        assert row["visible_to"], row["model"]


@isolate_apps("privacy")
def test_a_model_gaining_an_undeclared_personal_field_fails_the_inventory():
    class Guest(models.Model):  # noqa: DJ008
        title = models.CharField(max_length=10)
        whatsapp_number = models.CharField(max_length=20)
        home_address = models.CharField(max_length=200)

        class Meta:
            app_label = "privacy"

    assert undeclared_personal_fields([Guest]) == [
        "privacy.guest.home_address",
        "privacy.guest.whatsapp_number",
    ]

    class Declared(models.Model):  # noqa: DJ008
        whatsapp_number = models.CharField(max_length=20)

        class Meta:
            app_label = "privacy"

        class DataScrubbing:
            personal_fields = ("whatsapp_number",)

    assert undeclared_personal_fields([Declared]) == []


@pytest.mark.django_db
def test_the_privacy_page_shows_legal_basis_retention_and_the_dpo(personas, client):
    from privacy import services
    from regions.models import Region

    services.save_controller(
        region=Region.objects.get(code="73"), by=personas.sulsel_admin,
        controller_name="Perwakilan BKKBN Provinsi Sulawesi Selatan", dpo_name="Petugas PDP",
        dpo_email="pdp.sulsel@example.go.id",
    )  # fmt: skip
    page = client.get("/privacy/", HTTP_ACCEPT_LANGUAGE="id").content.decode()
    assert "Pasal" in page or "pasal" in page
    assert "Perwakilan BKKBN Provinsi Sulawesi Selatan" in page
    assert "pdp.sulsel@example.go.id" in page
    assert "3×24 jam" in page
