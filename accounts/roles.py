"""Roles: a display name, a plain description and the permissions they grant.

A role is held for a region (or nationally) and applies to that region and everything below it.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from accounts.permissions import Permission as P


@dataclass(frozen=True)
class Role:
    key: str
    name: str
    description: str
    permissions: frozenset


_OPERATOR = frozenset(
    {
        P.REGION_VIEW,
        P.MEMBER_CONTACT_VIEW,
        P.REGION_EDIT,
        P.WORKGROUP_EDIT,
        P.PLAN_EDIT,
        P.BUDGET_EDIT,
        P.POLICY_EDIT,
        P.INDICATOR_EDIT,
        P.ASSESSMENT_SUBMIT,
        P.MEETING_EDIT,
        P.ACTION_ITEM_UPDATE,
        P.STRATEGIC_ISSUE_EDIT,
        P.AUDIT_VIEW,
        P.LETTER_VIEW,
        P.LETTER_ISSUE,
    }
)

ROLES = {
    role.key: role
    for role in [
        Role(
            "national_admin",
            _("National admin"),
            _("BKKBN headquarters: everything in every province, plus the national catalogues."),
            frozenset(P),
        ),
        Role(
            "provincial_admin",
            _("Provincial admin"),
            _(
                "BKKBN provincial office: the province and all its regencies/cities; verifies "
                "evidence, runs the forum and manages users."
            ),
            frozenset(P) - {P.CATALOGUE_MANAGE, P.SIGNING_CERTIFICATE_MANAGE},
        ),
        Role(
            "regency_operator",
            _("Regency/city operator"),
            _("KB agency or Pokja secretariat: records the Pokja, its plan, budget and meetings."),
            _OPERATOR,
        ),
        Role(
            "member",
            _("Pokja member"),
            _("Sees the Pokja's work and updates the action items assigned to them."),
            frozenset({P.REGION_VIEW, P.ACTION_ITEM_UPDATE}),
        ),
        Role(
            "viewer",
            _("Viewer"),
            _("Leaders and observers: reads dashboards and reports, changes nothing."),
            frozenset({P.REGION_VIEW, P.LETTER_VIEW}),
        ),
    ]
}

ROLE_CHOICES = [(role.key, role.name) for role in ROLES.values()]
