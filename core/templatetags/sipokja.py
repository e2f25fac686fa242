from django import template

from accounts.access import has_permission
from accounts.permissions import Permission
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


@register.simple_tag(takes_context=True)
def can(context, permission, region=None):
    """`{% can "workgroup.edit" region as can_edit %}`."""
    request = context.get("request")
    if request is None:
        return False
    return has_permission(request.user, Permission(permission), region)
