"""WhatsApp click-to-chat links (https://wa.me/<number>?text=<message>): the person sending opens
WhatsApp with the recipient and a prefilled message, and sends it themselves. No API, no keys.

`wa_link("+6281234567890", "Yth. …")` → `https://wa.me/6281234567890?text=Yth.%20%E2%80%A6`:
the number in international form without `+` (as wa.me requires), the text URL-encoded as
UTF-8 (spaces as %20, new lines as %0A). Numbers are stored in E.164 (workgroups.validators.
normalize_phone); a number not in that form gives no link. Sending the same messages
automatically through the WhatsApp Business Platform is described in docs/whatsapp.md.
"""

import re
from dataclasses import dataclass
from urllib.parse import quote

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def wa_link(phone: str, text: str = "") -> str:
    """The wa.me link to `phone` (E.164) with `text` prefilled (no `?text=` without one); ""
    without a valid number."""
    if not phone or not _E164.match(phone):
        return ""
    link = f"https://wa.me/{phone[1:]}"
    return f"{link}?text={quote(text, safe='')}" if text else link


def wa_any_chat(text: str) -> str:
    """The wa.me link that lets the sender choose the chat or group for `text`."""
    return f"https://wa.me/?text={quote(text, safe='')}"


@dataclass(frozen=True)
class Share:
    """A message to pass on: the wa.me link to one person (only with a number the viewer may
    see and the person agreed to be contacted at), a link to choose any chat or group, and the
    copyable text."""

    text: str
    link: str = ""
    name: str = ""

    @property
    def any_chat(self) -> str:
        return wa_any_chat(self.text)


def share(text: str, phone: str = "", name: str = "") -> Share:
    return Share(text=text, link=wa_link(phone, text), name=name)
