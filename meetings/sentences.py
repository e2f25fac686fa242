"""How the audit log reads the meetings app's bulk actions (audit.presenters.register_sentence),
in the reader's language."""

from django.utils.translation import gettext as _

from meetings.services.actions import ITEMS_DONE
from meetings.services.invitations import MEMBERS_INVITED


def _new(event, key):
    value = (event.changes or {}).get(key) or [None, ""]
    return value[1] if isinstance(value, list | tuple) and len(value) == 2 else value


def members_invited(event, user) -> str:
    return _("%(user)s invited %(count)s members of %(group)s to “%(meeting)s”.") % {
        "user": user,
        "count": _new(event, "members"),
        "group": _new(event, "group") or _("the chosen list"),
        "meeting": event.object_repr,
    }


def items_done(event, user) -> str:
    return _("%(user)s marked %(count)s action items done at once.") % {
        "user": user,
        "count": _new(event, "items"),
    }


SENTENCES = {MEMBERS_INVITED: members_invited, ITEMS_DONE: items_done}
