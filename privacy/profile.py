"""The personal-data section of the profile page: download my data, correct my contact data."""

from django.apps import apps
from django.template.loader import render_to_string


def personal_data_section(request) -> str:
    member = apps.get_model("workgroups", "Member").objects.filter(user=request.user).first()
    return render_to_string("privacy/_profile.html", {"privacy_member": member}, request)
