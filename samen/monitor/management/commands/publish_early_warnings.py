"""Publish the districts' early warnings to partners' webhooks now, or start the daily run."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.monitor import tasks
from samen.monitor.actions import early_warnings_publish


class Command(BaseCommand):
    help = (
        "Publish this week's and last week's early warnings of every district to the webhooks "
        "subscribed to them (each once). --schedule queues the daily run for the task worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily run unless it is queued already; publish nothing now.",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            when, waiting = tasks.NIGHTLY.schedule_by_hand()
            message = (
                _("The daily early warnings are already queued for %(when)s.")
                if waiting
                else _("Queued the daily early warnings for %(when)s.")
            )
            self.stdout.write(message % {"when": local_minute(when)})
            return
        found = early_warnings_publish(by=None)
        self.stdout.write(_("%(count)s early warnings; each is sent once.") % {"count": found})
