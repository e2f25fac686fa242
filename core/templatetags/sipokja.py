"""Indonesian formats for templates. The permission tag `{% can %}` lives in accounts
(`{% load access %}`): core knows nothing of users."""

from django import template

from core.formats import format_date_id, format_number, format_rupiah

register = template.Library()


@register.filter
def rupiah(value):
    return format_rupiah(value)


@register.filter
def tanggal(value):
    return format_date_id(value)


@register.filter
def angka(value, decimals=0):
    return format_number(value, decimals)


@register.filter
def whatsapp(member):
    """The wa.me link of a member's phone, only while their WhatsApp consent is in force
    (core.privacy.whatsapp_url): a withdrawn consent removes the link at once."""
    from core.privacy import whatsapp_url

    return whatsapp_url(member)
