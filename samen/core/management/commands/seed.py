from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from samen.core.seeding import SeedRun, refuse_production_settings, seeders


class Command(BaseCommand):
    help = (
        "Fill an empty database with a synthetic city: staff, teams, organisations, demo accounts."
    )
    # The refusal of production settings comes first, before the checks (see handle).
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Same number, same city.")
        parser.add_argument("--staff", type=int, default=700, help="How many staff members.")
        parser.add_argument(
            "--places-dir",
            type=Path,
            default=None,
            help="A folder with the city's district and neighbourhood GeoJSON files.",
        )
        parser.add_argument(
            "--signals", type=int, default=20_000, help="How many signals over the last year."
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bars.")

    def handle(self, *args, seed, staff, places_dir, signals, no_progress, **options):
        refuse_production_settings()
        if not options.get("skip_checks"):
            self.check()
        if staff < 10:
            raise CommandError(_("A city needs at least 10 staff members (at least one per role)."))
        if get_user_model().objects.exists():
            raise CommandError(
                _("The database already holds accounts; seed only an empty database.")
            )
        run = SeedRun(
            seed=seed,
            staff=staff,
            places_dir=places_dir,
            out=self.stdout.write,
            progress=not no_progress,
            signals=signals,
        )
        with transaction.atomic():
            for seeder in seeders():
                seeder(run)
        print_accounts(self.stdout.write, run.accounts)


def print_accounts(write, accounts) -> None:
    """Print the demo accounts as a table a person can copy from."""
    if not accounts:
        return
    write("")
    write(_("Demo accounts (synthetic data only):"))
    width = max(len(a[0]) for a in accounts)
    mail_width = max(len(a[1]) for a in accounts)
    for role, email, password, note in accounts:
        write(f"  {role:<{width}}  {email:<{mail_width}}  {password}  {note}")
