"""One WhatsApp consent: the consent register (privacy.Consent, with its text, method and date)
and the member's `whatsapp_consent` flag (what workgroups and notifications read to offer a
wa.me link) always say the same thing.

- Giving or withdrawing the consent here sets the flag (privacy.services).
- Ticking or clearing the box on the member form records or withdraws the consent here (a
  signal, since workgroups sits below privacy and cannot call it)."""

from django.db.models.signals import post_save, pre_save

from audit.context import current_actor
from core.privacy import WHATSAPP

FORM_TEXT = (
    "Anggota menyetujui nomor teleponnya dipakai untuk pesan WhatsApp tentang kegiatan Pokja "
    "(dicatat operator pada formulir anggota)."
)


def set_flag(member, value: bool) -> None:
    """The member's flag, without a model save (no signal loop, the Consent row is audited)."""
    from workgroups.models import Member

    Member.objects.filter(pk=member.pk).update(whatsapp_consent=value)
    member.whatsapp_consent = value


def _remember(sender, instance, **kwargs):
    if instance.pk is None:
        instance._whatsapp_before = False
        return
    instance._whatsapp_before = (
        sender.objects.filter(pk=instance.pk).values_list("whatsapp_consent", flat=True).first()
    )


def _follow(sender, instance, created, **kwargs):
    from privacy.models import Consent
    from privacy.services import consent_in_force, withdraw_consent

    actor = current_actor()
    actor = actor if getattr(actor, "pk", None) else None
    before = getattr(instance, "_whatsapp_before", None)
    now = bool(instance.whatsapp_consent)
    if before == now and not created:
        return
    if now and not consent_in_force(instance, WHATSAPP):
        Consent.objects.create(
            member=instance,
            purpose=WHATSAPP,
            text=FORM_TEXT,
            method=Consent.Method.FORM,
            recorded_by=actor,
        )
    elif not now and not created:
        withdraw_consent(member=instance, purpose=WHATSAPP, by=actor)


def connect():
    from workgroups.models import Member

    pre_save.connect(_remember, sender=Member, dispatch_uid="privacy.whatsapp.remember")
    post_save.connect(_follow, sender=Member, dispatch_uid="privacy.whatsapp.follow")
