import datetime

from django.core.management.base import BaseCommand, CommandError

from audit.context import acting_as
from meetings.reminders import run_reminders


class Command(BaseCommand):
    help = (
        "E-mail reminders for action items due within 7 days, overdue action items and tomorrow's "
        "meetings. Each reminder is sent once, however often this runs (meant for cron, e.g. hourly)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Act as if today were this date (YYYY-MM-DD).")

    def handle(self, *args, **options):
        today = None
        if options.get("date"):
            try:
                today = datetime.date.fromisoformat(options["date"])
            except ValueError:
                raise CommandError("--date must look like 2025-07-24") from None
        with acting_as(None):
            sent = run_reminders(today=today)
        summary = ", ".join(f"{kind}: {count}" for kind, count in sent.items())
        self.stdout.write(f"Reminders sent: {sum(sent.values())} ({summary}).")
        return None
