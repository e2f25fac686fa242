"""Indonesian formats for templates. The permission tag `{% can %}` lives in accounts
(`{% load access %}`): core knows nothing of users."""

from urllib.parse import urlencode

from django import template

from core.formats import format_date_id, format_number, format_percent, format_rupiah
from core.help import guide_category, help_for
from core.privacy import whatsapp_url
from core.years import open_year

register = template.Library()

# {{ amount|rupiah }}, {{ date|tanggal }}, {{ value|angka:2 }}, {{ value|persen }}
register.filter("rupiah", format_rupiah)
register.filter("tanggal", format_date_id)
register.filter("angka", format_number)
register.filter("persen", format_percent)
# {{ member|whatsapp }}: the wa.me link of a member's phone, only while their WhatsApp consent
# is in force (core.privacy.whatsapp_url): a withdrawn consent removes the link at once.
register.filter("whatsapp", whatsapp_url)


@register.simple_tag(takes_context=True)
def page_help(context):
    """The "How to use this page" text of the current page (core.help), or None."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else None
    text = help_for(view_name)
    return {"text": text, "category": guide_category(view_name)} if text else None


@register.inclusion_tag("components/year_notice.html", takes_context=True)
def year_notice(context, year, url=""):
    """A plain notice when a page shows another year than the open assessment year
    (core.years.open_year), with a link to that year: `url` (default: this page with `?year=`).
    Nothing when the page shows the open year."""
    current = open_year()
    try:
        shown = int(year)
    except (TypeError, ValueError):
        return {"show": False}
    if shown == current:
        return {"show": False}
    request = context.get("request")
    if not url and request is not None:
        query = request.GET.copy()
        query["year"] = current
        url = f"{request.path}?{urlencode(query)}"
    return {"show": True, "year": shown, "open_year": current, "url": url}
