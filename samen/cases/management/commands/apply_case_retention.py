"""Anonymise expired cases now, or queue the nightly run for the task worker."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.cases import retention, tasks


class Command(BaseCommand):
    help = (
        "Anonymise closed cases past their retention period and delete old rejected "
        "referrals. --schedule queues the nightly run instead; --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, schedule: bool = False, dry_run: bool = False, **options):
        if schedule:
            if not tasks.can_schedule():
                raise CommandError(
                    _(
                        "The task backend runs tasks at once and cannot schedule them; use the "
                        "database backend and run the worker (samen db_worker)."
                    )
                )
            when = tasks.schedule_run()
            self.stdout.write(
                _("The nightly retention run is queued for %(when)s.")
                % {"when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M")}
            )
            return
        if dry_run:
            found = retention.expired()
            self.stdout.write(
                _("Would anonymise %(cases)s cases and delete %(referrals)s referrals.")
                % {"cases": found.cases, "referrals": found.referrals}
            )
            return
        run = retention.case_retention_run(by=None)
        self.stdout.write(
            _(
                "Anonymised %(cases)s cases and deleted %(referrals)s referrals; the audit "
                "trail holds the numbers."
            )
            % {"cases": run.cases, "referrals": run.referrals}
        )
