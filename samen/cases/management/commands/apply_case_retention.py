"""Anonymise expired cases now, or queue the nightly run for the task worker."""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from samen.cases import retention, tasks
from samen.core.nightly import local_minute


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
            when, _waiting = tasks.NIGHTLY.schedule_by_hand()
            message = _("The nightly retention run is queued for %(when)s.")
            self.stdout.write(message % {"when": local_minute(when)})
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
