"""The notification preferences on the profile page (a section registered with accounts)."""

from django.template.loader import render_to_string

from notifications.kinds import KINDS
from notifications.models import Preference


def preferences_section(request) -> str:
    chosen = dict(Preference.objects.filter(user=request.user).values_list("kind", "email"))
    choices = [
        (key, kind.label, chosen.get(key, kind.email_by_default)) for key, kind in KINDS.items()
    ]
    return render_to_string(
        "notifications/_preferences.html", {"notification_choices": choices}, request
    )
