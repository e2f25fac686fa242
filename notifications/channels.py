"""The seam for sending notifications outside Sipokja, e.g. automatically on WhatsApp through the
WhatsApp Business Platform (docs/whatsapp.md). Nothing is registered by default: Sipokja does not
send WhatsApp messages itself; people share them by hand (core.whatsapp wa.me links).

Two hooks, linked in from the apps' `AppConfig.ready()`:

    register_phone_source(fn)  # fn(users) -> {user pk: E.164 number the user agreed to be
                               # contacted at}; workgroups registers its members' numbers
    register_channel(fn)       # fn(messages: list[OutboundMessage]) sends them; called after
                               # the notifying transaction commits

A WhatsApp Business Platform channel would map each notification kind to an approved message
template (opt-in: only numbers from the phone sources, which carry the member's consent) and
POST it to the Cloud API from a background job (jobs.registry.job_kind), retried like e-mail.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import translation

from core.whatsapp import wa_link

_phone_sources: list[Callable] = []
_channels: list[Callable] = []


@dataclass(frozen=True)
class OutboundMessage:
    notification_id: int
    user_id: int
    kind: str
    phone: str
    text: str

    @property
    def wa_link(self) -> str:
        """The same message as a wa.me click-to-chat link (for sending by hand)."""
        return wa_link(self.phone, self.text)


def register_phone_source(fn: Callable) -> None:
    if fn not in _phone_sources:
        _phone_sources.append(fn)


def register_channel(fn: Callable) -> None:
    if fn not in _channels:
        _channels.append(fn)


def unregister_channel(fn: Callable) -> None:
    if fn in _channels:
        _channels.remove(fn)


def phones(users) -> dict[int, str]:
    found: dict[int, str] = {}
    for source in _phone_sources:
        for pk, phone in source(users).items():
            found.setdefault(pk, phone)
    return found


def message_text(notification) -> str:
    """The Indonesian text of a notification outside Sipokja: its title and the link."""
    from notifications.emails import absolute

    with translation.override("id"):
        return f"{notification.title}\n{absolute(notification.url)}"


def outbound(users, notifications) -> list[OutboundMessage]:
    """The messages for the recipients who have a number (from the phone sources)."""
    numbers = phones(users)
    return [
        OutboundMessage(n.pk, user.pk, n.kind, numbers[user.pk], message_text(n))
        for user, n in zip(users, notifications, strict=True)
        if user.pk in numbers
    ]


def dispatch(users, notifications) -> None:
    """Hand the messages to the registered channels once the transaction commits."""
    if not _channels:
        return
    messages = outbound(users, notifications)
    if not messages:
        return
    for channel in list(_channels):
        transaction.on_commit(lambda channel=channel: channel(messages))
