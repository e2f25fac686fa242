from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self):
        from django.db.models.signals import pre_save

        from core.validation import check_fields

        pre_save.connect(check_fields, dispatch_uid="core.validation.check_fields")
