"""Draw a year's report to other policy levels now, or start its daily schedule."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.reporting import tasks
from samen.reporting.actions import level_report_draw


class Command(BaseCommand):
    help = (
        "Draw the draft of a year's report to other policy levels from today's figures "
        "(--year, default last year). --schedule queues the daily run instead, which draws "
        "last year's draft from 15 January."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The year to report on (default: last year).")
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily run unless it is queued already; draw nothing now.",
        )

    def handle(self, *args, year=None, schedule: bool = False, **options):
        if schedule:
            when, was_waiting = tasks.NIGHTLY.schedule_by_hand()
            message = (
                _("The nightly run was queued already, for %(when)s.")
                if was_waiting
                else _("The nightly run is queued for %(when)s.")
            )
            self.stdout.write(message % {"when": local_minute(when)})
            return
        year = year or timezone.localdate().year - 1
        try:
            report = level_report_draw(by=None, year=year)
        except ValidationError as refused:
            raise CommandError(" ".join(refused.messages)) from refused
        self.stdout.write(
            _("The draft of %(year)s is drawn (SHA-256 %(hash)s).")
            % {"year": report.year, "hash": report.content_sha256}
        )
