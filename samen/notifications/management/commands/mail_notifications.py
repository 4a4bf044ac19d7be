"""Build the digests due now and send every e-mail whose attempt has come, or start the
morning schedule."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.core.nightly import local_minute
from samen.notifications import tasks


class Command(BaseCommand):
    help = (
        "Build today's notification digests (and the week's on a Monday) and send every "
        "notification e-mail that is due. --schedule queues the 07:00 run for the task worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the morning run unless it is queued already; send nothing now.",
        )

    def handle(self, *args, schedule: bool = False, **options):
        if schedule:
            when, waiting = tasks.DIGESTS.schedule_by_hand()
            message = (
                _("The notification digests are already queued for %(when)s.")
                if waiting
                else _("Queued the notification digests for %(when)s.")
            )
            self.stdout.write(message % {"when": local_minute(when)})
            return
        result = tasks.digests_run()
        self.stdout.write(
            _("Built %(daily)s daily and %(weekly)s weekly digests; sent %(sent)s e-mails.")
            % {
                "daily": result["daily"],
                "weekly": result.get("weekly", 0),
                "sent": result["sent"],
            }
        )
