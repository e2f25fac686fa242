from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from accounts.models import ApiToken, RoleAssignment
        from audit.registry import register

        register(RoleAssignment, fields=("user", "role", "region"))
        register(ApiToken, region=None, fields=("user", "name", "revoked_at"))
