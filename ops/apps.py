from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations that must see every app: demo data, backup, restore, the anonymised copy.

    The top app layer (docs/architecture.md): it may import any app; no app imports it. No
    models, no pages."""

    name = "ops"
    verbose_name = "Operations"
