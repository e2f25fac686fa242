"""Turn audit events into sentences for people."""

from django.apps import apps
from django.utils.translation import gettext as _

# code of an `action="other"` event -> function(event, user) giving its sentence, registered by
# the app that records such events (from its AppConfig.ready()), so a bulk action reads as what
# it did ("Budi invited 12 members of sub-group X") in the reader's language.
_sentences = {}


def register_sentence(code: str, sentence) -> None:
    _sentences[code] = sentence


def model_name(label: str) -> str:
    try:
        return str(apps.get_model(label)._meta.verbose_name)
    except (LookupError, ValueError):
        return label


def describe(event, *, actor=None) -> str:
    """One sentence; `actor` is the person's name when known (else the username)."""
    name = model_name(event.model)
    user = actor or event.actor_username
    if event.code in _sentences:
        return _sentences[event.code](event, user)
    if event.action == "create":
        return _("%(user)s created %(type)s “%(record)s”.") % {
            "user": user,
            "type": name,
            "record": event.object_repr,
        }
    if event.action == "update":
        return _("%(user)s changed %(type)s “%(record)s”.") % {
            "user": user,
            "type": name,
            "record": event.object_repr,
        }
    if event.action == "delete":
        return _("%(user)s deleted %(type)s “%(record)s”.") % {
            "user": user,
            "type": name,
            "record": event.object_repr,
        }
    return _("%(user)s: %(event)s on %(type)s “%(record)s”.") % {
        "user": user,
        "event": event.code,
        "type": name,
        "record": event.object_repr,
    }
