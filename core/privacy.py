"""Which fields of a model hold personal data, and on what terms: each model declares them once,
in an inner class

    class DataScrubbing:
        personal_fields = ("name", "phone", "email")
        purpose = _("Why Sipokja keeps them.")
        legal_basis = PUBLIC_TASK          # UU 27/2022 Pasal 20 ayat (2)
        retention = _("While the member sits in the Pokja, then 2 years.")
        visible_to = _("Users of the region; contact data only with the contact right.")
        consent_fields = ("phone",)        # uses of these that need the person's consent

The privacy page (privacy.views) lists them with their legal basis; the anonymised copy
(ops.backup) and the erasure of a person (privacy.erasure) replace them. Apps above ask whether a
consent-based use is allowed through `consent_given`, answered by the privacy app's hook.
"""

from django.utils.translation import gettext_lazy as _

from core.whatsapp import wa_link

# UU 27/2022 Pasal 20 ayat (2): the lawful bases of processing.
CONSENT = "consent"  # huruf a: persetujuan yang sah secara eksplisit
CONTRACT = "contract"  # huruf b: pemenuhan kewajiban perjanjian
LEGAL_OBLIGATION = "legal_obligation"  # huruf c: pemenuhan kewajiban hukum
VITAL_INTEREST = "vital_interest"  # huruf d: pelindungan kepentingan vital
PUBLIC_TASK = "public_task"  # huruf e: tugas untuk kepentingan umum / pelayanan publik
LEGITIMATE_INTEREST = "legitimate_interest"  # huruf f: kepentingan yang sah lainnya

LEGAL_BASES = {
    CONSENT: _("Explicit consent (UU 27/2022 art. 20(2)(a))"),
    CONTRACT: _("Performance of an agreement (art. 20(2)(b))"),
    LEGAL_OBLIGATION: _("Legal obligation of the controller (art. 20(2)(c))"),
    VITAL_INTEREST: _("Vital interest of the data subject (art. 20(2)(d))"),
    PUBLIC_TASK: _("Public task, public service or exercise of authority (art. 20(2)(e))"),
    LEGITIMATE_INTEREST: _("Other legitimate interest (art. 20(2)(f))"),
}

# The uses that rest on consent (privacy.Consent.purpose).
WHATSAPP = "whatsapp"
PHOTO = "photo"
CONSENT_PURPOSES = {
    WHATSAPP: _("Contact through a personal WhatsApp number"),
    PHOTO: _("Publication of a photo"),
}


def personal_fields(model) -> tuple:
    scrubbing = getattr(model, "DataScrubbing", None)
    return tuple(getattr(scrubbing, "personal_fields", ()))


def declaration(model) -> dict | None:
    """The model's declaration with its defaults, or None when it holds no personal field."""
    fields = personal_fields(model)
    if not fields:
        return None
    scrubbing = model.DataScrubbing
    return {
        "fields": fields,
        "purpose": getattr(scrubbing, "purpose", ""),
        "legal_basis": getattr(scrubbing, "legal_basis", ""),
        "retention": getattr(scrubbing, "retention", ""),
        "visible_to": getattr(scrubbing, "visible_to", ""),
        "consent_fields": tuple(getattr(scrubbing, "consent_fields", ())),
    }


_consent_checks: list = []


def register_consent_check(function) -> None:
    """`function(subject, purpose) -> bool` (registered by the privacy app)."""
    if function not in _consent_checks:
        _consent_checks.append(function)


def consent_given(subject, purpose: str) -> bool:
    """Whether `subject` (a member) has a consent in force for `purpose`. Without a registered
    check nothing rests on consent, so nothing is allowed."""
    return any(check(subject, purpose) for check in _consent_checks)


def whatsapp_url(member) -> str:
    """A wa.me link to the member's phone (E.164, core.whatsapp.wa_link), only while their
    WhatsApp consent is in force."""
    phone = getattr(member, "phone", "") or ""
    if not phone or not consent_given(member, WHATSAPP):
        return ""
    return wa_link(phone)


# --- shared model parts (models of meetings, workgroups, privacy, letters, jobs, audit,
# notifications, accounts): the answers that many declarations give alike. A model's
# `class DataScrubbing(RegionRecord):` then states only what is its own (fields, purpose,
# retention).


class RegionRecord:
    """Personal data in the record of a region's work (minutes, follow-up), kept for the public
    task and read by the users of the region."""

    legal_basis = PUBLIC_TASK
    visible_to = _("Users of the region.")


class SystemLog:
    """Personal data in a log the system keeps for its own work (what was sent to whom): no user
    reads it, only system administrators."""

    legal_basis = PUBLIC_TASK
    visible_to = _("Nobody in the application; system administrators.")
