"""Remove mediations' personal data past its retention period now, or start the schedule."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.mediation import retention, tasks


class Command(BaseCommand):
    help = (
        "Remove the personal data (parties, session summaries, notes) of mediations closed "
        "longer ago than the retention period, and of open mediations without activity for "
        "that long (which are closed as lapsed). --schedule queues the nightly purge instead."
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
        cutoff = retention.retention_cutoff().date().isoformat()
        if schedule:
            self._schedule()
            return
        if dry_run:
            found = retention.expired()
            message = _(
                "Would remove the personal data of %(mediations)s mediations (%(parties)s "
                "parties, %(sessions)s sessions): %(closed)s closed before %(cutoff)s, and "
                "%(idle)s open without activity since before %(cutoff)s, which would be "
                "closed as lapsed."
            )
        else:
            found = retention.mediation_personal_data_purge(by=None)
            message = _(
                "Removed the personal data of %(mediations)s mediations (%(parties)s parties, "
                "%(sessions)s sessions): %(closed)s closed before %(cutoff)s, and %(idle)s open "
                "without activity since before %(cutoff)s, now closed as lapsed; the audit "
                "trail holds the details."
            )
        self.stdout.write(
            message
            % {
                "mediations": found.mediations,
                "parties": found.parties,
                "sessions": found.sessions,
                "closed": found.closed.mediations,
                "idle": found.idle.mediations,
                "cutoff": cutoff,
            }
        )

    def _schedule(self) -> None:
        when, waiting = tasks.NIGHTLY.schedule_by_hand()
        message = (
            _("The nightly purge of mediation data is already queued for %(when)s.")
            if waiting
            else _("Queued the nightly purge of mediation data for %(when)s.")
        )
        self.stdout.write(message % {"when": local_minute(when)})
