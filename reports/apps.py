from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports and public transparency")

    def ready(self):
        from reports import jobs  # noqa: F401  (registers the report batch job kinds)
