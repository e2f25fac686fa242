from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        from accounts.profile_sections import register_profile_section
        from notifications.profile import preferences_section

        register_profile_section(preferences_section)
