from django.core.management.base import BaseCommand

from audit.context import acting_as
from core.discovery import app_modules


class Command(BaseCommand):
    help = "Load the demo log-ins and demo data (marked as demo) of every app. Idempotent."

    def handle(self, *args, **options):
        with acting_as(None):
            for _config, module in app_modules("demo"):
                module.load(self.stdout)
