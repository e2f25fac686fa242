from django import template

from accounts.access import has_permission
from accounts.permissions import Permission

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, permission, region=None):
    """`{% load access %}{% can "workgroup.edit" region as can_edit %}`."""
    request = context.get("request")
    if request is None:
        return False
    return has_permission(request.user, Permission(permission), region)
