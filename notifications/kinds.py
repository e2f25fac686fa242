"""The kinds of notification, each with its label (shown on the preferences form) and whether it
is e-mailed when the user has not chosen (`email_by_default`). The apps above call
`notifications.services.notify(kind=…)` with one of these keys."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    email_by_default: bool = True


ASSESSMENT_SUBMITTED = "assessment.submitted"
ASSESSMENT_RETURNED = "assessment.returned"
ASSESSMENT_VERIFIED = "assessment.verified"
VERIFICATION_STALE = "assessment.stale"
MEETING_INVITATION = "meeting.invitation"
MEETING_CHANGED = "meeting.changed"
MEETING_CANCELLED = "meeting.cancelled"
ACTION_ITEM_ASSIGNED = "action_item.assigned"
ACTION_ITEM_OVERDUE = "action_item.overdue"
DECREE_EXPIRING = "decree.expiring"
DECREE_EXPIRED = "decree.expired"
PRIVACY_REQUEST = "privacy.request"
PRIVACY_BREACH = "privacy.breach"
BUDGET_MISSING = "budget.missing"

KINDS = {
    kind.key: kind
    for kind in [
        Kind(ASSESSMENT_SUBMITTED, _("Assessment submitted for verification")),
        Kind(ASSESSMENT_RETURNED, _("Assessment returned for correction")),
        Kind(ASSESSMENT_VERIFIED, _("Assessment verified")),
        Kind(VERIFICATION_STALE, _("Verification needs to be redone")),
        Kind(MEETING_INVITATION, _("Meeting invitation")),
        Kind(MEETING_CHANGED, _("Meeting changed")),
        Kind(MEETING_CANCELLED, _("Meeting cancelled")),
        Kind(ACTION_ITEM_ASSIGNED, _("Action item assigned to you")),
        # The hourly reminders already e-mail overdue items: in the inbox unless chosen otherwise.
        Kind(ACTION_ITEM_OVERDUE, _("Action item overdue"), email_by_default=False),
        Kind(DECREE_EXPIRING, _("Pokja decree (SK) expiring")),
        Kind(DECREE_EXPIRED, _("Pokja decree (SK) expired")),
        Kind(PRIVACY_REQUEST, _("Personal-data request to serve")),
        Kind(PRIVACY_BREACH, _("Personal-data breach to notify")),
        Kind(BUDGET_MISSING, _("Early warning: no Pokja budget before the KUA-PPAS")),
    ]
}

KIND_CHOICES = [(kind.key, kind.label) for kind in KINDS.values()]
