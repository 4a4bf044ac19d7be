"""Put elevated roles that lapsed unconfirmed in the audit trail now, or start the schedule."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.people import tasks
from samen.people.actions import role_lapses_record


class Command(BaseCommand):
    help = (
        "Write one audit record per elevated role that lapsed unconfirmed since the last run "
        "(access never waits for this). --schedule queues the nightly run instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the nightly run unless it is queued already; record nothing now.",
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
        lapsed = role_lapses_record(by=None)
        self.stdout.write(_("%(count)s lapsed roles recorded.") % {"count": len(lapsed)})
