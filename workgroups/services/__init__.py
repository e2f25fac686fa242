"""The Pokja registry: read helpers other apps call, and every multi-row write.

Read helpers (safe to call from any app; none of them checks permissions, the caller does):

- `active_workgroup(region)`: the region's active Pokja, or None.
- `active_workgroups(region_ids)`: {region_id: WorkGroup} for many regions, one query.
- `current_decrees(workgroup_ids, on=date)`: {workgroup_id: Decree} of the decree in force on
  `on` for many Pokja, one query (the province matrix needs constant query counts).
- `WorkGroup.current_decree(on=date)` (models.py): the same for one Pokja.
- `sector_mix(workgroup)`: government / non-government member counts.

Writes are keyword-only, take the acting user as `by`, run in one transaction and leave audit
records (model signals, plus `audit.registry.record` for imports and sub-group changes).
Broken rules raise `core.errors.DomainError` with a translated message.

One module per idea (reading, work groups, decrees, institutions, members, log-ins, the Excel
import); this package names them all, so `from workgroups import services` and
`services.create_member(...)` keep working.
"""

from workgroups.services.common import WorkGroupExists
from workgroups.services.decrees import (
    DECREE_FIELDS,
    add_decree,
    check_decree_signatures,
    delete_decree,
    update_decree,
)
from workgroups.services.imports import ImportResult, import_members
from workgroups.services.institutions import (
    INSTITUTION_FIELDS,
    create_institution,
    default_is_government,
    delete_institution,
    update_institution,
)
from workgroups.services.logins import (
    LoginMethod,
    generate_password,
    grant_login,
    send_set_password_email,
)
from workgroups.services.members import MEMBER_FIELDS, create_member, delete_member, update_member
from workgroups.services.reading import (
    SectorMix,
    active_workgroup,
    active_workgroups,
    allowed_subgroups,
    current_decrees,
    current_members,
    sector_mix,
    sort_members,
)
from workgroups.services.workgroup import WORKGROUP_FIELDS, create_workgroup, update_workgroup

__all__ = [
    "DECREE_FIELDS",
    "INSTITUTION_FIELDS",
    "ImportResult",
    "LoginMethod",
    "MEMBER_FIELDS",
    "SectorMix",
    "WORKGROUP_FIELDS",
    "WorkGroupExists",
    "active_workgroup",
    "active_workgroups",
    "add_decree",
    "allowed_subgroups",
    "check_decree_signatures",
    "create_institution",
    "create_member",
    "create_workgroup",
    "current_decrees",
    "current_members",
    "default_is_government",
    "delete_decree",
    "delete_institution",
    "delete_member",
    "generate_password",
    "grant_login",
    "import_members",
    "sector_mix",
    "send_set_password_email",
    "sort_members",
    "update_decree",
    "update_institution",
    "update_member",
    "update_workgroup",
]
