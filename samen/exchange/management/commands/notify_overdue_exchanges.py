"""Notify both sides of every exchange past its answer date now, or start the schedule."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.exchange import tasks
from samen.exchange.actions import overdue_exchanges_notify


class Command(BaseCommand):
    help = (
        "Notify both sides of every open exchange past its answer date (once per exchange and "
        "date). --schedule queues the nightly run instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the nightly run unless it is queued already; notify nothing now.",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            when, was_waiting = tasks.NIGHTLY.schedule_by_hand()
            message = (
                _("The nightly run was queued already, for %(when)s.")
                if was_waiting
                else _("The nightly run is queued for %(when)s.")
            )
            self.stdout.write(message % {"when": local_minute(when)})
            return
        notified = overdue_exchanges_notify(by=None)
        self.stdout.write(_("%(count)s notifications of overdue exchanges.") % {"count": notified})
