"""Remove signal text past its retention period now, or start the nightly schedule."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.signals import retention, tasks


class Command(BaseCommand):
    help = (
        "Remove the text of signals (and their comments and follow-up notes) older than the "
        "retention period. --schedule queues the nightly purge for the task worker instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the nightly purge unless it is queued already; purge nothing now.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be removed; change nothing."
        )

    def handle(self, *args, schedule: bool = False, dry_run: bool = False, **options):
        if schedule:
            self._schedule()
        elif dry_run:
            found = retention.expired()
            self.stdout.write(
                _(
                    "Would remove the text of %(signals)s signals, %(comments)s comments and "
                    "%(notes)s follow-up notes recorded before %(cutoff)s."
                )
                % {
                    "signals": found.signals,
                    "comments": found.comments,
                    "notes": found.follow_up_notes,
                    "cutoff": retention.retention_cutoff().date().isoformat(),
                }
            )
        else:
            purged = retention.signal_text_purge(by=None)
            self.stdout.write(
                _(
                    "Removed the text of %(signals)s signals recorded before %(cutoff)s; the "
                    "audit trail holds the details."
                )
                % {"signals": purged, "cutoff": retention.retention_cutoff().date().isoformat()}
            )

    def _schedule(self) -> None:
        when, waiting = tasks.NIGHTLY.schedule_by_hand()
        message = (
            _("The nightly purge is already queued for %(when)s.")
            if waiting
            else _("Queued the nightly purge for %(when)s.")
        )
        self.stdout.write(message % {"when": local_minute(when)})
