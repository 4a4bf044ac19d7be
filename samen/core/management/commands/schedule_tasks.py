"""Queue every module's daily task at once (a new deployment's one step), or list them."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from samen.core.nightly import every_nightly, local_minute


class Command(BaseCommand):
    help = (
        "Queue the next run of every daily task (retention, reminders, digests, reports) "
        "unless it waits already; each keeps itself scheduled afterwards. --list only shows "
        "them and when they run."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--list",
            action="store_true",
            help="Show the daily tasks and their next queued run; queue nothing.",
        )

    def handle(self, *args, list: bool = False, **options):  # noqa: A002 (the option's name)
        every = every_nightly()
        if list:
            for nightly in every:
                waiting = nightly.queued() if nightly.can_schedule() else None
                when = local_minute(waiting.run_after) if waiting else _("not queued")
                self.stdout.write(f"{nightly.at:%H:%M}  {nightly.name}  {when}")
            return
        if not every or not every[0].can_schedule():
            raise CommandError(
                _(
                    "The task backend runs tasks at once and cannot schedule them; use the "
                    "database backend and run the worker (samen db_worker)."
                )
            )
        for nightly in every:
            when, was_waiting = nightly.schedule_by_hand()
            message = (
                _("%(task)s was queued already, for %(when)s.")
                if was_waiting
                else _("%(task)s is queued for %(when)s.")
            )
            self.stdout.write(message % {"task": nightly.name, "when": local_minute(when)})
