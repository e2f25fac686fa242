from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand

from audit.context import acting_as


class Command(BaseCommand):
    help = "Load the demo log-ins and demo data (marked as demo) of every app. Idempotent."

    def handle(self, *args, **options):
        with acting_as(None):
            for config in apps.get_app_configs():
                try:
                    module = import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name == f"{config.name}.demo":
                        continue
                    raise
                module.load(self.stdout)
