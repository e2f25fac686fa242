"""Writes of the institutions of a region."""

from django.utils.translation import gettext as _

from core.concurrency import save_versioned
from core.errors import DomainError
from workgroups.models import Institution
from workgroups.services.common import _acting, _full_clean, _set_fields

INSTITUTION_FIELDS = ("name", "sector", "is_government")


def default_is_government(sector) -> bool:
    return sector in Institution.GOVERNMENT_SECTORS


def create_institution(*, by, region, name, sector, is_government=None) -> Institution:
    """Add an institution of `region`. `is_government` defaults from the sector."""
    with _acting(by):
        if is_government is None:
            is_government = default_is_government(sector)
        institution = Institution(
            region=region, name=" ".join(name.split()), sector=sector, is_government=is_government
        )
        _full_clean(institution)
        institution.save()
        return institution


def update_institution(*, by, institution, expected_version, **fields) -> Institution:
    with _acting(by):
        _set_fields(institution, fields, INSTITUTION_FIELDS)
        institution.name = " ".join(institution.name.split())
        _full_clean(institution)
        save_versioned(institution, expected_version=expected_version)
        return institution


def delete_institution(*, by, institution) -> None:
    """Remove an institution; refused while members still belong to it."""
    with _acting(by):
        if institution.members.exists():
            raise DomainError(
                _(
                    "%(name)s still has members in the Pokja. Move them to another institution "
                    "first."
                )
                % {"name": institution.name}
            )
        institution.delete()
