from django import template

from notifications.services import unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """The user's unread count (one indexed COUNT per page, cached on the request)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return 0
    count = getattr(request, "_unread_notifications", None)
    if count is None:
        count = unread_count(user)
        request._unread_notifications = count
    return count
