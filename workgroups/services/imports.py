"""The Excel import of a Pokja's members (all or nothing)."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from audit.models import AuditEvent
from audit.registry import record
from core.errors import DomainError
from core.uploads import safe_filename
from workgroups.models import Institution, Member
from workgroups.services.common import _acting
from workgroups.services.institutions import default_is_government
from workgroups.services.reading import allowed_subgroups, current_members
from workgroups.validators import check_members_xlsx


@dataclass
class ImportResult:
    members: list
    institutions: list


def import_members(*, by, workgroup, uploaded) -> ImportResult:
    """Create members from a filled-in members template (.xlsx), all or nothing.

    Every row is validated first (see `workgroups.xlsx.read_members`). When any row is wrong,
    raises DomainError whose `errors` lists `{row, column, field, message}` and writes nothing.
    Otherwise creates the members (and institutions named in the file that do not exist yet,
    with the sector given) in one transaction and writes one audit record for the import."""
    from workgroups import xlsx

    try:
        check_members_xlsx(uploaded)
    except ValidationError as exc:
        raise DomainError(exc.messages[0]) from None
    rows, errors = xlsx.read_members(
        workgroup,
        uploaded,
        subgroups=list(allowed_subgroups(workgroup)),
        institutions=list(workgroup.region.institutions.all()),
        existing_names=list(current_members(workgroup).values_list("name", flat=True)),
    )
    if not errors and not rows:
        raise DomainError(_("The file has no members. Fill in at least one row under the header."))
    if errors:
        raise DomainError(
            _(
                "The file was not imported: %(count)d problem(s) found. Nothing was saved. "
                "Correct the rows listed below and upload the file again."
            )
            % {"count": len(errors)},
            errors=errors,
        )
    with _acting(by):
        new_institutions = {}
        for row in rows:
            if row.new_institution and row.new_institution[0].lower() not in new_institutions:
                name, sector = row.new_institution
                new_institutions[name.lower()] = Institution(
                    region=workgroup.region,
                    name=name,
                    sector=sector,
                    is_government=default_is_government(sector),
                )
        created_institutions = Institution.objects.bulk_create(list(new_institutions.values()))
        members = []
        for row in rows:
            fields = dict(row.fields)
            if row.new_institution:
                fields["institution"] = new_institutions[row.new_institution[0].lower()]
            members.append(Member(workgroup=workgroup, **fields))
        created = Member.objects.bulk_create(members)
        record(
            action=AuditEvent.Action.OTHER,
            code="members.imported",
            instance=workgroup,
            region_code=workgroup.region.code,
            changes={
                "members": [None, len(created)],
                "institutions_created": [None, [i.name for i in created_institutions]],
                "file": [None, safe_filename(getattr(uploaded, "name", ""), "anggota.xlsx")],
            },
        )
        return ImportResult(created, created_institutions)
