"""Indonesian formats for templates. The permission tag `{% can %}` lives in accounts
(`{% load access %}`): core knows nothing of users."""

from django import template

from core.formats import format_date_id, format_number, format_percent, format_rupiah
from core.help import guide_category, help_for

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


@register.filter
def persen(value, decimals=1):
    return format_percent(value, decimals)


@register.simple_tag(takes_context=True)
def page_help(context):
    """The "How to use this page" text of the current page (core.help), or None."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    text = help_for(view_name)
    return {"text": text, "category": guide_category(view_name)} if text else None
