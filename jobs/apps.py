from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = _("Background jobs")

    def ready(self):
        # The kinds of the jobs app itself: e-mail and housekeeping (with its schedule); imports
        # delete their uploaded file once finished.
        from jobs import housekeeping, imports, mail  # noqa: F401
