"""Writes of a Pokja and its sub-groups."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.registry import record
from core.concurrency import save_versioned
from workgroups.models import WorkGroup
from workgroups.services.common import WorkGroupExists, _acting, _full_clean, _phone, _set_fields

WORKGROUP_FIELDS = (
    "name",
    "formed_on",
    "status",
    "secretariat_office",
    "contact_name",
    "contact_phone",
    "contact_email",
)


def _record_subgroups(workgroup, before: list[str], after: list[str]):
    if before != after:
        record(
            action=AuditEvent.Action.UPDATE,
            code="workgroup.subgroups_changed",
            instance=workgroup,
            region_code=workgroup.region.code,
            changes={"subgroups": [before, after]},
        )


def _subgroup_names(workgroup):
    return sorted(workgroup.subgroups.values_list("name", flat=True))


def create_workgroup(*, by, region, name, subgroups=(), is_demo=False, **fields) -> WorkGroup:
    """Record the Pokja of `region`. Refused (WorkGroupExists) when the region already has an
    active one."""
    with _acting(by):
        if WorkGroup.objects.select_for_update().filter(region=region, status="active").exists():
            raise WorkGroupExists(_("This region already has an active Pokja."))
        workgroup = WorkGroup(region=region, name=name, is_demo=is_demo, created_by=by)
        _set_fields(workgroup, fields, WORKGROUP_FIELDS)
        workgroup.contact_phone = _phone(workgroup.contact_phone, "contact_phone")
        _full_clean(workgroup)
        try:
            with transaction.atomic():
                workgroup.save()
        except IntegrityError:
            raise WorkGroupExists(_("This region already has an active Pokja.")) from None
        if subgroups:
            workgroup.subgroups.set(subgroups)
            _record_subgroups(workgroup, [], _subgroup_names(workgroup))
        return workgroup


def update_workgroup(*, by, workgroup, expected_version, subgroups=None, **fields) -> WorkGroup:
    """Change the Pokja's details (and, when given, its sub-groups). Raises ConflictError when
    someone saved since `expected_version`."""
    with _acting(by):
        _set_fields(workgroup, fields, WORKGROUP_FIELDS)
        if "contact_phone" in fields:
            workgroup.contact_phone = _phone(workgroup.contact_phone, "contact_phone")
        _full_clean(workgroup)
        save_versioned(workgroup, expected_version=expected_version)
        if subgroups is not None:
            before = _subgroup_names(workgroup)
            workgroup.subgroups.set(subgroups)
            _record_subgroups(workgroup, before, _subgroup_names(workgroup))
        return workgroup
